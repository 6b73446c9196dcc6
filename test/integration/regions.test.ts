import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { get } from '../helpers/http';
import { insertPost } from '../helpers/seed';

interface Row {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
  slug: string;
  path: string;
}

async function allRegions(): Promise<Row[]> {
  return (await env.DB.prepare('SELECT code, name, level, parent_code, slug, path FROM regions').all<Row>()).results;
}

describe('region tree (seeded from Kemendagri data)', () => {
  it('holds all 160 regions of Kutai Timur by level', async () => {
    const rows = await allRegions();
    expect(rows).toHaveLength(160);
    const count = (l: string) => rows.filter((r) => r.level === l).length;
    expect([count('kabupaten'), count('kecamatan'), count('desa'), count('kelurahan')]).toEqual([1, 18, 139, 2]);
    expect(rows.find((r) => r.code === '64.08')?.path).toBe('');
  });

  it('has unique slugs within each parent, unique paths, and consistent parent links', async () => {
    const rows = await allRegions();
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const siblingKeys = new Set(rows.map((r) => `${r.parent_code}|${r.slug}`));
    expect(siblingKeys.size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.path)).size).toBe(rows.length);
    for (const r of rows.filter((x) => x.level !== 'kabupaten')) {
      const parent = byCode.get(r.parent_code ?? '');
      expect(parent, r.code).toBeDefined();
      expect(r.code.startsWith(`${parent!.code}.`)).toBe(true);
      expect(r.path).toBe(parent!.path === '' ? r.slug : `${parent!.path}/${r.slug}`);
    }
  });

  it('stores valid centroids and boundaries for every region', async () => {
    const rows = (
      await env.DB.prepare('SELECT code, lat, lng, bbox, boundary FROM regions').all<{
        code: string;
        lat: number;
        lng: number;
        bbox: string;
        boundary: string;
      }>()
    ).results;
    for (const r of rows) {
      const [minLng, minLat, maxLng, maxLat] = JSON.parse(r.bbox) as number[];
      expect(r.lng, r.code).toBeGreaterThanOrEqual(minLng! - 0.05);
      expect(r.lng, r.code).toBeLessThanOrEqual(maxLng! + 0.05);
      expect(r.lat, r.code).toBeGreaterThanOrEqual(minLat! - 0.05);
      expect(r.lat, r.code).toBeLessThanOrEqual(maxLat! + 0.05);
      expect(['Polygon', 'MultiPolygon']).toContain((JSON.parse(r.boundary) as { type: string }).type);
    }
  });

  it('lists all 18 kecamatan on the regency home and a kecamatan lists its villages', async () => {
    const home = await (await get('/')).text();
    const kecamatan = (await env.DB.prepare("SELECT name, path FROM regions WHERE level = 'kecamatan'").all<{ name: string; path: string }>()).results;
    expect(kecamatan).toHaveLength(18);
    for (const k of kecamatan) expect(home).toContain(`href="/${k.path}"`);
    const kec = await (await get('/sangatta-utara')).text();
    for (const desa of ['Swarga Bara', 'Singa Gembara', 'Teluk Lingga']) expect(kec).toContain(desa);
    expect(kec).toContain('Kelurahan Teluk Lingga');
  });

  it('rolls content up: a desa post shows on its kecamatan and the regency, not on another kecamatan', async () => {
    const title = `Rollup ${crypto.randomUUID()}`;
    await insertPost({ regionCode: '64.08.04.2012', title });
    expect(await (await get('/sangatta-utara/swarga-bara')).text()).toContain(title);
    expect(await (await get('/sangatta-utara')).text()).toContain(title);
    expect(await (await get('/')).text()).toContain(title);
    expect(await (await get('/muara-wahau')).text()).not.toContain(title);
    // A sibling desa never counts it as its own; with no news of its own it shows it as the kecamatan's (labelled).
    const sibling = await (await get('/sangatta-utara/singa-gembara')).text();
    const nearby = sibling.indexOf('Dari Kecamatan Sangatta Utara');
    expect(nearby).toBeGreaterThan(-1);
    expect(sibling.indexOf(title)).toBeGreaterThan(nearby);
  });

  it('does not show drafts or scheduled posts', async () => {
    const draft = `Draf ${crypto.randomUUID()}`;
    const later = `Terjadwal ${crypto.randomUUID()}`;
    await insertPost({ regionCode: '64.08.02', title: draft, status: 'draft' });
    await insertPost({ regionCode: '64.08.02', title: later, publishedAt: Date.now() + 86_400_000 });
    const page = await (await get('/muara-wahau/berita')).text();
    expect(page).not.toContain(draft);
    expect(page).not.toContain(later);
  });
});
