// Every scheduled job run records the D1 queries and KV operations it made (counting bindings at the dispatcher,
// src/lib/binding-counter.ts): counts, never timings.
import { createScheduledController, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { runScheduled } from '../../src/jobs';

const DAILY = '0 17 * * *';

describe('job run counts', () => {
  it('records each job’s D1 queries (a batch counts per statement) and KV operations', async () => {
    const now = Date.UTC(2026, 6, 1, 17);
    const registry = [
      {
        name: 'uji',
        jobs: [
          {
            name: 'uji hitung',
            schedule: 'daily' as const,
            run: async (_c: ScheduledController, jobEnv: typeof env) => {
              await jobEnv.DB.prepare('SELECT 1').first();
              await jobEnv.DB.prepare('SELECT ?').bind(2).all();
              await jobEnv.DB.batch([jobEnv.DB.prepare('SELECT 3'), jobEnv.DB.prepare('SELECT ?').bind(4)]);
              await jobEnv.PAGE_CACHE.put('uji:hitung', 'x');
              await jobEnv.PAGE_CACHE.get('uji:hitung');
              await jobEnv.PAGE_CACHE.list({ prefix: 'uji:' });
              await jobEnv.PAGE_CACHE.delete('uji:hitung');
            },
          },
          { name: 'uji diam', schedule: 'daily' as const, run: async () => {} },
        ],
      },
    ];
    await runScheduled(createScheduledController({ cron: DAILY, scheduledTime: now }), env, registry);
    const rows = await env.DB.prepare("SELECT job, d1_queries, kv_ops FROM job_runs WHERE job LIKE 'uji %' ORDER BY job").all<{
      job: string;
      d1_queries: number;
      kv_ops: number;
    }>();
    expect(rows.results).toEqual([
      { job: 'uji diam', d1_queries: 0, kv_ops: 0 },
      { job: 'uji hitung', d1_queries: 4, kv_ops: 4 },
    ]);
    const core = await env.DB.prepare("SELECT d1_queries FROM job_runs WHERE job = 'housekeeping' AND scheduled_at = ?")
      .bind(now)
      .first<{ d1_queries: number }>();
    expect(core?.d1_queries).toBe(5);
  });
});
