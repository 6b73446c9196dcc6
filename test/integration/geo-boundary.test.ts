// Diskominfo replaces a region's boundary by uploading GeoJSON: validation (type, ring closure, ranges, regency bbox
// read from the root region row), simplification, history + restore, audit, and the purge of the region's and its
// ancestors' cached pages.
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { pointInGeometry, type BoundaryGeometry, type Position } from '../../src/lib/geometry';
import { hasRfc7946Winding, ringArea } from '../../src/lib/geo-simplify.mjs';
import { loginAs, type Browser } from '../helpers/auth';
import { get } from '../helpers/http';
import { insertPlace, regionGeo } from '../helpers/geo';

const CODE = '64.08.04.2012';
const DESA = '/sangatta-utara/swarga-bara';

/** A closed square ring with extra collinear points (which simplification removes). */
function square(lng: number, lat: number, half: number): Position[] {
  const ring: Position[] = [];
  const corners: Position[] = [
    [lng - half, lat - half],
    [lng + half, lat - half],
    [lng + half, lat + half],
    [lng - half, lat + half],
  ];
  corners.forEach((c, i) => {
    const n = corners[(i + 1) % 4]!;
    for (let k = 0; k < 10; k++) ring.push([c[0] + ((n[0] - c[0]) * k) / 10, c[1] + ((n[1] - c[1]) * k) / 10]);
  });
  ring.push(ring[0]!);
  return ring;
}

function upload(geojson: unknown, opts: { asFile?: boolean; note?: string } = {}): FormData {
  const form = new FormData();
  const text = typeof geojson === 'string' ? geojson : JSON.stringify(geojson);
  if (opts.asFile === false) form.set('geojson', text);
  else form.set('file', new File([text], 'batas.geojson', { type: 'application/geo+json' }));
  form.set('note', opts.note ?? 'Uji penggantian batas');
  return form;
}

let dk: Browser;
beforeAll(async () => {
  dk = await loginAs([['diskominfo', '64.08']]);
});

