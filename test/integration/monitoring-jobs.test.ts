// Daily monitoring jobs through the worker's scheduled() handler: freshness and completeness on seeded data, flags,
// idempotency (second run changes nothing), resolution and recurrence, run history, scores and rollups, notifications.
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../helpers/auth';
import { allFlags, countsOf, DAILY, HOURLY, insertDocument, insertFixedPage, openFlags, runCron, runs, statusOf, wita } from '../helpers/monitoring';
import { insertPost } from '../helpers/seed';

const DAY = 86_400_000;
const NOW = wita('2026-03-21 01:00'); // the daily cron of 20 March 17:00 UTC
const KAB = '64.08';
const KEC = '64.08.04'; // Sangatta Utara
const SWARGA = '64.08.04.2012';
const SINGA = '64.08.04.2011';
const TELUK = '64.08.04.1010'; // kelurahan
const WAHAU = '64.08.02.2003';

async function notificationsOf(userId: string) {
  return (
    await env.DB.prepare('SELECT * FROM notifications WHERE user_id = ? ORDER BY created_at, id')
      .bind(userId)
      .all<{ id: string; title: string; dedupe_key: string; href: string; region_code: string | null }>()
  ).results;
}

let opSwarga: Awaited<ReturnType<typeof loginAs>>;
let opTeluk: Awaited<ReturnType<typeof loginAs>>;
let diskominfo: Awaited<ReturnType<typeof loginAs>>;

beforeAll(async () => {
  await env.DB.prepare(`UPDATE regions SET stage = 'pendampingan' WHERE code IN (?, ?, ?)`).bind(SWARGA, SINGA, KEC).run();
  opSwarga = await loginAs([['operator_desa', SWARGA]]);
  opTeluk = await loginAs([['operator_desa', TELUK]]);
  diskominfo = await loginAs([['diskominfo', KAB]]);

  await insertPost({ regionCode: KAB, title: 'Berita kabupaten', publishedAt: NOW - 3 * DAY, purge: false });
  await insertPost({ regionCode: KEC, title: 'Berita kecamatan', publishedAt: NOW - 20 * DAY, purge: false });
  await insertPost({ regionCode: SWARGA, title: 'Gotong royong', publishedAt: NOW - 5 * DAY, purge: false });
  await insertPost({ regionCode: SWARGA, title: 'Draf baru', status: 'draft', publishedAt: NOW - DAY, purge: false });
  await insertPost({ regionCode: SINGA, title: 'Posyandu', publishedAt: NOW - 45 * DAY, purge: false });
  await insertPost({ regionCode: SINGA, title: 'Terjadwal besok', publishedAt: NOW + DAY, purge: false });
  await insertPost({ regionCode: TELUK, title: 'Lama sekali', publishedAt: NOW - 70 * DAY, purge: false });
  await insertPost({ regionCode: TELUK, title: 'Masih draf', status: 'draft', publishedAt: NOW - DAY, purge: false });

  // Swarga Bara: APBDes 2026 and the 2025 realisation report (category laporan) → both document items; profile only.
  await insertDocument({ regionCode: SWARGA, category: 'apbdes', year: 2026, at: NOW - 40 * DAY });
  await insertDocument({ regionCode: SWARGA, category: 'laporan', year: 2025, title: 'Laporan Realisasi APBDes 2025', at: NOW - 40 * DAY });
  await insertFixedPage(SWARGA, 'profil', NOW - 100 * DAY);
  // Singa Gembara: wrong years / not a realisation report → nothing counts.
  await insertDocument({ regionCode: SINGA, category: 'apbdes', year: 2025, at: NOW - 200 * DAY });
  await insertDocument({ regionCode: SINGA, category: 'apbdes', year: 2026, title: 'Realisasi APBDes 2026 (sementara)', at: NOW - 200 * DAY, deleted: true });
  await insertDocument({ regionCode: SINGA, category: 'laporan', year: 2025, title: 'Laporan kegiatan 2025', at: NOW - 200 * DAY });
  // Kecamatan: everything except RKA (one deleted, one exempt from publication).
  await insertDocument({ regionCode: KEC, category: 'sop', year: 2019, at: NOW - 300 * DAY });
  await insertDocument({ regionCode: KEC, category: 'lkjip', year: 2025, at: NOW - 300 * DAY });
  await insertDocument({ regionCode: KEC, category: 'renstra', year: 2021, at: NOW - 300 * DAY });
  await insertDocument({ regionCode: KEC, category: 'renja', year: 2026, at: NOW - 300 * DAY });
  await insertDocument({ regionCode: KEC, category: 'rka', year: 2026, at: NOW - 300 * DAY, deleted: true });
  await insertDocument({ regionCode: KEC, category: 'rka', year: 2026, at: NOW - 300 * DAY, infoCategory: 'dikecualikan' });
  await insertFixedPage(KEC, 'maklumat-pelayanan', NOW - 300 * DAY);
  await env.DB.prepare(`INSERT INTO ppid_profiles (region_code, officer_name, updated_at) VALUES (?, 'Sekretaris Camat', ?)`)
    .bind(KEC, NOW - 300 * DAY)
    .run();

  await runCron(DAILY, NOW);
});

