import { describe, expect, it } from 'vitest';
import { get } from '../helpers/http';

interface RegionJson {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
  slug: string;
  path: string;
  url: string;
  lat: number;
  lng: number;
}
interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: Array<{ field: string; message: string }>;
}

async function problem(path: string, status: number): Promise<Problem> {
  const res = await get(path);
  expect(res.status, path).toBe(status);
  expect(res.headers.get('Content-Type'), path).toContain('application/problem+json');
  const body = await res.json<Problem>();
  expect(body.status).toBe(status);
  expect(typeof body.type).toBe('string');
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  return body;
}

describe('GET /api/v1/regions', () => {
  it('pages through all 160 regions with cursors, in code order, without repeats', async () => {
    const seen: RegionJson[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(`/api/v1/regions?limit=37${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      const body = await res.json<{ data: RegionJson[]; next_cursor: string | null }>();
      seen.push(...body.data);
      cursor = body.next_cursor;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBe(5);
    expect(seen).toHaveLength(160);
    expect(new Set(seen.map((r) => r.code)).size).toBe(160);
    expect(seen.map((r) => r.code)).toEqual([...seen.map((r) => r.code)].sort());
    expect(Object.keys(seen[0]!).sort()).toEqual(['code', 'lat', 'level', 'lng', 'name', 'parent_code', 'path', 'slug', 'url']);
  });

  it('filters by level, parent and name', async () => {
    const kec = await (await get('/api/v1/regions?level=kecamatan&limit=200')).json<{ data: RegionJson[] }>();
    expect(kec.data).toHaveLength(18);
    const children = await (await get('/api/v1/regions?parent=64.08.04')).json<{ data: RegionJson[] }>();
    expect(children.data.map((r) => r.name).sort()).toEqual(['Sangatta Utara', 'Singa Gembara', 'Swarga Bara', 'Teluk Lingga']);
    const q = await (await get('/api/v1/regions?q=swarga')).json<{ data: RegionJson[] }>();
    expect(q.data.map((r) => r.code)).toEqual(['64.08.04.2012']);
    const literal = await (await get('/api/v1/regions?q=%25')).json<{ data: RegionJson[] }>();
    expect(literal.data).toHaveLength(0);
  });

  it('sends an ETag and answers 304', async () => {
    const res = await get('/api/v1/regions?level=kecamatan');
    const etag = res.headers.get('ETag')!;
    expect(etag).toBeTruthy();
    expect((await get('/api/v1/regions?level=kecamatan', { 'If-None-Match': etag })).status).toBe(304);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });

  it('rejects bad input with problem+json and field errors', async () => {
    expect((await problem('/api/v1/regions?level=provinsi', 422)).errors?.[0]?.field).toBe('level');
    expect((await problem('/api/v1/regions?limit=0', 422)).errors?.[0]?.field).toBe('limit');
    expect((await problem('/api/v1/regions?limit=abc', 422)).errors?.[0]?.field).toBe('limit');
    expect((await problem('/api/v1/regions?parent=64.8', 422)).errors?.[0]?.field).toBe('parent');
    expect((await problem(`/api/v1/regions?q=${'x'.repeat(500)}`, 422)).errors?.[0]?.field).toBe('q');
    expect((await problem('/api/v1/regions?colour=red', 422)).detail).toBeTruthy();
    expect((await problem('/api/v1/regions?cursor=%%%', 400)).errors?.[0]?.field).toBe('cursor');
    expect((await problem('/api/v1/regions?cursor=bm90LWpzb24', 400)).detail).toContain('cursor');
  });
});

describe('GET /api/v1/regions/{code}', () => {
  it('returns a desa with parent, ancestors and children', async () => {
    const res = await get('/api/v1/regions/64.08.04.2012');
    expect(res.status).toBe(200);
    const body = await res.json<RegionJson & { parent: RegionJson; ancestors: RegionJson[]; children: RegionJson[]; stage: string }>();
    expect(body).toMatchObject({
      code: '64.08.04.2012',
      name: 'Swarga Bara',
      level: 'desa',
      parent_code: '64.08.04',
      path: 'sangatta-utara/swarga-bara',
      stage: 'diskominfo',
    });
    expect(body.url).toBe('https://portal.test/sangatta-utara/swarga-bara');
    expect(body.parent.code).toBe('64.08.04');
    expect(body.ancestors.map((a) => a.code)).toEqual(['64.08', '64.08.04']);
    expect(body.children).toEqual([]);
  });

  it('returns the regency with its 18 kecamatan', async () => {
    const body = await (await get('/api/v1/regions/64.08')).json<{ parent: unknown; children: RegionJson[] }>();
    expect(body.parent).toBeNull();
    expect(body.children).toHaveLength(18);
  });

  it('answers unknown and malformed codes as problems', async () => {
    expect((await problem('/api/v1/regions/64.08.99', 404)).detail).toContain('64.08.99');
    expect((await problem('/api/v1/regions/abc', 422)).errors?.[0]?.field).toBe('code');
    await problem('/api/v1/tidak-ada', 404);
  });
});

describe('OpenAPI', () => {
  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    const doc = await (await get('/api/v1/openapi.json')).json<{
      openapi: string;
      paths: Record<string, Record<string, { parameters: Array<{ name: string; in: string; schema: { enum?: string[]; maximum?: number } }> }>>;
      components: { securitySchemes: Record<string, unknown> };
    }>();
    expect(doc.openapi).toBe('3.1.0');
    const list = doc.paths['/regions']?.get;
    expect(list).toBeDefined();
    const level = list!.parameters.find((p) => p.name === 'level');
    expect(level?.schema.enum).toEqual(['kabupaten', 'kecamatan', 'desa', 'kelurahan']);
    expect(list!.parameters.find((p) => p.name === 'limit')?.schema.maximum).toBe(200);
    expect(doc.paths['/regions/{code}']?.get?.parameters[0]).toMatchObject({ name: 'code', in: 'path' });
    expect(doc.components.securitySchemes.partnerOAuth).toBeDefined();
  });

  it('shows the documentation readably at /api/docs', async () => {
    const res = await get('/api/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('GET /api/v1/regions');
    expect(html).toContain('problem+json');
    // "Memulai": token → change feed → external reference, with curl.
    expect(html).toContain('id="memulai"');
    expect(html).toContain('curl -s -u &quot;$CLIENT_ID:$CLIENT_SECRET&quot;');
    expect(html).toContain('/.well-known/oauth-authorization-server');
    expect(html).toContain('/api/v1/complaints?since=');
    expect(html).toContain('/external-ref');
    // Rate limits in figures, from the routes' own declarations.
    expect(html).toContain('id="batas-laju"');
    expect(html).toContain('10 permintaan per 10 menit');
    expect(html).toContain('10 permintaan per 1 jam');
    expect(html).toContain('10 permintaan per 15 menit');
    // Versioning policy, request and response fields with an example.
    expect(html).toContain('id="versi"');
    expect(html).toContain('Sunset');
    expect(html).toContain('Isi permintaan');
    expect(html).toContain('<code>external_id</code>');
    expect(html).toContain('Jawaban 200');
    expect(html).toContain('<summary>Contoh</summary>');
  });
});
