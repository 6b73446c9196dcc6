// Monitoring pages, manual runs, checklist editing, handover readiness, the partner API and the public "Diperbarui"
// note. Jobs run at "now" (and ~95 days earlier for the readiness streak), so the pages see the same clock.
import { env } from 'cloudflare:test';
import { SELF } from '../helpers/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { escalationOf } from '../../src/features/monitoring/jobs/deadline-scan';
import { holidayCalendar } from '../../src/lib/working-days';
import { loginAs, type Browser } from '../helpers/auth';
import { get, ORIGIN } from '../helpers/http';
import { allFlags, DAILY, HOURLY, insertComplaint, openFlags, runCron, runs, statusOf } from '../helpers/monitoring';
import { insertPost } from '../helpers/seed';

const DAY = 86_400_000;
const KEC = '64.08.04';
const SWARGA = '64.08.04.2012';
const SINGA = '64.08.04.2011';
const NOW = Date.now();
const T0 = NOW - 95 * DAY;

let admin: Browser;
let opKec: Browser;

const rowCodes = (html: string) => [...html.matchAll(/href="\/admin\/pemantauan\/wilayah\/([\d.]+)"/g)].map((m) => m[1]!);

beforeAll(async () => {
  await env.DB.prepare(`UPDATE regions SET stage = 'pendampingan' WHERE code IN (?, ?)`).bind(SWARGA, SINGA).run();
  for (const code of [SWARGA, SINGA]) {
    await insertPost({ regionCode: code, title: 'Berita lama', publishedAt: T0 - 2 * DAY, purge: false });
    await insertPost({ regionCode: code, title: 'Berita baru', publishedAt: NOW - 2 * DAY, purge: false });
  }
  await runCron(DAILY, T0);
  await runCron(HOURLY, T0);
  await insertComplaint({ regionCode: SINGA, receivedAt: NOW - 20 * DAY, dueAt: NOW - 10 * DAY });
  await runCron(DAILY, NOW);
  await runCron(HOURLY, NOW);
  admin = await loginAs([['diskominfo', '64.08']]);
  opKec = await loginAs([['operator_kecamatan', KEC]]);
});

describe('monitoring table', () => {
  it('filters to the stale desa of one kecamatan with a plain GET form, and ignores hostile parameters', async () => {
    const html = await (await admin.get(`/admin/pemantauan?kecamatan=${KEC}&tingkat=desa&kesegaran=usang`)).text();
    const expected = (
      await env.DB.prepare(`SELECT r.code FROM regions r JOIN monitoring_region_status s ON s.region_code = r.code
         WHERE r.parent_code = ? AND r.level = 'desa' AND s.freshness = 'usang' ORDER BY r.code`)
        .bind(KEC)
        .all<{ code: string }>()
    ).results.map((r) => r.code);
    expect(expected.length).toBeGreaterThan(0);
    expect([...rowCodes(html)].sort()).toEqual(expected);
    expect(html).not.toContain(`/admin/pemantauan/wilayah/${SWARGA}"`);
    expect(html).toContain('<option value="64.08.04" selected="">Sangatta Utara</option>');
    expect(html).toContain('data-label="Kesegaran"');

    const hostile = await admin.get('/admin/pemantauan?kecamatan=%3Cscript%3E&urut=%3Cb%3E&halaman=-5&kesegaran=apa');
    expect(hostile.status).toBe(200);
    const body = await hostile.text();
    expect(body).not.toContain('<script>');
    expect(body).toContain(`Wilayah (${(await env.DB.prepare('SELECT COUNT(*) AS n FROM regions').first<{ n: number }>())!.n})`);
    expect(rowCodes(body).length).toBe(25);
  });

  it('sorts by score (plain links on the column headers) and shows the kecamatan rollups', async () => {
    const html = await (await admin.get('/admin/pemantauan?urut=skor&arah=turun')).text();
    const scores = (await env.DB.prepare('SELECT region_code, score FROM monitoring_region_status').all<{ region_code: string; score: number }>()).results;
    const byCode = new Map(scores.map((s) => [s.region_code, s.score]));
    const shown = rowCodes(html).map((c) => byCode.get(c)!);
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
    expect(html).toContain('aria-sort="descending"');
    expect(html).toContain('href="/admin/pemantauan?urut=skor"');
    const kec = await statusOf(KEC);
    expect(html).toMatch(
      new RegExp(`kecamatan=${KEC.replace(/\./g, '\\.')}">Sangatta Utara</a></td><td data-label="Skor gabungan"><strong>${kec!.rollup_score}</strong>`),
    );
  });

  it('scopes rows to the reader: a kecamatan operator sees its own subtree, a complaint handler has no page', async () => {
    const codes = rowCodes(await (await opKec.get('/admin/pemantauan')).text());
    expect(codes).toContain(SWARGA);
    expect(codes.every((c) => c === KEC || c.startsWith(`${KEC}.`))).toBe(true);
    expect(await (await opKec.get('/admin/pemantauan')).text()).not.toContain('Jalankan pemindaian');
    const handler = await loginAs([['penanganan_pengaduan', KEC]]);
    expect((await handler.get('/admin/pemantauan')).status).toBe(404);
    expect(await (await handler.get('/admin')).text()).not.toContain('href="/admin/pemantauan"');
    expect((await opKec.get('/admin/pemantauan/wilayah/64.08.02.2003')).status).toBe(404);
    const detail = await (await opKec.get(`/admin/pemantauan/wilayah/${SINGA}`)).text();
    expect(detail).toContain('Perlu tindakan');
    expect(detail).toContain('Lewat batas waktu');
  });

  it('suggests handing over a pendampingan region kept fresh and on time for the whole period, not one with an overdue item', async () => {
    expect((await statusOf(SWARGA))?.fresh_since).toBe(T0);
    expect((await statusOf(SINGA))?.deadlines_overdue).toBe(1);
    const html = await (await admin.get('/admin/pemantauan?siap=1')).text();
    expect(rowCodes(html)).toEqual([SWARGA]);
    expect(html).toContain(`<a href="/admin/wilayah/${SWARGA}">pindahkan ke tahap mandiri</a>`);
    expect(html).toContain('Siap mandiri');
  });
});

