// Admin lists that fit a phone: monitoring puts the regions needing action first, 25 a page, with no "not scanned"
// tag on every row before the first scan; /admin/wilayah has search and paging.
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/lib/time';
import { loginAs, type Browser } from '../helpers/auth';
import { DAILY, HOURLY, insertComplaint, runCron } from '../helpers/monitoring';

const DAY = 86_400_000;
const NOW = Date.now();
const OVERDUE = '64.08.05.2003';
const rowCodes = (html: string) => [...html.matchAll(/href="\/admin\/pemantauan\/wilayah\/([\d.]+)"/g)].map((m) => m[1]!);
const regionCount = async () => (await env.DB.prepare('SELECT COUNT(*) AS n FROM regions').first<{ n: number }>())!.n;

let admin: Browser;
beforeAll(async () => {
  admin = await loginAs([['diskominfo', '64.08']]);
}, 30_000);

describe('monitoring before and after the first scan', () => {
  it('shows what is known before any scan: the last publication, a dash, and one sentence instead of a tag per row', async () => {
    const published = NOW - 3 * DAY;
    await env.DB.prepare('UPDATE regions SET last_content_update = ? WHERE code = ?').bind(published, '64.08.05').run();
    const html = await (await admin.get('/admin/pemantauan?kecamatan=64.08.05&tingkat=kecamatan')).text();
    expect(html).not.toContain('Belum dipindai</span>');
    expect(html).toContain('1 wilayah belum dipindai');
    expect(html).toContain(`terbit terakhir ${formatDate(published)}`);
  });

  it('lists the region with an overdue complaint first, then the stale ones, 25 a page', async () => {
    await insertComplaint({ regionCode: OVERDUE, receivedAt: NOW - 20 * DAY, dueAt: NOW - 5 * DAY });
    await runCron(DAILY, NOW);
    await runCron(HOURLY, NOW);
    const html = await (await admin.get('/admin/pemantauan')).text();
    const codes = rowCodes(html);
    expect(codes).toHaveLength(25);
    expect(codes[0]).toBe(OVERDUE);
    const states = (
      await env.DB.prepare(`SELECT region_code, freshness FROM monitoring_region_status WHERE region_code IN (${codes.map(() => '?').join(',')})`)
        .bind(...codes)
        .all<{ region_code: string; freshness: string }>()
    ).results;
    const fresh = new Map(states.map((s) => [s.region_code, s.freshness]));
    // After the overdue one: every row on the first page is stale or incomplete (the demo has many such regions).
    expect(codes.slice(1).every((c) => fresh.get(c) === 'usang')).toBe(true);
    expect(html).toMatch(/Wilayah \(\d+\), \d+ perlu tindakan/);
    expect(html).toContain(`Halaman 1 dari ${Math.ceil((await regionCount()) / 25)}.`);
    expect(html).toContain('href="/admin/pemantauan?halaman=2"');

    const second = rowCodes(await (await admin.get('/admin/pemantauan?halaman=2')).text());
    expect(second).toHaveLength(25);
    expect(second.filter((c) => codes.includes(c))).toEqual([]);
    // The scan controls sit above the list, folded; the filters too.
    expect(html.indexOf('Jalankan pemindaian sekarang')).toBeLessThan(html.indexOf('id="daftar-wilayah"'));
    expect(html.indexOf('Saring dan urutkan')).toBeLessThan(html.indexOf('id="daftar-wilayah"'));
    expect(html).not.toContain('<details class="action" open');
    expect(await (await admin.get('/admin/pemantauan?tingkat=desa')).text()).toContain('<details class="action" open');
  }, 30_000);
});

describe('/admin/wilayah', () => {
  it('pages 30 regions at a time and finds by name or code start', async () => {
    const total = await regionCount();
    const html = await (await admin.get('/admin/wilayah')).text();
    const boxes = (h: string) => [...h.matchAll(/name="codes" value="([\d.]+)"/g)].map((m) => m[1]!);
    expect(boxes(html)).toHaveLength(30);
    expect(html).toContain(`Pilih wilayah (${total} wilayah, halaman 1 dari ${Math.ceil(total / 30)})`);
    expect(html).toContain('href="/admin/wilayah?halaman=2"');
    const page2 = boxes(await (await admin.get('/admin/wilayah?halaman=2')).text());
    expect(page2).toHaveLength(30);
    expect(page2.filter((c) => boxes(html).includes(c))).toEqual([]);

    expect(boxes(await (await admin.get('/admin/wilayah?cari=swarga')).text())).toEqual(['64.08.04.2012']);
    const byCode = boxes(await (await admin.get('/admin/wilayah?cari=64.08.04')).text());
    expect(byCode[0]).toBe('64.08.04');
    expect(byCode.every((c) => c.startsWith('64.08.04'))).toBe(true);
    // Wildcards match literally; over-long or hostile text never errors.
    expect(boxes(await (await admin.get('/admin/wilayah?cari=%25')).text())).toEqual([]);
    const long = await admin.get(`/admin/wilayah?cari=${'a'.repeat(80)}`);
    expect(long.status).toBe(200);
    expect((await admin.get('/admin/wilayah?halaman=-3&cari=%3Cscript%3E')).status).toBe(200);
  }, 30_000);

  it('keeps a ticked region from a later page on screen when the form comes back with an error', async () => {
    const res = await admin.post('/admin/wilayah/tahap', { codes: '64.08.18.2001', stage: 'mandiri', reason: '' });
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/value="64\.08\.18\.2001" checked/);
  });
});
