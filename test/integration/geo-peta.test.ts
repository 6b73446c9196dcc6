// {prefix}/peta and the region home's small map: SVG (every child drawn, projection right), list of places, KV cache,
// page weight, maplibre only on request (map pages), Save-Data variant, and the base map route (off by default).
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeProjection } from '../../src/views/svg-map';
import { get, gzipSize } from '../helpers/http';
import { insertPlace, regionGeo } from '../helpers/geo';

const DESA = '/sangatta-utara/swarga-bara';
const KEC = '/sangatta-utara';
const BUDGET = 14 * 1024;

let kantorId = '';
beforeAll(async () => {
  kantorId = (
    await insertPlace({
      regionCode: '64.08.04.2012',
      name: 'Kantor Desa <Uji>',
      lat: 0.5854,
      lng: 117.4807,
      category: 'kantor',
      address: 'Jl. Poros',
      openingHours: 'Senin–Jumat 08.00–16.00 WITA',
      contact: '(0549) 12345',
    })
  ).id;
  await insertPlace({ regionCode: '64.08.04.2012', name: 'SD Negeri Uji', lat: 0.588, lng: 117.485, category: 'sekolah' });
  await insertPlace({ regionCode: '64.08.04', name: 'Puskesmas Uji', lat: 0.521, lng: 117.59, category: 'kesehatan' });
});