describe('boundary page', () => {
  it('is linked from the region admin page and shows the current map, the form and an empty history', async () => {
    expect(await (await dk.get(`/admin/wilayah/${CODE}`)).text()).toContain(`href="/admin/wilayah/${CODE}/batas"`);
    const res = await dk.get(`/admin/wilayah/${CODE}/batas`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Batas Desa Swarga Bara</h1>');
    expect(html).toContain('aria-labelledby="batas-sekarang-judul"');
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('Belum pernah diganti');
  });

  it('is not reachable for operators (404) and refuses their posts', async () => {
    const op = await loginAs([['operator_desa', CODE]]);
    expect((await op.get(`/admin/wilayah/${CODE}/batas`)).status).toBe(404);
    const post = await op.postMultipart(`/admin/wilayah/${CODE}/batas`, upload({ type: 'Polygon', coordinates: [square(117.48, 0.58, 0.01)] }));
    expect([403, 404]).toContain(post.status);
    const other = await loginAs([['operator_desa', '64.08.02.2003']]);
    expect((await other.postMultipart(`/admin/wilayah/${CODE}/batas`, upload({ type: 'Polygon', coordinates: [square(117.48, 0.58, 0.01)] }))).status).toBe(
      404,
    );
    expect((await dk.get('/admin/wilayah/64.08.99.9999/batas')).status).toBe(404);
  });
});

describe('validation', () => {
  const cases: Array<[string, unknown, string, boolean?]> = [
    [
      'a LineString',
      {
        type: 'LineString',
        coordinates: [
          [117.4, 0.5],
          [117.5, 0.6],
        ],
      },
      'Jenis geometri harus Polygon atau MultiPolygon.',
    ],
    [
      'a Feature wrapping a Point',
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [117.4, 0.5] } },
      'Jenis geometri harus Polygon atau MultiPolygon.',
    ],
    [
      'an open ring',
      {
        type: 'Polygon',
        coordinates: [
          [
            [117.4, 0.5],
            [117.5, 0.5],
            [117.5, 0.6],
            [117.4, 0.6],
          ],
        ],
      },
      'tidak tertutup',
    ],
    [
      'a latitude out of range',
      {
        type: 'Polygon',
        coordinates: [
          [
            [117.4, 0.5],
            [117.5, 95],
            [117.5, 0.6],
            [117.4, 0.5],
          ],
        ],
      },
      'Lintang harus angka antara -90 dan 90.',
    ],
    ['coordinates in Java (outside the regency bbox)', { type: 'Polygon', coordinates: [square(110.4, -7.0, 0.01)] }, 'Koordinat di luar wilayah kabupaten.'],
    ['a collection of two features', { type: 'FeatureCollection', features: [{}, {}] }, 'tepat satu fitur'],
    ['text that is not JSON', '{"type": "Polygon", <script>', 'Berkas bukan JSON yang valid.', false],
  ];
  for (const [what, input, message, asFile] of cases) {
    it(`refuses ${what} (422, message next to the field, boundary unchanged)`, async () => {
      const before = await regionGeo(CODE);
      const res = await dk.postMultipart(`/admin/wilayah/${CODE}/batas`, upload(input, { asFile }));
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain(message);
      expect(html).toContain(asFile === false ? 'href="#b-geojson"' : 'href="#b-file"');
      expect(html).not.toContain('<script>');
      expect((await regionGeo(CODE)).boundary).toEqual(before.boundary);
    });
  }

  it('asks for a file or text when both are empty', async () => {
    const form = new FormData();
    form.set('note', '');
    const res = await dk.postMultipart(`/admin/wilayah/${CODE}/batas`, form);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Pilih berkas GeoJSON atau tempel teksnya.');
  });

  it('takes the regency bbox from the root region row, not from the code', async () => {
    const root = await env.DB.prepare("SELECT bbox FROM regions WHERE path = ''").first<{ bbox: string }>();
    await env.DB.prepare("UPDATE regions SET bbox = '[117.0,0.0,117.3,1.0]' WHERE path = ''").run();
    try {
      const res = await dk.postMultipart(`/admin/wilayah/${CODE}/batas`, upload({ type: 'Polygon', coordinates: [square(117.48, 0.58, 0.01)] }));
      expect(res.status).toBe(422);
      expect(await res.text()).toContain('Koordinat di luar wilayah kabupaten.');
    } finally {
      await env.DB.prepare("UPDATE regions SET bbox = ? WHERE path = ''").bind(root!.bbox).run();
    }
  });
});

