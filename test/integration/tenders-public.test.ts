// Public procurement pages: the rollup desa → kecamatan → kabupaten (owner and location regions), the order by the
// nearest deadline, filters, the detail page with its timeline and map, RSS, the sitemap, the region home block, the
// map layer — and every text field as hostile input on each of them.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { parseStageInstant } from '../../src/features/tenders/values';
import { DAY_MS } from '../../src/lib/time';
import { xmlProblem } from '../helpers/content';
import { get, gzipSize } from '../helpers/http';
import { insertTender, tenderContent, XSS } from '../helpers/tenders';

const VILLAGE = '/sangatta-utara/swarga-bara';
const uid = () => crypto.randomUUID().slice(0, 8);
const day = (offset: number) => Date.now() + offset * DAY_MS;

/** A village package of Swarga Bara, published, with a registration window around now. */
const villagePackage = (name: string, over = {}) =>
  tenderContent({
    source: 'desa',
    regionCode: '64.08.04.2012',
    locationCodes: ['64.08.04.2012'],
    name,
    ownerName: 'Pemerintah Desa Swarga Bara',
    method: 'pengadaan_langsung',
    fundingSource: 'Dana Desa',
    pagu: 185_000_000,
    schedule: [
      { stage: 'pengumuman', s: day(-3), e: day(2) },
      { stage: 'penetapan', s: day(5), e: day(6) },
    ],
    ...over,
  });

async function html(path: string): Promise<string> {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return res.text();
}