describe('manual runs and the checklist', () => {
  it('lets Diskominfo run a job from the dashboard (CSRF, audited, recorded as manual)', async () => {
    expect((await admin.post('/admin/pemantauan/jalankan', { job: 'kesegaran' }, { csrf: false })).status).toBe(403);
    expect((await opKec.post('/admin/pemantauan/jalankan', { job: 'kesegaran' })).status).toBe(404);
    expect((await admin.post('/admin/pemantauan/jalankan', { job: 'hapus-semua' })).status).toBe(422);
    const res = await admin.post('/admin/pemantauan/jalankan', { job: 'kesegaran' });
    expect(res.status).toBe(303);
    const id = /dijalankan=([0-9A-Z]{26})/.exec(res.headers.get('Location') ?? '')![1]!;
    const run = (await runs('kesegaran')).find((r) => r.id === id)!;
    expect(run).toMatchObject({ trigger: 'manual', triggered_by: admin.userId, status: 'selesai', cron: null });
    const audit = await env.DB.prepare(`SELECT * FROM audit_log WHERE action = 'monitoring.run' AND actor_id = ?`)
      .bind(admin.userId)
      .first<{ entity_id: string }>();
    expect(audit?.entity_id).toBe('kesegaran');
    const page = await (await admin.get(`/admin/pemantauan?dijalankan=${id}`)).text();
    expect(page).toContain('Pemindaian kesegaran konten: selesai');
  });

  it('skips scheduled scans while switched off (recorded), but a manual run still works', async () => {
    await env.DB.prepare('UPDATE monitoring_settings SET enabled = 0').run();
    const before = (await runs('kesegaran')).length;
    await runCron(DAILY, NOW + 3600_000);
    const skipped = (await runs('kesegaran')).slice(before);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ status: 'dilewati', trigger: 'cron' });
    expect(skipped[0]!.error).toContain('dimatikan');
    expect((await admin.post('/admin/pemantauan/jalankan', { job: 'kesegaran' })).status).toBe(303);
    expect((await runs('kesegaran')).at(-1)).toMatchObject({ status: 'selesai', trigger: 'manual' });
    await env.DB.prepare('UPDATE monitoring_settings SET enabled = 1').run();
  });

  it('adds, validates and deactivates checklist items; the next scan follows the data', async () => {
    const bad = await admin.post('/admin/pemantauan/ceklis', { level: 'kabupaten', kind: 'dokumen', label: 'LKJIP kabupaten', year: 'lalu' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Pilih minimal satu kategori dokumen.');
    const ok = await admin.post('/admin/pemantauan/ceklis', {
      level: 'kabupaten',
      kind: 'dokumen',
      label: 'LKJIP kabupaten',
      categories: ['lkjip'],
      year: 'lalu',
    });
    expect(ok.status).toBe(303);
    const item = await env.DB.prepare(`SELECT id FROM monitoring_checklist WHERE label = 'LKJIP kabupaten'`).first<{ id: string }>();
    expect((await admin.post('/admin/pemantauan/jalankan', { job: 'kelengkapan' })).status).toBe(303);
    const year = new Date(NOW + 8 * 3600_000).getUTCFullYear() - 1;
    expect((await openFlags('64.08', 'kelengkapan')).map((f) => f.flag_key)).toEqual([`ceklis:${item!.id}:${year}`]);

    expect((await admin.post(`/admin/pemantauan/ceklis/${item!.id}/status`, { active: '0' })).status).toBe(303);
    expect((await admin.post('/admin/pemantauan/ceklis/tidak-ada/status', { active: '0' })).status).toBe(404);
    expect((await opKec.post(`/admin/pemantauan/ceklis/${item!.id}/status`, { active: '1' })).status).toBe(404);
    await admin.post('/admin/pemantauan/jalankan', { job: 'kelengkapan' });
    expect(await openFlags('64.08', 'kelengkapan')).toHaveLength(0);
    expect((await allFlags('kelengkapan')).filter((f) => f.region_code === '64.08' && f.resolved_at !== null)).toHaveLength(1);
    const settings = await (await admin.get('/admin/pemantauan/pengaturan')).text();
    expect(settings).toContain('LKJIP kabupaten');
    expect(settings).toContain('Nonaktif');
  });
});