describe('{prefix}/peta', () => {
  it('renders the SVG map, the places grouped by category and the enhancement hooks', async () => {
    const res = await get(`${DESA}/peta`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Peta Desa Swarga Bara</h1>');
    expect(html).toMatch(/<svg [^>]*class="map"[^>]*aria-labelledby="peta-svg-judul"/);
    expect(html.match(/<circle class="map-place /g)).toHaveLength(2);
    expect(html).toContain('<h3>Kantor desa/kecamatan</h3>');
    expect(html).toContain('<h3>Sekolah</h3>');
    expect(html.indexOf('<h3>Kantor desa/kecamatan</h3>')).toBeLessThan(html.indexOf('<h3>Sekolah</h3>'));
    expect(html).toContain(`id="tempat-${kantorId}"`);
    expect(html).toContain('Kantor Desa &lt;Uji&gt;');
    expect(html).not.toContain('Kantor Desa <Uji>');
    expect(html).toContain('<dt>Jam buka</dt><dd>Senin–Jumat 08.00–16.00 WITA</dd>');
    expect(html).toContain('<dt>Kontak</dt><dd>(0549) 12345</dd>');
    expect(html).not.toContain('Puskesmas Uji'); // a kecamatan place is not on the desa map
    expect(html).toContain('data-wilayah="/api/v1/geo/regions/64.08.04.2012"');
    expect(html).toContain('data-tempat="/api/v1/places?region=64.08.04.2012&amp;limit=1000"');
    expect(html).not.toContain('data-anak='); // a desa has no children
    expect(html).toMatch(/<script src="\/js\/peta\.js\?v=[^"]+" defer(="")?><\/script>/);
    // Places carry their names on the SVG map and open in the phone's maps app or on OpenStreetMap.
    expect(html).toContain('<text class="map-place-label"');
    expect(html).toMatch(/<text class="map-place-label"[^>]*>Kantor Desa &lt;Uji&gt;<\/text>/);
    expect(html).toContain('href="geo:0.585400,117.480700?q=0.585400,117.480700(Kantor%20Desa%20%3CUji%3E)"');
    expect(html).toContain('href="https://www.openstreetmap.org/?mlat=0.585400&amp;mlon=117.480700#map=17/0.585400/117.480700"');
    expect(html).toMatch(/<input type="checkbox" name="lapisan" value="pengaduan" data-url="\/api\/v1\/geo\/layers\/pengaduan\?region=64\.08\.04\.2012"/);
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]/); // no inline script (CSP script-src 'self')
    expect(html).not.toContain('style=');
  });

  it('rolls up the children: the kecamatan map links every desa and lists their places with the desa name', async () => {
    const html = await (await get(`${KEC}/peta`)).text();
    for (const [name, path] of [
      ['Desa Swarga Bara', 'swarga-bara'],
      ['Desa Singa Gembara', 'singa-gembara'],
      ['Kelurahan Teluk Lingga', 'teluk-lingga'],
      ['Desa Sangatta Utara', 'sangatta-utara'],
    ]) {
      expect(html).toContain(`<a href="/sangatta-utara/${path}" aria-label="${name}"><path class="map-child" d="M`);
    }
    expect(html).toContain('Puskesmas Uji');
    expect(html).toMatch(/SD Negeri Uji<\/h4><p class="meta">Desa Swarga Bara <\/p>/);
    expect(html).toContain('data-anak="/api/v1/geo/regions/64.08.04?children=1"');
    expect(html.match(/<circle class="map-place /g)).toHaveLength(3);
  });

  it('projects a known centroid: the Swarga Bara label sits where the projection puts its centroid', async () => {
    const html = await (await get(`${KEC}/peta`)).text();
    const kec = await regionGeo('64.08.04');
    const desa = await regionGeo('64.08.04.2012');
    const proj = makeProjection(kec.bbox, 320, undefined, 8);
    const [x, y] = proj.project([desa.lng, desa.lat]).map((v) => Math.round(v * 10) / 10);
    expect(html).toContain(`<text class="map-label" x="${x}" y="${y}">Desa Swarga Bara</text>`);
    expect(html).toContain(`viewBox="0 0 320 ${proj.height}"`);
  });

  it('filters by category and pages the list (25 per page) with cacheable parameters', async () => {
    const schools = await (await get(`${DESA}/peta?kategori=sekolah`)).text();
    expect(schools).toContain('SD Negeri Uji');
    expect(schools).not.toContain(`id="tempat-${kantorId}"`);
    expect(schools).toContain('<option value="sekolah" selected="">Sekolah</option>');
    const none = await (await get(`${DESA}/peta?kategori=wisata`)).text();
    expect(none).toContain('Belum ada tempat dalam kategori ini');
    const hostile = await get(`${DESA}/peta?kategori=%3Cscript%3E&halaman=-1`);
    expect(hostile.status).toBe(200);
    expect(await hostile.text()).not.toContain('<script>');
    for (let i = 0; i < 26; i++)
      await insertPlace({ regionCode: '64.08.05', name: `Tempat ${String(i).padStart(2, '0')}`, lat: 1, lng: 117.9, category: 'lainnya', purge: i === 25 });
    const page1 = await (await get('/sangkulirang/peta')).text();
    expect(page1.match(/<li class="place"/g)).toHaveLength(25);
    expect(page1).toContain('href="/sangkulirang/peta?halaman=2"');
    const page2 = await (await get('/sangkulirang/peta?halaman=2')).text();
    expect(page2.match(/<li class="place"/g)).toHaveLength(1);
  });

  it('is KV-cached and purged when a place of the region (or of a child) changes', async () => {
    const first = await get('/muara-wahau/peta');
    expect(first.headers.get('X-Cache')).toBe('MISS');
    await first.text();
    const second = await get('/muara-wahau/peta');
    expect(second.headers.get('X-Cache')).toBe('HIT');
    expect(await second.text()).not.toContain('Pasar Baru Uji');
    await insertPlace({ regionCode: '64.08.02.2003', name: 'Pasar Baru Uji', lat: 1.05, lng: 116.85, category: 'pasar' });
    const third = await get('/muara-wahau/peta');
    expect(third.headers.get('X-Cache')).toBe('MISS');
    expect(await third.text()).toContain('Pasar Baru Uji');
  });

  it('stays within 14 KB compressed before enhancement (regency, kecamatan, desa)', async () => {
    for (const path of ['/peta', `${KEC}/peta`, `${DESA}/peta`]) {
      const size = await gzipSize(await (await get(path)).text());
      expect(size, path).toBeGreaterThan(1000);
      expect(size, path).toBeLessThanOrEqual(BUDGET);
    }
  });

  it.each([
    ['without', {}],
    ['with Save-Data', { 'Save-Data': 'on' }],
  ])('%s Save-Data loads maplibre only on request (a button from peta.js), never with the page', async (_, headers) => {
    const html = await (await get(`${DESA}/peta`, headers)).text();
    expect(html).not.toMatch(/<script src="\/vendor\/maplibre-gl\.js/);
    expect(html).not.toMatch(/<link rel="stylesheet" href="\/vendor\/maplibre-gl\.css/);
    expect(html).toMatch(/data-maplibre-js="\/vendor\/maplibre-gl\.js\?v=[^"]+"/);
    expect(html).toMatch(/data-maplibre-css="\/vendor\/maplibre-gl\.css\?v=[^"]+"/);
    expect(html).toMatch(/<script src="\/js\/peta\.js/);
  });

  it('answers 404 under an unknown region', async () => {
    expect((await get('/tidak-ada/peta')).status).toBe(404);
  });
});

describe('region home map', () => {
  it('draws the places as dots and links to the map page, without maplibre', async () => {
    const html = await (await get(DESA)).text();
    expect(html.match(/<circle class="map-place /g)).toHaveLength(2);
    expect(html).toContain('map-place-kantor');
    expect(html).toContain(`href="${DESA}/peta"`);
    expect(html).not.toContain('maplibre');
    expect(html).not.toContain('/js/peta.js');
    const kec = await (await get(KEC)).text();
    expect(kec.match(/<circle class="map-place /g)).toHaveLength(3);
  });
});

describe('base map tiles', () => {
  it('are off by default: /peta/ubin/* answers 404 and pages carry no tile URL', async () => {
    expect(env.MAP_TILE_URL ?? '').toBe('');
    expect(env.MAP_PMTILES_KEY ?? '').toBe('');
    expect((await get('/peta/ubin/0/0/0')).status).toBe(404);
    expect(await (await get(`${DESA}/peta`)).text()).not.toContain('data-ubin');
  });
});
