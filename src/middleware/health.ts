import type { Handler } from 'hono';
import type { AppEnv, Bindings } from '../env';

/**
 * GET /healthz for uptime monitors and the release procedure: one cheap read from each storage the portal depends on
 * — D1 (`SELECT 1`), KV (a read of a key that need not exist) and R2 (a HEAD of a key that need not exist). Nothing is
 * written. 200 `ok` when all answer, 503 `degraded` naming the failing ones; each check is bounded by a timeout so a
 * hanging binding cannot hang the monitor. Never cached.
 */
type CheckName = 'd1' | 'kv' | 'r2';
const CHECK_TIMEOUT_MS = 3_000;
const PROBE_KEY = 'healthz/probe';

const CHECKS: Record<CheckName, (env: Bindings) => Promise<unknown>> = {
  d1: (env) => env.DB.prepare('SELECT 1 AS ok').first(),
  kv: (env) => env.PAGE_CACHE.get(PROBE_KEY),
  r2: (env) => env.FILES.head(PROBE_KEY),
};

async function timed(name: CheckName, env: Bindings, requestId: string): Promise<{ ok: boolean; ms: number }> {
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      CHECKS[name](env),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timeout after ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { ok: true, ms: Date.now() - started };
  } catch (err) {
    console.error(JSON.stringify({ msg: `healthz ${name} failed`, requestId, err: String(err) }));
    return { ok: false, ms: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

export function healthz(): Handler<AppEnv> {
  return async function healthzHandler(c) {
    const started = Date.now();
    const names = Object.keys(CHECKS) as CheckName[];
    const results = await Promise.all(names.map((n) => timed(n, c.env, c.get('requestId'))));
    const checks = Object.fromEntries(names.map((n, i) => [n, results[i]!.ok ? 'ok' : 'error'])) as Record<CheckName, 'ok' | 'error'>;
    const latency = Object.fromEntries(names.map((n, i) => [n, results[i]!.ms])) as Record<CheckName, number>;
    const healthy = results.every((r) => r.ok);
    c.header('Cache-Control', 'no-store');
    return c.json(
      { status: healthy ? 'ok' : 'degraded', version: c.env.APP_VERSION, checks, latency_ms: latency, duration_ms: Date.now() - started },
      healthy ? 200 : 503,
    );
  };
}
