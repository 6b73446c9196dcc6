import { lt, sql } from 'drizzle-orm';
import { createDb, type Db } from '../../db/client';
import { storageCensus } from '../../db/schema';
import type { Bindings } from '../../env';
import type { ScheduledJob } from '../descriptor';

/**
 * The daily storage census for the status page: R2 objects and bytes per top-level key prefix (listing at most
 * R2_LIST_BUDGET pages of 1,000 keys; past that the figures are a lower bound, marked incomplete), the D1 database
 * size, and the row counts of the tables that grow with use. The limits in the README are read against these.
 */
const R2_LIST_BUDGET = 50;
const COUNTED_TABLES = ['posts', 'documents', 'document_versions', 'complaints', 'audit_log', 'legacy_redirects', 'import_results', 'job_runs'] as const;

interface Measure {
  item: string;
  count: number;
  bytes: number;
  complete: boolean;
}

async function r2Census(bucket: R2Bucket): Promise<Measure[]> {
  const byPrefix = new Map<string, { count: number; bytes: number }>();
  let cursor: string | undefined;
  let pages = 0;
  let complete = false;
  while (pages < R2_LIST_BUDGET) {
    const page = await bucket.list({ cursor, limit: 1000 });
    pages++;
    for (const o of page.objects) {
      const prefix = `r2:${o.key.split('/', 1)[0]}/`;
      const m = byPrefix.get(prefix) ?? { count: 0, bytes: 0 };
      m.count++;
      m.bytes += o.size;
      byPrefix.set(prefix, m);
    }
    if (!page.truncated) {
      complete = true;
      break;
    }
    cursor = page.cursor;
  }
  return [...byPrefix].map(([item, m]) => ({ item, ...m, complete }));
}

async function d1Census(db: Db, d1: D1Database): Promise<Measure[]> {
  const size = (await d1.prepare('SELECT 1').run()).meta.size_after ?? 0;
  const rows = await Promise.all(
    COUNTED_TABLES.map(async (t) => {
      const n = await db
        .get<{ n: number }>(sql.raw(`SELECT COUNT(*) AS n FROM ${t}`))
        .then((r) => r?.n ?? 0)
        .catch(() => null);
      return n === null ? [] : [{ item: `d1:rows:${t}`, count: n, bytes: 0, complete: true }];
    }),
  );
  return [{ item: 'd1:size', count: 0, bytes: size, complete: true }, ...rows.flat()];
}

export async function measureStorage(env: Pick<Bindings, 'DB' | 'FILES'>, now: number): Promise<Measure[]> {
  const db = createDb(env.DB);
  const measures = [...(await d1Census(db, env.DB)), ...(await r2Census(env.FILES))];
  await db.batch([
    ...measures.map((m) =>
      db
        .insert(storageCensus)
        .values({ ...m, measuredAt: now })
        .onConflictDoUpdate({ target: storageCensus.item, set: { count: m.count, bytes: m.bytes, complete: m.complete, measuredAt: now } }),
    ),
    db.delete(storageCensus).where(lt(storageCensus.measuredAt, now)),
  ] as unknown as Parameters<typeof db.batch>[0]);
  return measures;
}

export const storageCensusJob: ScheduledJob = {
  name: 'sensus penyimpanan',
  schedule: 'daily',
  async run(controller, env) {
    await measureStorage(env, controller.scheduledTime);
  },
};