async function partnerToken(scopes: string[]): Promise<string> {
  const res = await admin.post('/admin/mitra', { name: `Dasbor ${crypto.randomUUID().slice(0, 6)}`, scopes });
  const html = await res.text();
  const clientId = /(mitra_[a-z0-9]{16})/.exec(html)![1]!;
  const secret = /(pks_[A-Za-z0-9_-]{20,})/.exec(html)![1]!;
  const tok = await SELF.fetch(`${ORIGIN}/api/v1/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
  });
  return (await tok.json<{ access_token: string }>()).access_token;
}

describe('GET /api/v1/monitoring/regions', () => {
  it('needs monitoring:read, pages with a cursor, and carries flags and scores without ticket numbers', async () => {
    expect((await get('/api/v1/monitoring/regions')).status).toBe(401);
    const other = await partnerToken(['complaints:read']);
    expect((await get('/api/v1/monitoring/regions', { Authorization: `Bearer ${other}` })).status).toBe(403);
    const token = await partnerToken(['monitoring:read']);
    const auth = { Authorization: `Bearer ${token}` };
    expect((await get('/api/v1/monitoring/regions?cursor=rusak', auth)).status).toBe(400);
    expect((await get('/api/v1/monitoring/regions?limit=1000', auth)).status).toBe(422);
    expect((await get('/api/v1/monitoring/regions?nik=1', auth)).status).toBe(422);

    type Body = {
      data: Array<{
        code: string;
        score: number | null;
        freshness: string | null;
        handover_ready: boolean;
        flags: Array<{ kind: string; title: string; state: string; escalated_to: string }>;
      }>;
      next_cursor: string | null;
    };
    const first = await (await get(`/api/v1/monitoring/regions?kecamatan=${KEC}&limit=2`, auth)).json<Body>();
    expect(first.data.map((r) => r.code)).toEqual(['64.08.04', '64.08.04.1010']);
    expect(first.next_cursor).toBeTruthy();
    const rest: Body['data'] = [];
    let cursor = first.next_cursor;
    while (cursor) {
      const page = await (await get(`/api/v1/monitoring/regions?kecamatan=${KEC}&limit=2&cursor=${cursor}`, auth)).json<Body>();
      rest.push(...page.data);
      cursor = page.next_cursor;
    }
    const all = [...first.data, ...rest];
    const expected = (
      await env.DB.prepare(`SELECT code FROM regions WHERE code = ? OR parent_code = ? ORDER BY code`).bind(KEC, KEC).all<{ code: string }>()
    ).results.map((r) => r.code);
    expect(all.map((r) => r.code)).toEqual(expected);
    const singa = all.find((r) => r.code === SINGA)!;
    expect(singa.score).toBe((await statusOf(SINGA))!.score);
    const cal = holidayCalendar((await env.DB.prepare('SELECT date FROM holidays').all<{ date: string }>()).results.map((h) => h.date));
    const state = escalationOf(NOW - 10 * DAY, NOW, cal, 3);
    expect(singa.flags.find((f) => f.kind === 'tenggat')).toMatchObject({
      title: 'Pengaduan: Verifikasi pengaduan',
      state,
      escalated_to: state === 'lewat_lama' ? '64.08' : KEC,
    });
    expect(JSON.stringify(all)).not.toMatch(/ADU-[0-9A-Z]{4}-[0-9A-Z]{4}|Rahmat/);
    expect(all.find((r) => r.code === SWARGA)!.handover_ready).toBe(true);

    const stale = await (await get('/api/v1/monitoring/regions?freshness=usang&level=desa&limit=100', auth)).json<Body>();
    expect(stale.data.every((r) => r.freshness === 'usang')).toBe(true);
    const doc = await (await get('/api/v1/openapi.json')).json<{ paths: Record<string, { get: { security: Array<Record<string, string[]>> } }> }>();
    expect(doc.paths['/monitoring/regions']?.get.security).toEqual([{ partnerOAuth: ['monitoring:read'] }]);
  });
});

describe('public "Diperbarui" note', () => {
  it('says "n hari lalu" only for recent updates; older (usang) regions show just the date', async () => {
    await env.DB.prepare('UPDATE regions SET last_content_update = ? WHERE code = ?')
      .bind(NOW - 3 * DAY, '64.08.05')
      .run();
    await env.DB.prepare('UPDATE regions SET last_content_update = ? WHERE code = ?')
      .bind(NOW - 75 * DAY, '64.08.02')
      .run();
    const recent = await (await get('/sangkulirang')).text();
    expect(recent).toContain('3 hari lalu</time>');
    const old = await (await get('/muara-wahau')).text();
    expect(old).toMatch(/<p class="updated">Diperbarui <time datetime="[^"]+">\d{1,2} [A-Z][a-z]+ \d{4}<\/time><\/p>/);
    expect(old).not.toContain('hari lalu');
  });
});
