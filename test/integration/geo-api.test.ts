// GeoJSON API: /api/v1/geo/regions/{code}[?children=1], /api/v1/places, /api/v1/geo/layers/{layer}.
import { beforeAll, describe, expect, it } from 'vitest';
import { get } from '../helpers/http';
import { insertPlace, regionGeo } from '../helpers/geo';
import { pointInGeometry, type BoundaryGeometry } from '../../src/lib/geometry';

interface Feature {
  type: string;
  id: string;
  bbox?: number[];
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown>;
}
interface FeatureCollection {
  type: string;
  features: Feature[];
  next_cursor?: string | null;
}

async function geo<T>(path: string): Promise<{ res: Response; body: T }> {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('Content-Type'), path).toBe('application/geo+json; charset=utf-8');
  expect(res.headers.get('ETag')).toMatch(/^"[0-9a-f]{32}"$/);
  expect(res.headers.get('Cache-Control')).toContain('public');
  expect(res.headers.get('Cache-Control')).toContain('max-age=');
  return { res, body: await res.json<T>() };
}

async function problem(path: string, status: number) {
  const res = await get(path);
  expect(res.status, path).toBe(status);
  expect(res.headers.get('Content-Type')).toContain('application/problem+json');
  return res.json<{ detail: string; errors?: Array<{ field: string; message: string }> }>();
}