describe('daily freshness scan', () => {
  it('classifies each region by its own last published content and the thresholds of its level', async () => {
    const expectations: Array<[string, string, number | null]> = [
      [KAB, 'segar', 3],
      [KEC, 'perlu_pembaruan', 20],
      [SWARGA, 'segar', 5],
      [SINGA, 'perlu_pembaruan', 45],
      [TELUK, 'usang', 70],
      [WAHAU, 'usang', null],
    ];
    for (const [code, state, days] of expectations) {
      const s = await statusOf(code);
      expect(s?.freshness, code).toBe(state);
      expect(s?.last_content_at, code).toBe(days === null ? null : NOW - days * DAY);
    }
    // Drafts and posts scheduled after the scan never count.
    expect((await statusOf(TELUK))?.last_content_at).toBe(NOW - 70 * DAY);
    expect((await statusOf(SINGA))?.last_content_at).toBe(NOW - 45 * DAY);
    // Every region has a status row; fresh regions have no freshness flag.
    const total = await env.DB.prepare('SELECT COUNT(*) AS n FROM regions').first<{ n: number }>();
    const statuses = await env.DB.prepare('SELECT COUNT(*) AS n FROM monitoring_region_status WHERE freshness IS NOT NULL').first<{ n: number }>();
    expect(statuses?.n).toBe(total?.n);
    expect(await openFlags(SWARGA, 'kesegaran')).toHaveLength(0);
    const [teluk] = await openFlags(TELUK, 'kesegaran');
    expect(teluk).toMatchObject({ state: 'usang', audience_code: TELUK, href: `/admin/konten/baru?wilayah=${TELUK}&jenis=berita`, subject_at: NOW - 70 * DAY });
    expect((await openFlags(WAHAU, 'kesegaran'))[0]).toMatchObject({ state: 'usang', title: 'Belum ada konten yang diterbitkan', subject_at: null });
  });
});

describe('daily completeness scan', () => {
  it('flags each missing mandatory item of the WITA year, per level', async () => {
    const keys = async (code: string) => (await openFlags(code, 'kelengkapan')).map((f) => f.flag_key).sort();
    expect(await keys(SWARGA)).toEqual(['ceklis:desa-struktur:semua']);
    expect(await keys(SINGA)).toEqual(['ceklis:desa-apbdes:2026', 'ceklis:desa-profil:semua', 'ceklis:desa-realisasi:2025', 'ceklis:desa-struktur:semua']);
    expect(await keys(TELUK)).toEqual(['ceklis:kel-profil:semua', 'ceklis:kel-struktur:semua']);
    expect(await keys(KEC)).toEqual(['ceklis:kec-rka:2026']);
    expect(await statusOf(SWARGA)).toMatchObject({ checklist_total: 4, checklist_done: 3 });
    expect(await statusOf(KEC)).toMatchObject({ checklist_total: 7, checklist_done: 6 });
    expect(await statusOf(KAB)).toMatchObject({ checklist_total: 0, checklist_done: 0 });
    const [rka] = await openFlags(KEC, 'kelengkapan');
    expect(rka).toMatchObject({
      title: 'Belum ada: RKA tahun ini (2026)',
      source: 'dokumen',
      href: `/admin/dokumen/baru?wilayah=${KEC}&kategori=rka&tahun=2026`,
    });
    const [struktur] = await openFlags(SWARGA, 'kelengkapan');
    expect(struktur?.href).toBe(`/admin/konten/baru?wilayah=${SWARGA}&jenis=halaman&halaman_tetap=struktur-organisasi`);
  });
});