describe('public procurement pages', () => {
  it('roll packages up from the village to the kecamatan and the regency, by owner and by location; drafts never show', async () => {
    const tag = uid();
    const village = await insertTender(villagePackage(`Pengadaan sumur bor ${tag}`));
    const located = await insertTender(tenderContent({ name: `Jalan poros Swarga Bara ${tag}`, locationCodes: ['64.08.04.2012'] }));
    const elsewhere = await insertTender(tenderContent({ name: `Dermaga Bengalon ${tag}`, locationCodes: ['64.08.09'] }));
    const unplaced = await insertTender(tenderContent({ name: `Kendaraan dinas ${tag}` }));
    await insertTender(villagePackage(`Draf pagar balai ${tag}`), { publishStatus: 'draft' });
    await insertTender(villagePackage(`Menunggu tinjauan ${tag}`), { publishStatus: 'menunggu_tinjauan' });

    const names = (page: string) => [...page.matchAll(/<h2><a href="[^"]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]).filter((n) => n!.endsWith(tag));
    expect((await names(await html(`${VILLAGE}/lelang`))).sort()).toEqual([`Jalan poros Swarga Bara ${tag}`, `Pengadaan sumur bor ${tag}`]);
    expect((await names(await html('/sangatta-utara/lelang'))).sort()).toEqual([`Jalan poros Swarga Bara ${tag}`, `Pengadaan sumur bor ${tag}`]);
    expect(await names(await html('/bengalon/lelang'))).toEqual([`Dermaga Bengalon ${tag}`]);
    expect((await names(await html('/lelang'))).sort()).toEqual(
      [`Dermaga Bengalon ${tag}`, `Jalan poros Swarga Bara ${tag}`, `Kendaraan dinas ${tag}`, `Pengadaan sumur bor ${tag}`].sort(),
    );
    // Detail pages live under the owner's prefix only.
    expect((await get(`${VILLAGE}/lelang/${village}`)).status).toBe(200);
    expect((await get(`/lelang/${village}`)).status).toBe(404);
    expect((await get(`/lelang/${located}`)).status).toBe(200);
    expect((await get(`${VILLAGE}/lelang/${located}`)).status).toBe(404);
    expect((await get(`/lelang/${elsewhere}`)).status).toBe(200);
    expect((await get(`/lelang/${unplaced}`)).status).toBe(200);
    expect((await get('/lelang/BUKAN-ID')).status).toBe(404);
  });

  it('lists the nearest upcoming deadline first, shows pagu in Rupiah, the stage under way and its time left', async () => {
    const tag = uid();
    await insertTender(tenderContent({ name: `Tanpa jadwal ${tag}`, locationCodes: ['64.08.05'] }));
    await insertTender(tenderContent({ name: `Jauh ${tag}`, locationCodes: ['64.08.05'], schedule: [{ stage: 'pendaftaran', s: day(-1), e: day(10) }] }));
    await insertTender(
      tenderContent({ name: `Dekat ${tag}`, locationCodes: ['64.08.05'], pagu: 2_375_500_000, schedule: [{ stage: 'pendaftaran', s: day(-1), e: day(2) }] }),
    );
    const page = await html('/sangkulirang/lelang');
    const order = [`Dekat ${tag}`, `Jauh ${tag}`, `Tanpa jadwal ${tag}`].map((n) => page.indexOf(n));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(page).toContain('Rp 2.375.500.000');
    expect(page).toMatch(/Pendaftaran dan unduh dokumen<\/p>|Pendaftaran dan unduh dokumen — berakhir 2 hari lagi/);
    expect(page).toContain('berakhir 2 hari lagi');
    expect(page).not.toContain('sedang disiapkan');
  });

  it('filters by status (registration open now), source, type and year; unknown values answer 400/422, never 500', async () => {
    const tag = uid();
    await insertTender(villagePackage(`Terbuka ${tag}`));
    await insertTender(villagePackage(`Kontrak ${tag}`, { winnerName: 'CV Maju', contractValue: 170_000_000, contractStartAt: day(-1) }));
    const open = await html(`${VILLAGE}/lelang?status=buka&sumber=desa`);
    expect(open).toContain(`Terbuka ${tag}`);
    expect(open).not.toContain(`Kontrak ${tag}`);
    expect(await html(`${VILLAGE}/lelang?status=kontrak`)).toContain(`Kontrak ${tag}`);
    expect(await html(`${VILLAGE}/lelang?tahun=2025`)).not.toContain(tag);
    expect(await html(`${VILLAGE}/lelang?jenis=barang`)).not.toContain(tag);
    for (const q of ['status=apa', 'sumber=%3Cx%3E', 'tahun=dua', 'halaman=-1', 'jenis=1']) {
      const res = await get(`${VILLAGE}/lelang?${q}`);
      expect(res.status, q).toBeGreaterThanOrEqual(400);
      expect(res.status, q).toBeLessThan(500);
    }
  });

  it('shows the schedule as a timeline with today marked, the winner and contract, the documents and a map', async () => {
    const start = parseStageInstant('2026-01-05', 'start')!;
    const id = await insertTender(
      villagePackage(`Rehab balai ${uid()}`, {
        lat: 0.5854,
        lng: 117.4807,
        schedule: [
          { stage: 'pengumuman', s: start, e: start + 3 * DAY_MS },
          { stage: 'penawaran', s: start + 4 * DAY_MS, e: start + 6 * DAY_MS },
          { stage: 'kontrak', s: day(20), e: day(25) },
        ],
        winnerName: 'CV Bara Jaya',
        hps: 180_000_000,
      }),
    );
    const page = await html(`${VILLAGE}/lelang/${id}`);
    expect(page).toMatch(/<ol class="timeline tender-timeline">.*Pemasukan penawaran.*id="hari-ini".*Penandatanganan kontrak/s);
    expect(page).toContain('<strong>Hari ini</strong>');
    expect(page).toContain('Pemenang dan kontrak');
    expect(page).toContain('CV Bara Jaya');
    expect(page).toContain('Rp 185.000.000');
    expect(page).toContain('Rp 180.000.000');
    expect(page).toContain('5 Januari 2026, 00.00 WITA');
    expect(page).toMatch(
      /<svg[^>]*class="map"[^>]*>.*<title id="peta-paket-judul">Lokasi paket di Desa Swarga Bara<\/title>.*class="map-place map-place-lelang"/s,
    );
    expect(page).toContain('Detail teknis');
  });

  it('serves an RSS feed per region and lists packages in the sitemap', async () => {
    const name = `Pengadaan tong sampah ${uid()}`;
    const id = await insertTender(villagePackage(name));
    const rss = await get(`/sangatta-utara/lelang.xml`);
    expect(rss.headers.get('Content-Type')).toContain('application/rss+xml');
    const xml = await rss.text();
    expect(xmlProblem(xml)).toBeNull();
    expect(xml).toContain(`<title>${name}</title>`);
    expect(xml).toContain(`${VILLAGE}/lelang/${id}</link>`);
    expect(xml).toContain('Pagu Rp 185.000.000');
    const sitemap = await (await get('/sitemap.xml')).text();
    expect(sitemap).toContain(`${VILLAGE}/lelang/${id}</loc>`);
    expect(sitemap).toContain(`${VILLAGE}/lelang</loc>`);
  });

  it('the region home shows open packages in a small block, within the page budget', async () => {
    const tag = uid();
    // Deadlines nearer than every other package of this file: these are the home block's first three.
    const soon = (i: number) => [{ stage: 'pendaftaran' as const, s: day(-1), e: day(0.2 + i * 0.01) }];
    for (let i = 0; i < 4; i++) await insertTender(villagePackage(`Paket terbuka ${i} ${tag}`, { description: 'x'.repeat(2000), schedule: soon(i) }));
    const res = await get(VILLAGE);
    const page = await res.text();
    expect(page).toContain('Pengadaan dan lelang');
    expect(page.split(tag).length - 1).toBe(3); // three packages, not all
    expect(page).toContain(`href="${VILLAGE}/lelang"`);
    expect(await gzipSize(page)).toBeLessThan(14 * 1024);
  });

  it('puts packages on the map layer: their own point, else the centre of their location region', async () => {
    const tag = uid();
    const pointed = await insertTender(villagePackage(`Titik ${tag}`, { lat: 0.5854, lng: 117.4807 }));
    const centred = await insertTender(tenderContent({ name: `Pusat desa ${tag}`, locationCodes: ['64.08.04.2012'] }));
    await insertTender(tenderContent({ name: `Tanpa tempat ${tag}` }));
    const res = await get('/api/v1/geo/layers/lelang?region=64.08.04');
    expect(res.headers.get('Content-Type')).toContain('application/geo+json');
    const body = (await res.json()) as {
      features: Array<{ id: string; geometry: { coordinates: number[] }; properties: { title: string; subtitle: string; url: string } }>;
    };
    const mine = body.features.filter((f) => f.properties.title.endsWith(tag));
    expect(mine.map((f) => f.properties.title).sort()).toEqual([`Pusat desa ${tag}`, `Titik ${tag}`]);
    const p = mine.find((f) => f.id === pointed)!;
    expect(p.geometry.coordinates).toEqual([117.4807, 0.5854]);
    expect(p.properties.url).toMatch(new RegExp(`${VILLAGE}/lelang/${pointed}$`));
    expect(p.properties.subtitle).toContain('Pagu Rp 185.000.000');
    const c = mine.find((f) => f.id === centred)!;
    const centre = await env.DB.prepare("SELECT lat, lng FROM regions WHERE code = '64.08.04.2012'").first<{ lat: number; lng: number }>();
    expect(c.geometry.coordinates).toEqual([centre!.lng, centre!.lat]);
    expect(c.properties.subtitle).toContain('sekitar Desa Swarga Bara');
  });
});