describe('GET /api/v1/geo/regions/{code}', () => {
  it('returns the boundary as a Feature with bbox, properties and the stored geometry', async () => {
    const { body } = await geo<Feature>('/api/v1/geo/regions/64.08.04.2012');
    const stored = await regionGeo('64.08.04.2012');
    expect(body.type).toBe('Feature');
    expect(body.id).toBe('64.08.04.2012');
    expect(body.bbox).toEqual(stored.bbox);
    expect(body.geometry).toEqual(stored.boundary);
    expect(body.properties).toMatchObject({
      code: '64.08.04.2012',
      name: 'Swarga Bara',
      title: 'Desa Swarga Bara',
      level: 'desa',
      parent_code: '64.08.04',
      url: 'https://portal.test/sangatta-utara/swarga-bara',
      label_point: [stored.lng, stored.lat],
    });
    expect(pointInGeometry(body.properties.label_point as [number, number], body.geometry as BoundaryGeometry)).toBe(true);
  });

  it('?children=1 returns every child as a FeatureCollection (regency → 18 kecamatan; desa → none)', async () => {
    const { body } = await geo<FeatureCollection>('/api/v1/geo/regions/64.08?children=1');
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(18);
    for (const f of body.features) {
      expect(f.type).toBe('Feature');
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      expect(f.properties.level).toBe('kecamatan');
      expect(f.properties.parent_code).toBe('64.08');
      expect(String(f.properties.url)).toMatch(/^https:\/\/portal\.test\/[a-z0-9-]+$/);
    }
    const kec = await geo<FeatureCollection>('/api/v1/geo/regions/64.08.04?children=1');
    expect(kec.body.features.map((f) => f.id).sort()).toEqual(['64.08.04.1010', '64.08.04.2001', '64.08.04.2011', '64.08.04.2012']);
    const desa = await geo<FeatureCollection>('/api/v1/geo/regions/64.08.04.2012?children=1');
    expect(desa.body).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('answers 304 to If-None-Match with the same ETag', async () => {
    const first = await get('/api/v1/geo/regions/64.08.04');
    const etag = first.headers.get('ETag') ?? '';
    const again = await get('/api/v1/geo/regions/64.08.04', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('ETag')).toBe(etag);
    const other = await get('/api/v1/geo/regions/64.08.04?children=1', { 'If-None-Match': etag });
    expect(other.status).toBe(200);
  });

  it('refuses bad codes, unknown regions and unknown parameters with problem+json', async () => {
    expect((await problem('/api/v1/geo/regions/64.08.99.9999', 404)).detail).toContain('64.08.99.9999');
    await problem('/api/v1/geo/regions/%3Cscript%3E', 422);
    await problem('/api/v1/geo/regions/64.08?children=ya', 422);
    const unknown = await problem('/api/v1/geo/regions/64.08?foo=1', 422);
    expect(JSON.stringify(unknown)).toContain('foo');
  });
});

describe('GET /api/v1/places', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ids.kantor = (
      await insertPlace({
        regionCode: '64.08.04.2012',
        name: 'Kantor Desa Uji',
        lat: 0.5854,
        lng: 117.4807,
        category: 'kantor',
        address: 'Jl. Uji 1',
        contact: '(0549) 1',
      })
    ).id;
    ids.sekolah = (await insertPlace({ regionCode: '64.08.04.2012', name: 'SD Uji', lat: 0.588, lng: 117.485, category: 'sekolah' })).id;
    ids.kec = (await insertPlace({ regionCode: '64.08.04', name: 'Puskesmas Uji', lat: 0.521, lng: 117.59, category: 'kesehatan' })).id;
    ids.wahau = (await insertPlace({ regionCode: '64.08.02.2003', name: 'Pasar Wahau Uji', lat: 1.05, lng: 116.85, category: 'pasar' })).id;
  });

  it('returns a FeatureCollection of Point features with the documented properties', async () => {
    const { body } = await geo<FeatureCollection>('/api/v1/places?region=64.08.04.2012');
    expect(body.type).toBe('FeatureCollection');
    expect(body.next_cursor).toBeNull();
    expect(body.features.map((f) => f.id).sort()).toEqual([ids.kantor, ids.sekolah].sort());
    const kantor = body.features.find((f) => f.id === ids.kantor);
    expect(kantor?.geometry).toEqual({ type: 'Point', coordinates: [117.4807, 0.5854] });
    expect(kantor?.properties).toMatchObject({
      name: 'Kantor Desa Uji',
      category: 'kantor',
      category_label: 'Kantor desa/kecamatan',
      region_code: '64.08.04.2012',
      address: 'Jl. Uji 1',
      contact: '(0549) 1',
      photo_url: null,
      url: `https://portal.test/sangatta-utara/swarga-bara/peta#tempat-${ids.kantor}`,
    });
    expect(String(kantor?.properties.color)).toMatch(/^#[0-9a-f]{6}$/);
    expect(String(kantor?.properties.updated_at)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('region= covers the whole subtree; category= and bbox= narrow it', async () => {
    const kec = await geo<FeatureCollection>('/api/v1/places?region=64.08.04');
    expect(kec.body.features.map((f) => f.id).sort()).toEqual([ids.kantor, ids.sekolah, ids.kec].sort());
    const all = await geo<FeatureCollection>('/api/v1/places?region=64.08');
    expect(all.body.features.map((f) => f.id)).toContain(ids.wahau);
    const schools = await geo<FeatureCollection>('/api/v1/places?region=64.08.04&category=sekolah');
    expect(schools.body.features.map((f) => f.id)).toEqual([ids.sekolah]);
    const box = await geo<FeatureCollection>('/api/v1/places?bbox=117.48,0.58,117.482,0.59');
    expect(box.body.features.map((f) => f.id)).toEqual([ids.kantor]);
    const empty = await geo<FeatureCollection>('/api/v1/places?region=64.08.05');
    expect(empty.body.features).toEqual([]);
  });

  it('pages with limit and an opaque cursor without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null | undefined = null;
    let pages = 0;
    do {
      const { body }: { body: FeatureCollection } = await geo<FeatureCollection>(`/api/v1/places?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...body.features.map((f) => f.id));
      cursor = body.next_cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(4);
  });

  it('validates every parameter (problem+json with the field)', async () => {
    const bad = [
      ['/api/v1/places?bbox=1,2,3', 'bbox'],
      ['/api/v1/places?bbox=200,0,201,1', 'bbox'],
      ['/api/v1/places?bbox=118,1,117,2', 'bbox'],
      ['/api/v1/places?category=%3Cscript%3E', 'category'],
      ['/api/v1/places?limit=0', 'limit'],
      ['/api/v1/places?limit=5000', 'limit'],
      ['/api/v1/places?region=abc', 'region'],
    ] as const;
    for (const [path, field] of bad) {
      const body = await problem(path, 422);
      expect(
        body.errors?.map((e) => e.field),
        path,
      ).toContain(field);
    }
    expect((await problem('/api/v1/places?category=bandara', 422)).errors?.[0]?.field).toBe('category');
    await problem('/api/v1/places?region=64.08.99', 404);
    await problem('/api/v1/places?cursor=bukan-kursor', 400);
    await problem('/api/v1/places?foo=bar', 422);
  });
});

describe('GET /api/v1/geo/layers/{layer}', () => {
  it('serves the complaints layer as GeoJSON points (empty when the region has none)', async () => {
    const { body } = await geo<FeatureCollection>('/api/v1/geo/layers/pengaduan?region=64.08.05');
    expect(body).toEqual({ type: 'FeatureCollection', features: [] });
    await problem('/api/v1/geo/layers/pengaduan', 422);
    await problem('/api/v1/geo/layers/pengaduan?region=64.08.99', 404);
  });

  it('answers 404 problem+json for a layer that is not available', async () => {
    const body = await problem('/api/v1/geo/layers/jalanrusak?region=64.08', 404);
    expect(body.detail).toContain('jalanrusak');
    await problem('/api/v1/geo/layers/%3Cx%3E?region=64.08', 422);
  });
});

describe('OpenAPI', () => {
  it('documents the geo routes with application/geo+json responses', async () => {
    const doc = await (await get('/api/v1/openapi.json')).json<{
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
    }>();
    for (const path of ['/geo/regions/{code}', '/places', '/geo/layers/{layer}']) {
      expect(Object.keys(doc.paths[path]?.get?.responses['200']?.content ?? {}), path).toEqual(['application/geo+json']);
    }
  });
});
