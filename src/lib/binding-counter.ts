/**
 * Counting wrappers of the D1 and KV bindings, put around each scheduled job by the cron dispatcher
 * (src/jobs/index.ts) so every run records how many D1 queries and KV operations it made (job_runs.d1_queries /
 * kv_ops; budget: 1,000 of each per run). A D1 batch counts one query per statement, as D1 counts them.
 */
export interface OperationCounts {
  d1: number;
  kv: number;
}

const EXECUTE = new Set(['all', 'run', 'first', 'raw']);
const KV_OPS = new Set(['get', 'getWithMetadata', 'put', 'delete', 'list']);

export function countingBindings(db: D1Database, kv: KVNamespace): { db: D1Database; kv: KVNamespace; counts: OperationCounts } {
  const counts: OperationCounts = { d1: 0, kv: 0 };
  const real = new WeakMap<object, D1PreparedStatement>();

  const wrapStatement = (stmt: D1PreparedStatement): D1PreparedStatement => {
    const proxy = new Proxy(stmt, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (typeof value !== 'function') return value;
        if (prop === 'bind') return (...args: unknown[]) => wrapStatement(target.bind(...args));
        if (EXECUTE.has(String(prop))) {
          return (...args: unknown[]) => {
            counts.d1 += 1;
            return value.apply(target, args);
          };
        }
        return value.bind(target);
      },
    });
    real.set(proxy, stmt);
    return proxy;
  };

  const countedDb = new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (prop === 'prepare') return (query: string) => wrapStatement(target.prepare(query));
      if (prop === 'batch') {
        return (statements: D1PreparedStatement[]) => {
          counts.d1 += statements.length;
          return target.batch(statements.map((s) => real.get(s) ?? s));
        };
      }
      if (prop === 'exec') {
        return (query: string) => {
          counts.d1 += 1;
          return target.exec(query);
        };
      }
      return value.bind(target);
    },
  });

  const countedKv = new Proxy(kv, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (KV_OPS.has(String(prop))) {
        return (...args: unknown[]) => {
          counts.kv += 1;
          return value.apply(target, args);
        };
      }
      return value.bind(target);
    },
  });

  return { db: countedDb, kv: countedKv, counts };
}
