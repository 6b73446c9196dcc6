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

  it('daily: prunes revoked session ids past their expiry and login-throttle keys quiet for a day', async () => {
    const now = Date.UTC(2026, 5, 2, 17);
    const id = (n: string) => `uji-${n}-${crypto.randomUUID()}`;
    const [oldJti, liveJti, oldKey, liveKey] = [id('jti-lama'), id('jti-hidup'), `ip:${id('lama')}`, `ip:${id('baru')}`];
    await env.DB.batch([
      env.DB.prepare('INSERT INTO revoked_sessions (jti, expires_at) VALUES (?, ?)').bind(oldJti, now - 60_000),
      env.DB.prepare('INSERT INTO revoked_sessions (jti, expires_at) VALUES (?, ?)').bind(liveJti, now + 60 * 60_000),
      env.DB.prepare('INSERT INTO login_throttle (key, failures, next_allowed_at, updated_at) VALUES (?, 9, 0, ?)').bind(oldKey, now - 2 * DAY_MS),
      env.DB.prepare('INSERT INTO login_throttle (key, failures, next_allowed_at, updated_at) VALUES (?, 9, 0, ?)').bind(liveKey, now - 60 * 60_000),
    ]);
    await runScheduled(createScheduledController({ cron: DAILY, scheduledTime: now }), env, []);
    expect(await count('SELECT COUNT(*) AS n FROM revoked_sessions WHERE jti = ?', oldJti)).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM revoked_sessions WHERE jti = ?', liveJti)).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM login_throttle WHERE key = ?', oldKey)).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM login_throttle WHERE key = ?', liveKey)).toBe(1);
  });

  it('hourly: retries pending purges; an unknown cron expression runs nothing', async () => {
    const now = Date.now();
    await env.DB.prepare("INSERT INTO pending_purges VALUES ('64.08.04.2012', ?, ?, 1, 'Error: uji')").bind(now, now).run();
    await runScheduled(createScheduledController({ cron: '1 2 3 4 5', scheduledTime: now }), env, []);
    expect(await count('SELECT COUNT(*) AS n FROM pending_purges')).toBe(1);
    await runScheduled(createScheduledController({ cron: HOURLY, scheduledTime: now }), env, []);
    expect(await count('SELECT COUNT(*) AS n FROM pending_purges')).toBe(0);
  });

  it('records every run in job_runs: a job that throws or reports a failure is failed, the next job still runs', async () => {
    const now = Date.UTC(2026, 5, 3, 17);
    const ran: string[] = [];
    const registry = [
      {
        name: 'uji',
        jobs: [
          {
            name: 'uji lempar',
            schedule: 'daily' as const,
            run: async () => {
              ran.push('lempar');
              throw new Error('rusak');
            },
          },
          {
            name: 'uji lapor',
            schedule: 'daily' as const,
            run: async () => {
              ran.push('lapor');
              return { failed: 'dua impor gagal' };
            },
          },
          {
            name: 'uji baik',
            schedule: 'daily' as const,
            run: async () => {
              ran.push('baik');
            },
          },
        ],
      },
    ];
    await runScheduled(createScheduledController({ cron: DAILY, scheduledTime: now }), env, registry);
    expect(ran).toEqual(['lempar', 'lapor', 'baik']);
    const rows = await env.DB.prepare("SELECT job, status, error, finished_at, schedule, scheduled_at FROM job_runs WHERE job LIKE 'uji %' ORDER BY job").all<{
      job: string;
      status: string;
      error: string | null;
      finished_at: number | null;
      schedule: string;
      scheduled_at: number;
    }>();
    expect(rows.results.map((r) => [r.job, r.status])).toEqual([
      ['uji baik', 'selesai'],
      ['uji lapor', 'gagal'],
      ['uji lempar', 'gagal'],
    ]);
    expect(rows.results.find((r) => r.job === 'uji lempar')?.error).toBe('Error: rusak');
    expect(rows.results.find((r) => r.job === 'uji lapor')?.error).toBe('dua impor gagal');
    for (const r of rows.results) {
      expect(r.finished_at).not.toBeNull();
      expect([r.schedule, r.scheduled_at]).toEqual(['daily', now]);
    }
    // The core jobs are recorded too.
    expect(await count("SELECT COUNT(*) AS n FROM job_runs WHERE job = 'housekeeping' AND scheduled_at = ? AND status = 'selesai'", now)).toBe(1);
  });

  it('daily housekeeping drops job run records older than 90 days', async () => {
    const now = Date.UTC(2026, 8, 1, 17);
    const insert = "INSERT INTO job_runs (id, job, schedule, cron, scheduled_at, started_at, status) VALUES (?, 'uji arsip', 'daily', ?, ?, ?, 'selesai')";
    await env.DB.batch([
      env.DB.prepare(insert).bind('lama-1', DAILY, now - 91 * DAY_MS, now - 91 * DAY_MS),
      env.DB.prepare(insert).bind('baru-1', DAILY, now - 89 * DAY_MS, now - 89 * DAY_MS),
    ]);
    await runScheduled(createScheduledController({ cron: DAILY, scheduledTime: now }), env, []);
    expect(await count("SELECT COUNT(*) AS n FROM job_runs WHERE id = 'lama-1'")).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM job_runs WHERE id = 'baru-1'")).toBe(1);
  });

  it("the registered features' jobs keep their schedules", () => {
    expect(jobsOf(FEATURES, 'daily').map((j) => j.name)).toEqual([
      'scheduled publish',
      'stale chunked uploads',
      'monitoring (harian)',
      'notifikasi petugas (harian)',
      'partner-token-revocations',
      'personal-data retention',
      'tender statuses',
      'sensus penyimpanan',
    ]);
    expect(jobsOf(FEATURES, 'hourly').map((j) => j.name)).toEqual([
      'scheduled publish',
      'complaints autoclose',
      'ppid data-key reseal',
      'letters data-key reseal',
      'monitoring (per jam)',
      'notifikasi petugas (per jam)',
      'pesan keluar (per jam)',
      'tender statuses',
      'impor situs lama',
    ]);
  });
});
