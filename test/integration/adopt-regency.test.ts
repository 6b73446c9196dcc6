// Adopting the portal in another regency, end to end: the seed generator turns a (synthetic) public dataset into
// seed SQL, a fresh database gets the migrations and that seed — no migration rewritten — and the regency home, a
// kecamatan, a desa and the regions API serve the new regency under the configured portal name. Re-applying the seed
// changes nothing; rows that already exist keep their stage, boundary and URL, and only an official rename flows in.
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRegionSeed, seedStatements } from '../../scripts/lib/region-seed.mjs';
import { REGENCY } from '../../src/config';
import { hasRfc7946Winding, type AreaGeometry } from '../../src/lib/geo-simplify.mjs';
import { SYNTHETIC_CODE, SYNTHETIC_PROVINCE, syntheticDataset } from '../fixtures/regency-99.01/dataset';
import { ORIGIN } from '../helpers/http';
import { loadSchema, wipeStorage } from '../helpers/storage';
import { fetchWithBindings } from '../helpers/worker';

const PORTAL = 'Portal Kabupaten Sukamaju';
const seed = (files = syntheticDataset()) => buildRegionSeed(SYNTHETIC_CODE, files, { provinceName: SYNTHETIC_PROVINCE }).sql;

async function applySeed(sql: string): Promise<number[]> {
  const results = await env.DB.batch(seedStatements(sql).map((statement) => env.DB.prepare(statement)));
  return results.map((r) => r.meta.changes);
}

const page = (path: string) => fetchWithBindings(`${ORIGIN}${path}`, { PORTAL_NAME: PORTAL }, { redirect: 'manual' });
const regionsTable = async () => (await env.DB.prepare('SELECT * FROM regions ORDER BY code').all()).results;

beforeAll(async () => {
  // A new deployment: migrations only (0002 adds no region), then the other regency's seed.
  await wipeStorage();
  await loadSchema({ regionSeed: false });
  expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM regions').first<{ n: number }>())?.n).toBe(0);
  expect((await applySeed(seed())).every((n) => n === 1)).toBe(true);
});

describe('a synthetic regency (Kabupaten Sukamaju, 99.01)', () => {
  it('serves the regency home with its kecamatan under the configured portal name', async () => {
    const res = await page('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<title>Kabupaten Sukamaju · ${PORTAL}</title>`);
    expect(html).toContain('<h1>Kabupaten Sukamaju</h1>');
    expect(html).toContain('href="/sukamaju-hulu"');
    expect(html).toContain('href="/sukamaju-hilir"');
    expect(html).not.toContain('/sangatta-utara'); // no region of Kutai Timur's data
    expect(html).toContain(REGENCY.footer); // the rest of the identity comes from src/config.ts, edited when adopting
  });

  it('serves a kecamatan and its desa and kelurahan with breadcrumbs to the new regency', async () => {
    const kecamatan = await (await page('/sukamaju-hulu')).text();
    expect(kecamatan).toContain('<h1>Kecamatan Sukamaju Hulu</h1>');
    expect(kecamatan).toContain('href="/sukamaju-hulu/mekar-sari"');
    const desa = await page('/sukamaju-hulu/mekar-sari');
    expect(desa.status).toBe(200);
    const html = await desa.text();
    expect(html).toContain('<h1>Desa Mekar Sari</h1>');
    expect(html).toMatch(/<li><a href="\/">Kabupaten Sukamaju<\/a><\/li><li><a href="\/sukamaju-hulu">Kecamatan Sukamaju Hulu<\/a><\/li>/);
    expect(html).toContain(PORTAL);
    expect(await (await page('/sukamaju-hilir/kota-lama')).text()).toContain('<h1>Kelurahan Kota Lama</h1>');
    expect((await page('/sangatta-utara')).status).toBe(404);
  });

  it('lists exactly its regions in /api/v1/regions and serves counter-clockwise boundaries', async () => {
    const body = await (await page('/api/v1/regions?limit=50')).json<{ data: Array<{ code: string; level: string; path: string }> }>();
    expect(body.data.map((r) => r.code)).toEqual(['99.01', '99.01.01', '99.01.01.2001', '99.01.01.2002', '99.01.02', '99.01.02.1001']);
    expect(body.data.find((r) => r.code === '99.01.02.1001')).toMatchObject({ level: 'kelurahan', path: 'sukamaju-hilir/kota-lama' });
    const geo = await (await page(`/api/v1/geo/regions/${SYNTHETIC_CODE}?children=1`)).json<{
      geometry?: AreaGeometry;
      features?: Array<{ geometry: AreaGeometry }>;
    }>();
    const geometries = geo.features ? geo.features.map((f) => f.geometry) : [geo.geometry!];
    expect(geometries.length).toBeGreaterThan(0);
    for (const g of geometries) expect(hasRfc7946Winding(g)).toBe(true);
  });

  it('applies the same seed again without changing a row', async () => {
    const before = await regionsTable();
    expect(await applySeed(seed())).toEqual(seedStatements(seed()).map(() => 0));
    expect(await regionsTable()).toEqual(before);
  });

  it('keeps stage, boundary, slug and path of existing rows; takes only an official rename', async () => {
    const custom = JSON.stringify({
      type: 'Polygon',
      coordinates: [
        [
          [120.01, -0.89],
          [120.09, -0.89],
          [120.09, -0.81],
          [120.01, -0.81],
          [120.01, -0.89],
        ],
      ],
    });
    await env.DB.prepare("UPDATE regions SET stage = 'mandiri', boundary = ?, profile = 'Profil dari admin.' WHERE code = '99.01.01.2001'").bind(custom).run();
    const renamed = syntheticDataset();
    for (const file of ['regions.csv', 'desa.geojson'] as const) renamed[file] = renamed[file]!.replace('Mekar Sari', 'Mekarsari Jaya');
    const changes = await applySeed(seed(renamed));
    expect(changes.reduce((a, b) => a + b, 0)).toBe(1);
    const row = await env.DB.prepare("SELECT name, slug, path, stage, boundary, profile FROM regions WHERE code = '99.01.01.2001'").first();
    expect(row).toEqual({
      name: 'Mekarsari Jaya',
      slug: 'mekar-sari',
      path: 'sukamaju-hulu/mekar-sari',
      stage: 'mandiri',
      boundary: custom,
      profile: 'Profil dari admin.',
    });
  });
});