describe('scores, rollups and run history', () => {
  it('scores each region by the documented formula and rolls scores up to kecamatan and regency', async () => {
    // Before any deadline scan the deadline part is unknown and left out (weights rescaled).
    expect((await statusOf(SWARGA))?.score).toBe(Math.round(((40 * 1 + 30 * (3 / 4)) / 70) * 100));
    expect((await statusOf(SINGA))?.score).toBe(Math.round(((40 * 0.5 + 30 * 0) / 70) * 100));
    await runCron(HOURLY, NOW + 5 * 60_000);
    expect((await statusOf(SWARGA))?.score).toBe(Math.round(40 * 1 + 30 * (3 / 4) + 30 * 1));
    expect((await statusOf(KEC))?.score).toBe(Math.round(40 * 0.5 + 30 * (6 / 7) + 30));
    expect((await statusOf(KAB))?.score).toBe(100);

    const all = (
      await env.DB.prepare(
        'SELECT s.region_code, s.score, s.rollup_score, r.parent_code, r.level FROM monitoring_region_status s JOIN regions r ON r.code = s.region_code',
      ).all<{ region_code: string; score: number; rollup_score: number; parent_code: string | null; level: string }>()
    ).results;
    const mean = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
    const kec = all.find((r) => r.region_code === KEC)!;
    expect(kec.rollup_score).toBe(mean(all.filter((r) => r.region_code === KEC || r.parent_code === KEC).map((r) => r.score)));
    expect(all.find((r) => r.region_code === KAB)!.rollup_score).toBe(mean(all.map((r) => r.score)));
    expect(all.find((r) => r.region_code === SWARGA)!.rollup_score).toBe((await statusOf(SWARGA))!.score);
    expect(kec.rollup_score).not.toBe(kec.score);
  });

  it('records one history row per job, with the cron, the evaluated time and the counts', async () => {
    const fresh = (await runs('kesegaran'))[0]!;
    expect(fresh).toMatchObject({ trigger: 'cron', cron: DAILY, scheduled_at: NOW, status: 'selesai', error: null });
    expect(fresh.finished_at).toBeGreaterThanOrEqual(fresh.started_at);
    const total = (await env.DB.prepare('SELECT COUNT(*) AS n FROM regions').first<{ n: number }>())!.n;
    const c = countsOf(fresh);
    expect(c.wilayah).toBe(total);
    expect(c.segar! + c.perlu_pembaruan! + c.usang!).toBe(total);
    expect(c.tanda_baru).toBe(c.perlu_pembaruan! + c.usang!);
    expect((await runs('kelengkapan'))[0]).toMatchObject({ status: 'selesai', cron: DAILY });
    // The digest is off by default: the run is recorded as skipped with the reason.
    expect((await runs('ringkasan'))[0]).toMatchObject({ status: 'dilewati' });
    expect((await runs('tenggat'))[0]).toMatchObject({ status: 'selesai', cron: HOURLY });
  });
});

describe('idempotency, resolution and recurrence', () => {
  it('a backlog larger than the flag budget of a single run is finished by the next runs, then nothing changes', async () => {
    // The demo regions need more completeness flags than one run may write (FLAG_WRITES_PER_RUN).
    expect(countsOf((await runs('kelengkapan')).at(-1)!).tanda_ditunda ?? 0).toBeGreaterThan(0);
    for (let i = 0; i < 5 && (countsOf((await runs('kelengkapan')).at(-1)!).tanda_ditunda ?? 0) > 0; i++) await runCron(DAILY, NOW);
    expect(countsOf((await runs('kelengkapan')).at(-1)!).tanda_ditunda).toBe(0);
    const flagsBefore = await allFlags();
    const statusBefore = (await env.DB.prepare('SELECT * FROM monitoring_region_status ORDER BY region_code').all()).results;
    const notesBefore = (await env.DB.prepare('SELECT COUNT(*) AS n FROM notifications').first<{ n: number }>())!.n;
    await runCron(DAILY, NOW);
    expect(await allFlags()).toEqual(flagsBefore);
    expect((await env.DB.prepare('SELECT * FROM monitoring_region_status ORDER BY region_code').all()).results).toEqual(statusBefore);
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM notifications').first<{ n: number }>())!.n).toBe(notesBefore);
    for (const job of ['kesegaran', 'kelengkapan']) {
      const [first, second] = (await runs(job)).slice(-2);
      expect(second, job).toBeDefined();
      expect(countsOf(second!)).toMatchObject({ tanda_baru: 0, tanda_berubah: 0, tanda_selesai: 0, status_ditulis: 0, notifikasi: 0 });
      const { tanda_baru: _a, tanda_berubah: _b, tanda_selesai: _c, status_ditulis: _d, notifikasi: _e, ...same } = countsOf(first!);
      expect(countsOf(second!)).toMatchObject(same);
    }
  });

  it('resolves flags that no longer hold, escalates freshness over time, and reopens a recurrence as a new row', async () => {
    const later = NOW + 20 * DAY;
    const pageId = await insertFixedPage(SWARGA, 'struktur-organisasi', NOW + DAY);
    await insertPost({ regionCode: SINGA, title: 'Berita baru', publishedAt: NOW + 2 * DAY, purge: false });
    await runCron(DAILY, later);
    expect(await openFlags(SWARGA, 'kelengkapan')).toHaveLength(0);
    const resolved = (await allFlags('kelengkapan')).filter((f) => f.region_code === SWARGA);
    expect(resolved).toHaveLength(1);
    expect(resolved[0]!.resolved_at).toBe(later);
    expect(await openFlags(SINGA, 'kesegaran')).toHaveLength(0);
    // Kecamatan: 40 days since its post → from perlu_pembaruan to usang, same flag row (state changed).
    const kecFlags = (await allFlags('kesegaran')).filter((f) => f.region_code === KEC);
    expect(kecFlags).toHaveLength(1);
    expect(kecFlags[0]).toMatchObject({ state: 'usang', resolved_at: null, updated_at: later });

    await env.DB.prepare('DELETE FROM posts WHERE id = ?').bind(pageId).run();
    await runCron(DAILY, later + DAY);
    const again = (await allFlags('kelengkapan')).filter((f) => f.region_code === SWARGA);
    expect(again).toHaveLength(2);
    expect(again.filter((f) => f.resolved_at === null)).toHaveLength(1);
  });

  it('keeps the fresh streak across days and restarts it after a lapse', async () => {
    const s = await statusOf(KAB);
    expect(s?.freshness).toBe('usang'); // 24 days after its post, above the 21-day kabupaten limit
    expect(s?.fresh_since).toBeNull();
    expect((await statusOf(SINGA))?.fresh_since).toBe(NOW + 20 * DAY);
  });
});

