import { createScheduledController, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { jobsOf } from '../../src/features/descriptor';
import { FEATURES } from '../../src/features';
import { runScheduled } from '../../src/jobs';
import { DAY_MS } from '../../src/lib/time';

const DAILY = '0 17 * * *';
const HOURLY = '5 * * * *';
const count = async (sql: string, ...args: unknown[]) =>
  (
    await env.DB.prepare(sql)
      .bind(...args)
      .first<{ n: number }>()
  )?.n ?? 0;

// The core jobs of src/jobs/index.ts, run alone (an empty registry: no feature jobs).
describe('scheduled core jobs', () => {
  it('daily: prunes idempotency keys older than 30 days and rate-limit windows older than a day, keeping newer ones', async () => {
    const now = Date.UTC(2026, 5, 1, 17);
    const key = (n: string) => `uji-${n}-${crypto.randomUUID()}`;
    const oldKey = key('lama');
    const newKey = key('baru');
    await env.DB.batch([
      env.DB.prepare("INSERT INTO idempotency_keys (scope, key, request_hash, result_ref, created_at) VALUES ('uji', ?, 'h', 'r', ?)").bind(
        oldKey,
        now - 31 * DAY_MS,
      ),
      env.DB.prepare("INSERT INTO idempotency_keys (scope, key, request_hash, result_ref, created_at) VALUES ('uji', ?, 'h', 'r', ?)").bind(
        newKey,
        now - DAY_MS,
      ),
      env.DB.prepare('INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1)').bind(oldKey, now - 2 * DAY_MS),
      env.DB.prepare('INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1)').bind(newKey, now - 60 * 60_000),
    ]);
    await runScheduled(createScheduledController({ cron: DAILY, scheduledTime: now }), env, []);
    expect(await count('SELECT COUNT(*) AS n FROM idempotency_keys WHERE key = ?', oldKey)).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM idempotency_keys WHERE key = ?', newKey)).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM rate_limits WHERE key = ?', oldKey)).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM rate_limits WHERE key = ?', newKey)).toBe(1);
  });

  it('hourly: retries pending purges; an unknown cron expression runs nothing', async () => {
    const now = Date.now();
    await env.DB.prepare("INSERT INTO pending_purges VALUES ('64.08.04.2012', ?, ?, 1, 'Error: uji')").bind(now, now).run();
    await runScheduled(createScheduledController({ cron: '1 2 3 4 5', scheduledTime: now }), env, []);
    expect(await count('SELECT COUNT(*) AS n FROM pending_purges')).toBe(1);
    await runScheduled(createScheduledController({ cron: HOURLY, scheduledTime: now }), env, []);
    expect(await count('SELECT COUNT(*) AS n FROM pending_purges')).toBe(0);
  });

  it("the registered features' jobs keep their schedules", () => {
    expect(jobsOf(FEATURES, 'daily').map((j) => j.name)).toEqual(['scheduled publish', 'monitoring (harian)', 'tender statuses']);
    expect(jobsOf(FEATURES, 'hourly').map((j) => j.name)).toEqual(['scheduled publish', 'complaints autoclose', 'monitoring (per jam)', 'tender statuses']);
  });
});