describe('replace and restore', () => {
  it('replaces the boundary (simplified), keeps the old one, audits, purges the desa, kecamatan and regency pages', async () => {
    const original = await regionGeo(CODE);
    await insertPlace({ regionCode: CODE, name: 'Di luar batas baru', lat: 0.62, lng: 117.4 });
    for (const path of [DESA, `${DESA}/peta`, '/sangatta-utara', '/sangatta-utara/peta', '/']) {
      await (await get(path)).text();
      expect((await get(path)).headers.get('X-Cache'), path).toBe('HIT');
    }
    const ring = square(117.48, 0.585, 0.02);
    const res = await dk.postMultipart(
      `/admin/wilayah/${CODE}/batas`,
      upload({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { nama: 'uji' }, geometry: { type: 'Polygon', coordinates: [ring] } }] }),
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('41 titik diunggah, 5 titik disimpan');
    expect(html).toContain('1 tempat kini berada di luar batas baru');
    const now = await regionGeo(CODE);
    expect(now.boundary).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [117.46, 0.565],
          [117.5, 0.565],
          [117.5, 0.605],
          [117.46, 0.605],
          [117.46, 0.565],
        ],
      ],
    });
    expect(now.bbox).toEqual([117.46, 0.565, 117.5, 0.605]);
    expect(pointInGeometry([now.lng, now.lat], now.boundary)).toBe(true);
    const history = await env.DB.prepare('SELECT * FROM region_boundary_history WHERE region_code = ?')
      .bind(CODE)
      .all<{ id: string; boundary: string; note: string }>();
    expect(history.results).toHaveLength(1);
    expect(JSON.parse(history.results[0]!.boundary)).toEqual(original.boundary);
    expect(history.results[0]!.note).toBe('Uji penggantian batas');
    const audit = await env.DB.prepare("SELECT * FROM audit_log WHERE action = 'region.boundary.replace' AND entity_id = ?")
      .bind(CODE)
      .first<{ summary: string; after_json: string }>();
    expect(audit?.summary).toContain('Batas Desa Swarga Bara diganti');
    expect(JSON.parse(audit!.after_json).positions).toBe(5);
    for (const path of [DESA, `${DESA}/peta`, '/sangatta-utara', '/sangatta-utara/peta', '/']) {
      expect((await get(path)).headers.get('X-Cache'), path).toBe('MISS');
    }
    const api = await (await get(`/api/v1/geo/regions/${CODE}`)).json<{ geometry: unknown }>();
    expect(api.geometry).toEqual(now.boundary);

    // Restore the original from the history.
    const page = await (await dk.get(`/admin/wilayah/${CODE}/batas`)).text();
    expect(page).toContain('Pulihkan batas lama ini');
    const restored = await dk.post(`/admin/wilayah/${CODE}/batas/pulihkan`, { history_id: history.results[0]!.id });
    expect(restored.status).toBe(200);
    expect(await restored.text()).toContain('Batas lama dipulihkan');
    const back = await regionGeo(CODE);
    expect(back.boundary).toEqual(original.boundary);
    expect(back.bbox).toEqual(original.bbox);
    expect([back.lng, back.lat]).toEqual([original.lng, original.lat]);
    expect((await dk.post(`/admin/wilayah/${CODE}/batas/pulihkan`, { history_id: 'TIDAKADA' })).status).toBe(404);
    const restoreAudit = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'region.boundary.restore' AND entity_id = ?")
      .bind(CODE)
      .first<{ n: number }>();
    expect(restoreAudit?.n).toBe(1);
  });

  it('accepts pasted text and MultiPolygons', async () => {
    const geometry = { type: 'MultiPolygon', coordinates: [[square(117.45, 0.58, 0.01)], [square(117.5, 0.6, 0.01)]] };
    const res = await dk.postMultipart(`/admin/wilayah/${CODE}/batas`, upload(geometry, { asFile: false }));
    expect(res.status).toBe(200);
    const now = await regionGeo(CODE);
    expect(now.boundary.type).toBe('MultiPolygon');
    expect(pointInGeometry([now.lng, now.lat], now.boundary)).toBe(true);
  });

  it('stores uploaded clockwise rings counter-clockwise (RFC 7946) and serves rows stored clockwise the same way', async () => {
    const clockwise = square(117.48, 0.585, 0.02).reverse();
    expect(ringArea(clockwise)).toBeLessThan(0);
    const res = await dk.postMultipart(`/admin/wilayah/${CODE}/batas`, upload({ type: 'Polygon', coordinates: [clockwise] }));
    expect(res.status).toBe(200);
    const stored = (await regionGeo(CODE)).boundary;
    expect(hasRfc7946Winding(stored)).toBe(true);

    // A row written before uploads and the seed were rewound (the old 0002 seed stored clockwise outer rings).
    const old = {
      type: 'Polygon',
      coordinates: [
        [
          [117.47, 0.575],
          [117.47, 0.595],
          [117.49, 0.595],
          [117.49, 0.575],
          [117.47, 0.575],
        ],
      ],
    };
    await env.DB.prepare('UPDATE regions SET boundary = ? WHERE code = ?').bind(JSON.stringify(old), CODE).run();
    const api = await (await get(`/api/v1/geo/regions/${CODE}`)).json<{ geometry: BoundaryGeometry }>();
    expect(hasRfc7946Winding(api.geometry)).toBe(true);
    expect(api.geometry.coordinates[0]).toEqual([
      [117.47, 0.575],
      [117.49, 0.575],
      [117.49, 0.595],
      [117.47, 0.595],
      [117.47, 0.575],
    ]);
  });
});
