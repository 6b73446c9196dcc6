import { createScheduledController, env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client';
import { FEATURES } from '../../src/features';
import { buildDigest } from '../../src/features/monitoring/digest';
import { runScheduled } from '../../src/jobs';
import { type Browser, loginAs } from '../helpers/auth';
import { ORIGIN } from '../helpers/http';
import { fetchWithBindings } from '../helpers/worker';

// The deployment watched (issue 18): the status page shows every job's last run and outcome, failed purges, queued
// work and the storage census; failed jobs reach the daily digest.
const DAILY = '0 17 * * *';
let dk: Browser;
const now = Date.now();

beforeAll(async () => {
  dk = await loginAs([['diskominfo', '64.08']]);
  await env.FILES.put('docs/uji/a.pdf', new Uint8Array(1500));
  await env.FILES.put('docs/uji/b.pdf', new Uint8Array(500));
  await env.FILES.put('public/impor/c.png', new Uint8Array(100));
  const insertRun =
    "INSERT INTO job_runs (id, job, schedule, cron, scheduled_at, started_at, finished_at, status, error) VALUES (?, ?, 'hourly', '5 * * * *', ?, ?, ?, ?, ?)";
  await env.DB.batch([
    env.DB.prepare(insertRun).bind('RUN1', 'complaints autoclose', now - 3_600_000, now - 3_600_000, now - 3_599_000, 'selesai', null),
    env.DB.prepare(insertRun).bind(
      'RUN2',
      'impor situs lama',
      now - 7_200_000,
      now - 7_200_000,
      now - 7_100_000,
      'gagal',
      'impor X: akun pengimpor tidak aktif',
    ),
    env.DB.prepare("INSERT INTO pending_purges VALUES ('64.08.04.2012', ?, ?, 4, 'Error: KV tidak tersedia')").bind(now - 600_000, now - 60_000),
    env.DB.prepare(
      "INSERT INTO import_jobs (id, region_code, format, source_name, status, total, cursor, created_by, created_at, updated_at) VALUES ('01JOBUJI000000000000000000', '64.08.04.2012', 'wxr', 'ekspor.xml', 'berjalan', 40, 12, ?, ?, ?)",
    ).bind(dk.userId, now - 900_000, now - 900_000),
  ]);
}, 60_000);

describe('storage census and status page', () => {
  it('the daily census measures R2 per prefix, the D1 size and table rows', async () => {
    await runScheduled(
      createScheduledController({ cron: DAILY, scheduledTime: now }),
      env,
      FEATURES.filter((f) => f.name === 'system-status'),
    );
    const rows = await env.DB.prepare('SELECT item, count, bytes, complete FROM storage_census ORDER BY item').all<{
      item: string;
      count: number;
      bytes: number;
      complete: number;
    }>();
    const byItem = Object.fromEntries(rows.results.map((r) => [r.item, r]));
    expect(byItem['r2:docs/']).toMatchObject({ count: 2, bytes: 2000, complete: 1 });
    expect(byItem['r2:public/']).toMatchObject({ count: 1, bytes: 100 });
    expect(byItem['d1:size']!.bytes).toBeGreaterThan(0);
    expect(byItem['d1:rows:job_runs']!.count).toBeGreaterThanOrEqual(2);
    const run = await env.DB.prepare("SELECT status FROM job_runs WHERE job = 'sensus penyimpanan'").first<{ status: string }>();
    expect(run?.status).toBe('selesai');
  });

  it('shows job runs with their outcome, failed purges, queued imports and storage to Diskominfo', async () => {
    const res = await dk.get('/admin/status');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('Status sistem');
    // Every registered job is listed, run or not; the core jobs once recorded.
    for (const name of ['scheduled publish', 'monitoring (harian)', 'complaints autoclose', 'impor situs lama', 'sensus penyimpanan'])
      expect(html).toContain(name);
    expect(html).toContain('impor X: akun pengimpor tidak aktif');
    expect(html).toContain('Belum pernah');
    expect(html).toContain('64.08.04.2012: gagal sejak');
    expect(html).toContain('Error: KV tidak tersedia');
    expect(html).toContain('href="/admin/impor/01JOBUJI000000000000000000"');
    expect(html).toContain('12 dari 40 item');
    expect(html).toContain('Berkas R2 docs/');
    expect(html).toContain('href="/healthz"');
  });

  it('is Diskominfo’s only', async () => {
    const op = await loginAs([['operator_kecamatan', '64.08.04']]);
    expect((await op.get('/admin/status')).status).toBe(404);
  }, 60_000);

  it('failed jobs of the last 24 hours reach the daily digest', async () => {
    const digest = await buildDigest(createDb(env.DB), now, 'Portal Uji', '');
    expect(digest.failed_jobs).toEqual([
      { job: 'impor situs lama', started_at: new Date(now - 7_200_000).toISOString(), error: 'impor X: akun pengimpor tidak aktif' },
    ]);
    expect(digest.text).toContain('1 tugas terjadwal gagal');
  });
});

describe('/healthz', () => {
  it('reports D1, KV and R2; a failing storage makes it 503 degraded, naming it', async () => {
    const ok = await fetchWithBindings(`${ORIGIN}/healthz`, {});
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 'ok', checks: { d1: 'ok', kv: 'ok', r2: 'ok' } });
    const brokenR2 = { head: () => Promise.reject(new Error('R2 tidak tersedia')) } as unknown as R2Bucket;
    const degraded = await fetchWithBindings(`${ORIGIN}/healthz`, { FILES: brokenR2 });
    expect(degraded.status).toBe(503);
    expect(degraded.headers.get('Cache-Control')).toBe('no-store');
    expect(await degraded.json()).toMatchObject({ status: 'degraded', checks: { d1: 'ok', kv: 'ok', r2: 'error' } });
  });
});
