// Daily digest webhook: settings validation, delivery through scheduled() with retries and backoff, the same
// Idempotency-Key on every attempt, later runs retrying undelivered digests, and never a second delivery.
import { env } from 'cloudflare:test';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '../../src/db/client';
import { MAX_TOTAL_ATTEMPTS, retryPendingDigests, sendDailyDigest, type DigestDeps } from '../../src/features/monitoring/digest';
import { messagingConfig } from '../../src/messaging/config';
import { loadSettings } from '../../src/features/monitoring/settings';
import { loginAs, type Browser } from '../helpers/auth';
import { countsOf, DAILY, HOURLY, runCron, runs, wita } from '../helpers/monitoring';

const DAY = 86_400_000;
const NOW = wita('2026-05-05 01:00');
const HOOK = 'https://hooks.contoh.test/ringkasan?token=rahasia-gateway';

interface Call {
  url: string;
  key: string | null;
  body: string;
}

/** A fake webhook: answers from `script` in order (a number = HTTP status, 'error' = network failure), then 200. */
function fakeWebhook(script: Array<number | 'error'>) {
  const calls: Call[] = [];
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    calls.push({ url: String(input instanceof Request ? input.url : input), key: headers.get('Idempotency-Key'), body: String(init?.body ?? '') });
    const next = script.shift() ?? 200;
    if (next === 'error') throw new TypeError('fetch failed: connection refused');
    return new Response(next === 200 ? '{"ok":true}' : 'sibuk', { status: next });
  });
  return { calls, spy };
}

async function deliveries() {
  return (
    await env.DB.prepare('SELECT * FROM digest_deliveries ORDER BY digest_date').all<{
      id: string;
      digest_date: string;
      status: string;
      attempts: number;
      idempotency_key: string;
      target_host: string;
      last_error: string | null;
      payload_json: string;
    }>()
  ).results;
}

let admin: Browser;