describe('every text field is untrusted', () => {
  it('is escaped on the list, the detail page, the home block, RSS, the sitemap and the map layer', async () => {
    const id = await insertTender(
      villagePackage(`${XSS} nama`, {
        externalCode: `<img src=x onerror=alert(1)>"'&kode`,
        ownerName: `${XSS} pemilik`,
        fundingSource: `${XSS} dana`,
        stageLabel: `${XSS} tahap`,
        locationText: `${XSS} lokasi`,
        description: `${XSS} keterangan`,
        schedule: [{ stage: 'pendaftaran', s: day(-1), e: day(0.1) }], // open, with the nearest deadline: first on the home block
        lat: 0.5854,
        lng: 117.4807,
      }),
    );
    await env.DB.prepare(
      "INSERT INTO tender_files (id, region_code, tender_id, title, r2_key, mime, ext, size, sha256, uploaded_at) VALUES (?, '64.08.04.2012', ?, ?, ?, 'application/pdf', 'pdf', 10, 'ab', 1)",
    )
      .bind(`F${id.slice(1)}`, id, `${XSS} berkas`, `tenders/uji/${id}.pdf`)
      .run();
    const raw = ['<script>alert', '<img src=x', 'onerror=alert(1)>'];
    for (const path of [`${VILLAGE}/lelang`, `${VILLAGE}/lelang/${id}`, VILLAGE, '/sangatta-utara/lelang', '/lelang']) {
      const page = await html(path);
      expect(page, path).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
      for (const r of raw) expect(page, `${path} ${r}`).not.toContain(r);
    }
    const detail = await html(`${VILLAGE}/lelang/${id}`);
    for (const field of ['pemilik', 'dana', 'lokasi', 'keterangan', 'berkas', 'kode'])
      expect(detail, field).toMatch(new RegExp(`&gt;&quot;&#39;&amp;\\s?${field}`));
    const won = await insertTender(
      villagePackage(`Paket dengan pemenang ${uid()}`, { winnerName: `${XSS} pemenang`, contractValue: 1, contractStartAt: day(-1) }),
    );
    const wonPage = await html(`${VILLAGE}/lelang/${won}`);
    expect(wonPage).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp; pemenang');
    for (const r of raw) expect(wonPage).not.toContain(r);
    const xml = await (await get(`${VILLAGE}/lelang.xml`)).text();
    expect(xmlProblem(xml)).toBeNull();
    for (const r of raw) expect(xml).not.toContain(r);
    const layer = await get('/api/v1/geo/layers/lelang?region=64.08.04.2012');
    expect(layer.headers.get('Content-Type')).toContain('application/geo+json');
    const features = ((await layer.json()) as { features: Array<{ id: string; properties: { title: string } }> }).features;
    expect(features.find((f) => f.id === id)?.properties.title).toBe(`${XSS} nama`); // data, never markup: the map writes it as text
  });
});