describe('notifications and dashboards', () => {
  it('notifies the operators who can fix a flag, once per flag and state, and Diskominfo with one summary per job and day', async () => {
    const swarga = await notificationsOf(opSwarga.userId);
    expect(swarga.some((n) => n.title.startsWith('Belum ada: Halaman struktur organisasi'))).toBe(true);
    expect(new Set(swarga.map((n) => n.dedupe_key)).size).toBe(swarga.length);
    // Teluk Lingga is run by Diskominfo (stage diskominfo): its operator cannot fix it and is not told.
    expect(await notificationsOf(opTeluk.userId)).toHaveLength(0);
    const dk = await notificationsOf(diskominfo.userId);
    const summaries = dk.filter((n) => n.dedupe_key.startsWith('ringkasan:'));
    expect(summaries.map((n) => n.dedupe_key).sort()).toEqual([...new Set(summaries.map((n) => n.dedupe_key))].sort());
    expect(summaries.some((n) => n.dedupe_key === 'ringkasan:kesegaran:2026-03-21')).toBe(true);
    expect(dk.some((n) => n.region_code === TELUK)).toBe(false);
  });

  it("lists an operator's own open flags on its dashboard with the link that fixes each", async () => {
    const html = await (await opSwarga.get('/admin')).text();
    expect(html).toContain('Belum ada: Halaman struktur organisasi');
    expect(html).toContain(`href="/admin/konten/baru?wilayah=${SWARGA}&amp;jenis=halaman&amp;halaman_tetap=struktur-organisasi"`);
    expect(html).not.toContain('Konten sudah usang — Kelurahan Teluk Lingga');
    const dk = await (await diskominfo.get('/admin')).text();
    expect(dk).toMatch(/\d+ wilayah berstatus usang/);
    expect(dk).toContain('href="/admin/pemantauan?kesegaran=usang"');
  });

  it('shows the unread count in the admin menu and marks notifications read only for their owner', async () => {
    const page = await (await opSwarga.get('/admin/notifikasi')).text();
    const unread = (await notificationsOf(opSwarga.userId)).length;
    expect(page).toContain(`<span class="nav-count">${unread}<span class="visually-hidden"> belum dibaca</span>`);
    const someone = (await notificationsOf(diskominfo.userId))[0]!;
    const res = await opSwarga.post('/admin/notifikasi/baca', { id: someone.id });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/admin/notifikasi?ditandai=0');
    const row = await env.DB.prepare('SELECT read_at FROM notifications WHERE id = ?').bind(someone.id).first<{ read_at: number | null }>();
    expect(row?.read_at).toBeNull();
    const all = await opSwarga.post('/admin/notifikasi/baca', {});
    expect(all.headers.get('Location')).toBe(`/admin/notifikasi?ditandai=${unread}`);
    expect(await (await opSwarga.get('/admin/notifikasi')).text()).not.toContain('class="nav-count"');
    expect((await opSwarga.post('/admin/notifikasi/baca', { id: '<script>' })).status).toBe(404);
  });
});