beforeAll(async () => {
  admin = await loginAs([['diskominfo', '64.08']]);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const validSettings = (over: Record<string, string> = {}) => ({
  enabled: '1',
  kabupaten_fresh_days: '7',
  kabupaten_stale_days: '21',
  kecamatan_fresh_days: '14',
  kecamatan_stale_days: '30',
  desa_fresh_days: '30',
  desa_stale_days: '60',
  readiness_days: '90',
  escalate_after_days: '3',
  digest_enabled: '1',
  webhook_url: HOOK,
  ...over,
});

describe('digest settings', () => {
  it('accepts https (and http only to localhost), refuses other schemes, credentials and inconsistent thresholds', async () => {
    for (const [over, message] of [
      [{ webhook_url: 'http://hooks.contoh.test/x' }, 'harus https://'],
      [{ webhook_url: 'javascript:alert(1)' }, 'harus https://'],
      [{ webhook_url: 'https://user:sandi@hooks.contoh.test/' }, 'nama pengguna atau kata sandi'],
      [{ webhook_url: '<script>' }, 'URL lengkap'],
      [{ webhook_url: '' }, 'Isi alamat webhook'],
      [{ desa_stale_days: '30' }, 'harus lebih besar dari batas segarnya'],
      [{ kabupaten_fresh_days: '3', kabupaten_stale_days: '10' }, 'minimal 15 hari'],
      [{ readiness_days: 'abc' }, 'harus angka'],
    ] as const) {
      const res = await admin.post('/admin/pemantauan/pengaturan', validSettings(over));
      expect(res.status, JSON.stringify(over)).toBe(422);
      const html = await res.text();
      expect(html, JSON.stringify(over)).toContain(message);
      expect(html).not.toContain('<script>"');
    }
    expect((await admin.post('/admin/pemantauan/pengaturan', validSettings({ webhook_url: 'http://127.0.0.1:8787/hook' }))).status).toBe(303);
    expect((await loadSettings(createDb(env.DB))).webhookUrl).toBe('http://127.0.0.1:8787/hook');
  });

  it('is Diskominfo only, needs the CSRF token, and audits without the URL token', async () => {
    const op = await loginAs([['operator_kecamatan', '64.08.04']]);
    expect((await op.post('/admin/pemantauan/pengaturan', validSettings())).status).toBe(404);
    expect((await op.get('/admin/pemantauan/pengaturan')).status).toBe(404);
    expect((await admin.post('/admin/pemantauan/pengaturan', validSettings(), { csrf: false })).status).toBe(403);
    expect((await admin.post('/admin/pemantauan/pengaturan', validSettings())).status).toBe(303);
    const audit = await env.DB.prepare(`SELECT * FROM audit_log WHERE action = 'monitoring.settings' ORDER BY at DESC LIMIT 1`).first<{ after_json: string }>();
    expect(audit?.after_json).toContain('hooks.contoh.test');
    expect(audit?.after_json).not.toContain('rahasia-gateway');
  });
});

describe('digest delivery', () => {
  it('retries within the run with backoff and delivers once, with the same Idempotency-Key and body', async () => {
    const hook = fakeWebhook([503, 'error']);
    await runCron(DAILY, NOW);
    expect(hook.calls).toHaveLength(3);
    expect(hook.calls.every((c) => c.url === HOOK)).toBe(true);
    expect(new Set(hook.calls.map((c) => c.key)).size).toBe(1);
    expect(new Set(hook.calls.map((c) => c.body)).size).toBe(1);
    const [d] = await deliveries();
    expect(d).toMatchObject({ digest_date: '2026-05-05', status: 'terkirim', attempts: 3, target_host: 'hooks.contoh.test', last_error: null });
    expect(hook.calls[0]!.key).toBe(d!.idempotency_key);
    const payload = JSON.parse(hook.calls[0]!.body) as { type: string; date: string; summary: { regions: number; usang: number }; kecamatan: unknown[] };
    expect(payload).toMatchObject({ type: 'pemantauan.ringkasan_harian', date: '2026-05-05' });
    const total = (await env.DB.prepare('SELECT COUNT(*) AS n FROM regions').first<{ n: number }>())!.n;
    expect(payload.summary.regions).toBe(total);
    expect(payload.summary.usang).toBeGreaterThan(0); // the scans of the same cron ran first
    expect(payload.kecamatan.length).toBe((await env.DB.prepare(`SELECT COUNT(*) AS n FROM regions WHERE level = 'kecamatan'`).first<{ n: number }>())!.n);
    expect(countsOf((await runs('ringkasan')).at(-1)!)).toMatchObject({ terkirim: 1, percobaan: 3 });
  });

  it('never delivers the same day twice: reruns and the hourly retry send nothing', async () => {
    const hook = fakeWebhook([]);
    await runCron(DAILY, NOW);
    await runCron(HOURLY, NOW + 3600_000);
    expect(hook.calls).toHaveLength(0);
    expect(countsOf((await runs('ringkasan')).at(-1)!)).toMatchObject({ sudah_terkirim: 1 });
    expect(await deliveries()).toHaveLength(1);
  });

  it('leaves an undelivered digest pending and a later hourly run delivers it (once)', async () => {
    const day2 = NOW + DAY;
    const failing = fakeWebhook(['error', 'error', 'error']);
    await runCron(DAILY, day2);
    expect(failing.calls).toHaveLength(3);
    let d = (await deliveries()).find((x) => x.digest_date === '2026-05-06')!;
    expect(d).toMatchObject({ status: 'tertunda', attempts: 3 });
    expect(d.last_error).toContain('connection refused');
    vi.restoreAllMocks();

    const ok = fakeWebhook([]);
    await runCron(HOURLY, day2 + 3600_000);
    expect(ok.calls).toHaveLength(1);
    expect(ok.calls[0]!.key).toBe(failing.calls[0]!.key);
    expect(ok.calls[0]!.body).toBe(failing.calls[0]!.body);
    d = (await deliveries()).find((x) => x.digest_date === '2026-05-06')!;
    expect(d).toMatchObject({ status: 'terkirim', attempts: 4 });
    const retryRun = (await runs('ringkasan')).at(-1)!;
    expect(retryRun).toMatchObject({ trigger: 'cron', cron: HOURLY, status: 'selesai' });
    await runCron(HOURLY, day2 + 2 * 3600_000);
    expect(ok.calls).toHaveLength(1);
  });

  it('stops a run at a 4xx refusal, gives up after the total limit, and drops digests whose target changed', async () => {
    const db = createDb(env.DB);
    const settings = await loadSettings(db);
    const calls: string[] = [];
    const deps = (now: number, answer: () => Response | Promise<Response>): DigestDeps => ({
      db,
      now,
      fetch: (async () => {
        calls.push('x');
        return answer();
      }) as typeof fetch,
      messaging: messagingConfig({}),
      sleep: async () => undefined,
      portalName: 'Uji',
      origin: '',
    });
    const day3 = NOW + 2 * DAY;
    const refused = await sendDailyDigest(
      deps(day3, () => new Response('bad', { status: 400 })),
      settings,
    );
    expect(refused.counts).toMatchObject({ tertunda: 1, percobaan: 1 });
    for (let i = 0; i < 10; i++)
      await retryPendingDigests(
        deps(day3 + i * 3600_000, () => new Response('down', { status: 500 })),
        settings,
      );
    const d3 = (await deliveries()).find((x) => x.digest_date === '2026-05-07')!;
    expect(d3).toMatchObject({ status: 'gagal', attempts: MAX_TOTAL_ATTEMPTS });

    const day4 = NOW + 3 * DAY;
    await sendDailyDigest(
      deps(day4, () => new Response('down', { status: 500 })),
      settings,
    );
    const moved = { ...settings, webhookUrl: 'https://lain.contoh.test/hook' };
    const before = calls.length;
    const out = await retryPendingDigests(
      deps(day4 + 3600_000, () => new Response('ok')),
      moved,
    );
    expect(calls.length).toBe(before);
    expect(out).toMatchObject({ gagal: 1 });
    expect((await deliveries()).find((x) => x.digest_date === '2026-05-08')).toMatchObject({ status: 'gagal' });
  });

  it('two overlapping runs deliver a digest only once (lease)', async () => {
    const db = createDb(env.DB);
    const settings = await loadSettings(db);
    let posts = 0;
    const slow: DigestDeps = {
      db,
      now: NOW + 5 * DAY,
      fetch: (async () => {
        posts++;
        await new Promise((r) => setTimeout(r, 50));
        return new Response('ok');
      }) as typeof fetch,
      messaging: messagingConfig({}),
      sleep: async () => undefined,
      portalName: 'Uji',
      origin: '',
    };
    await Promise.all([sendDailyDigest(slow, settings), sendDailyDigest(slow, settings)]);
    expect(posts).toBe(1);
    expect((await deliveries()).find((x) => x.digest_date === '2026-05-10')).toMatchObject({ status: 'terkirim', attempts: 1 });
  });
});
