import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { publicComplaintPoints } from '../../src/features/complaints/map-points';
import { loginAs, type Browser } from '../helpers/auth';
import { get } from '../helpers/http';
import { complaintRow, fileComplaint, testDeps } from '../helpers/complaints';

const ANON = { name: 'Marlina Tersembunyi', phone: '082144445555', email: 'marlina.tersembunyi@contoh.id' };
const SECRET_TITLE = 'Dugaan penyimpangan dana desa yang dirahasiakan';
const OPEN_TITLE = 'Jalan tani rusak setelah banjir';
const ANON_TITLE = 'Pelayanan KTP lambat sekali';

async function verify(b: Browser, ticket: string) {
  const row = (await complaintRow(ticket))!;
  const res = await b.post(`/admin/pengaduan/${row.id}/tindakan`, { action: 'verifikasi', version: String(row.version) });
  expect(res.status).toBe(303);
}

async function allCachedPages(): Promise<string> {
  const keys = await env.PAGE_CACHE.list({ prefix: 'page:' });
  const bodies = await Promise.all(keys.keys.map(async (k) => `${k.name}\n${(await env.PAGE_CACHE.get(k.name)) ?? ''}`));
  return bodies.join('\n');
}

describe('anonymity and confidentiality in every public output', () => {
  it('list, figures, tracking, API, map points and the KV page cache never show identities or confidential reports', async () => {
    const handler = await loginAs([['penanganan_pengaduan', '64.08.04']]);
    const open = await fileComplaint({ title: OPEN_TITLE, lat: '0.53', lng: '117.56' });
    const anon = await fileComplaint({ title: ANON_TITLE, anonymous: '1', ...ANON, lat: '0.54', lng: '117.57' });
    const secret = await fileComplaint(
      { title: SECRET_TITLE, confidential: '1', region_code: '64.08.04.2011', lat: '0.55', lng: '117.58' },
      '/sangatta-utara/singa-gembara/pengaduan',
    );
    for (const t of [open, anon, secret]) await verify(handler, t.ticket);

    const urls = [
      '/pengaduan/daftar',
      '/sangatta-utara/pengaduan/daftar',
      '/sangatta-utara/swarga-bara/pengaduan/daftar',
      '/sangatta-utara/singa-gembara/pengaduan/daftar',
    ];
    for (const url of urls) {
      const first = await get(url);
      expect(first.status).toBe(200);
      expect(first.headers.get('X-Cache'), url).toBe('MISS');
      const html = await first.text();
      const again = await get(url);
      expect(again.headers.get('X-Cache'), url).toBe('HIT');
      expect(await again.text()).toBe(html);
      for (const leak of [ANON.name, ANON.phone, ANON.email, 'Budi Santoso', '081234567890', SECRET_TITLE]) expect(html, `${url}: ${leak}`).not.toContain(leak);
    }
    const kec = await (await get('/sangatta-utara/pengaduan/daftar')).text();
    expect(kec).toContain(OPEN_TITLE);
    expect(kec).toContain(ANON_TITLE);
    // Figures count the confidential report, as a number only: 3 received in Sangatta Utara.
    expect(kec).toMatch(/<dt>Diterima<\/dt><dd>3<\/dd>/);
    expect(kec).toMatch(/<a href="\/sangatta-utara\/singa-gembara\/pengaduan\/daftar">Desa Singa Gembara<\/a><\/td><td data-label="Diterima">1<\/td>/);

    for (const t of [anon, secret]) {
      const page = await (await get(`/pengaduan/lacak?nomor=${t.ticket}`)).text();
      const api = await (await get(`/api/v1/complaints/${t.ticket}`)).text();
      for (const out of [page, api]) for (const leak of [ANON.name, ANON.phone, ANON.email, SECRET_TITLE, 'Budi Santoso']) expect(out).not.toContain(leak);
    }
    expect(await (await get(`/pengaduan/lacak?nomor=${secret.ticket}`)).text()).toContain('dirahasiakan oleh pelapor');
    expect(await (await get(`/pengaduan/lacak?nomor=${anon.ticket}`)).text()).toContain(ANON_TITLE);

    const points = await publicComplaintPoints(testDeps().db, '64.08');
    expect(points.map((p) => p.ticket)).toEqual(expect.arrayContaining([open.ticket, anon.ticket]));
    expect(points.map((p) => p.ticket)).not.toContain(secret.ticket);

    // Pages with a private code or a form token are never stored in KV.
    await get(`/sangatta-utara/swarga-bara/pengaduan/lacak?nomor=${anon.ticket}&kode=${anon.code}`);
    await get('/sangatta-utara/swarga-bara/pengaduan');
    const keys = (await env.PAGE_CACHE.list({ prefix: 'page:' })).keys.map((k) => k.name);
    expect(keys.filter((k) => k.includes('lacak') || /\|pengaduan\?/.test(k))).toEqual([]);
    expect(keys.some((k) => k.includes('pengaduan/daftar'))).toBe(true);
    const cached = await allCachedPages();
    for (const leak of [ANON.name, ANON.phone, ANON.email, SECRET_TITLE, anon.code, secret.code]) expect(cached).not.toContain(leak);
  });

  it('purges the cached list and figures when a report changes state', async () => {
    const handler = await loginAs([['penanganan_pengaduan', '64.08.04']]);
    const before = await (await get('/sangatta-utara/pengaduan/daftar')).text();
    expect((await get('/sangatta-utara/pengaduan/daftar')).headers.get('X-Cache')).toBe('HIT');
    const received = Number(/<dt>Diterima<\/dt><dd>(\d+)<\/dd>/.exec(before)![1]);
    const fresh = await fileComplaint({ title: 'Laporan baru memicu pembersihan cache' });
    // An unverified report is not public output: filing it purges nothing.
    const afterFiling = await get('/sangatta-utara/pengaduan/daftar');
    expect(afterFiling.headers.get('X-Cache')).toBe('HIT');
    const html = await afterFiling.text();
    expect(html).toContain(`<dt>Diterima</dt><dd>${received}</dd>`);
    expect(html).not.toContain('Laporan baru memicu'); // not verified yet
    await verify(handler, fresh.ticket);
    const afterVerify = await get('/sangatta-utara/pengaduan/daftar');
    expect(afterVerify.headers.get('X-Cache')).toBe('MISS');
    expect(await afterVerify.clone().text()).toContain(`<dt>Diterima</dt><dd>${received + 1}</dd>`);
    expect(await afterVerify.text()).toContain('Laporan baru memicu pembersihan cache');
    const regency = await get('/pengaduan/daftar');
    expect(await regency.text()).toContain('Laporan baru memicu pembersihan cache');
  });
});
