// Pure rules of the geo feature: simplification and label points for uploaded boundaries, the place form and API
// query schemas, and the Indonesian refusal for points outside a region.
import { describe, expect, it } from 'vitest';
import { countPositions, pointInGeometry, type BoundaryGeometry, type Position } from '../../src/lib/geometry';
import { FEATURES } from '../../src/features';
import { complaintsLayer } from '../../src/features/complaints/map-points';
import { mapLayersOf } from '../../src/features/descriptor';
import { PlaceFormSchema, PlacesQuery } from '../../src/features/geo/places-schemas';
import { formatDistance, pointRefusal } from '../../src/features/geo/places-service';
import { labelPoint, regionAnchor, roundBboxOutward, simplifyGeometry, simplifyRing } from '../../src/features/geo/simplify';

const square: BoundaryGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [10, 10],
      [11, 10],
      [11, 11],
      [10, 11],
      [10, 10],
    ],
  ],
};

/** A closed circle-ish ring with n vertices. */
function circle(lng: number, lat: number, r: number, n: number): Position[] {
  const ring: Position[] = Array.from(
    { length: n },
    (_, k) => [lng + r * Math.cos((2 * Math.PI * k) / n), lat + r * Math.sin((2 * Math.PI * k) / n)] as Position,
  );
  ring.push(ring[0]!);
  return ring;
}

describe('simplifyGeometry', () => {
  it('drops collinear points, rounds to 5 decimals and keeps rings closed', () => {
    const ring: Position[] = [
      [117, 0.5],
      [117.05, 0.5],
      [117.1, 0.5],
      [117.1, 0.6],
      [117.0000001, 0.6],
      [117, 0.5],
    ];
    const out = simplifyGeometry({ type: 'Polygon', coordinates: [ring] });
    expect(out).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [117, 0.5],
          [117.1, 0.5],
          [117.1, 0.6],
          [117, 0.6],
          [117, 0.5],
        ],
      ],
    });
  });
  it('keeps the shape within the tolerance and reduces dense rings', () => {
    const dense = circle(117.5, 0.5, 0.05, 2000);
    const out = simplifyGeometry({ type: 'Polygon', coordinates: [dense] });
    expect(countPositions(out)).toBeLessThan(200);
    expect(countPositions(out)).toBeGreaterThan(10);
    expect(pointInGeometry([117.5, 0.5], out)).toBe(true);
    expect(pointInGeometry([117.5, 0.5497], out)).toBe(true); // within ~0.0003° of the edge, inside
    expect(pointInGeometry([117.5, 0.5506], out)).toBe(false);
  });
  it('drops collapsed holes but never the outer ring; multipolygons stay multipolygons', () => {
    const tinyHole = circle(10.5, 10.5, 0.00001, 8);
    const out = simplifyGeometry({ type: 'Polygon', coordinates: [square.coordinates[0]!, tinyHole] });
    expect(out.coordinates).toHaveLength(1);
    const tiny = simplifyGeometry({ type: 'Polygon', coordinates: [circle(10, 10, 0.00005, 6)] });
    expect(countPositions(tiny)).toBeGreaterThanOrEqual(4);
    const multi = simplifyGeometry({ type: 'MultiPolygon', coordinates: [[circle(10, 10, 0.1, 50)], [circle(11, 11, 0.1, 50)]] });
    expect(multi.type).toBe('MultiPolygon');
    expect(
      simplifyRing(
        [
          [0, 0],
          [1, 0],
          [0, 0],
        ],
        0.001,
      ),
    ).toBeNull();
  });
  it('rounds a bbox outward', () => {
    expect(roundBboxOutward([117.46000000000001, 0.564999999, 117.500000001, 0.6049999999])).toEqual([117.46, 0.56499, 117.50001, 0.605]);
  });
});

describe('labelPoint / regionAnchor', () => {
  it('finds a point inside concave and multipart shapes', () => {
    const u: BoundaryGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    expect(pointInGeometry(labelPoint(u), u)).toBe(true);
    const holed: BoundaryGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
          [0, 0],
        ],
        [
          [1, 1],
          [3, 1],
          [3, 3],
          [1, 3],
          [1, 1],
        ],
      ],
    };
    expect(pointInGeometry(labelPoint(holed), holed)).toBe(true);
    const multi: BoundaryGeometry = { type: 'MultiPolygon', coordinates: [[circle(0, 0, 0.1, 20)], [circle(5, 5, 1, 20)]] };
    const p = labelPoint(multi);
    expect(Math.hypot(p[0] - 5, p[1] - 5)).toBeLessThan(1); // in the larger part
  });
  it('keeps the current centroid when it is still inside', () => {
    expect(regionAnchor(square, [10.2, 10.7])).toEqual([10.2, 10.7]);
    expect(pointInGeometry(regionAnchor(square, [50, 50]), square)).toBe(true);
    expect(pointInGeometry(regionAnchor(square, null), square)).toBe(true);
  });
});

describe('pointRefusal', () => {
  it('accepts points inside or within 200 m, explains points outside with the distance', () => {
    expect(pointRefusal([10.5, 10.5], square, 'Desa Contoh')).toBeNull();
    expect(pointRefusal([11.001, 10.5], square, 'Desa Contoh')).toBeNull(); // ~109 m east of the edge
    const msg = pointRefusal([11.05, 10.5], square, 'Desa Contoh');
    expect(msg).toContain('berada di luar batas Desa Contoh');
    expect(msg).toMatch(/sekitar 5,\d km dari batas wilayah/);
  });
  it('recognises swapped latitude and longitude', () => {
    const msg = pointRefusal(
      [10.5, 10.6],
      {
        type: 'Polygon',
        coordinates: [
          [
            [10.4, 10.4],
            [10.7, 10.4],
            [10.7, 10.55],
            [10.4, 10.55],
            [10.4, 10.4],
          ],
        ],
      },
      'Desa Contoh',
    );
    expect(msg).toContain('Lintang dan bujur tampaknya tertukar');
  });
  it('formats distances in Indonesian', () => {
    expect(formatDistance(0)).toBe('1 m');
    expect(formatDistance(349)).toBe('350 m');
    expect(formatDistance(4230)).toBe('4,2 km');
  });
});

describe('PlaceFormSchema', () => {
  const base = { region_code: '64.08.04.2012', name: '  Kantor Desa  ', category: 'kantor', lat: '0,5854', lng: ' 117.4807 ' };
  it('trims text, accepts a decimal comma and defaults the optional fields', () => {
    expect(PlaceFormSchema.parse(base)).toEqual({
      region_code: '64.08.04.2012',
      name: 'Kantor Desa',
      category: 'kantor',
      lat: 0.5854,
      lng: 117.4807,
      address: '',
      description: '',
      opening_hours: '',
      contact: '',
      remove_photo: false,
      aksi: 'simpan',
    });
    expect(PlaceFormSchema.parse({ ...base, remove_photo: '1' }).remove_photo).toBe(true);
  });
  it('refuses empty, hostile and out-of-range input with Indonesian messages', () => {
    const r = PlaceFormSchema.safeParse({ region_code: '', name: 'ab', category: '<script>', lat: '91', lng: 'x', contact: 'x'.repeat(121) });
    expect(r.success).toBe(false);
    const byField = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(byField.region_code).toBe('Pilih wilayah tempat ini.');
    expect(byField.name).toContain('minimal 3 huruf');
    expect(byField.category).toBe('Pilih kategori tempat.');
    expect(byField.lat).toBe('Lintang harus angka antara -90 dan 90.');
    expect(byField.lng).toBe('Bujur harus angka antara -180 dan 180.');
    expect(byField.contact).toBe('Kontak maksimal 120 karakter.');
    expect(PlaceFormSchema.safeParse({ ...base, region_code: '64.08/../x' }).success).toBe(false);
  });
});

describe('PlacesQuery', () => {
  it('parses region, category, bbox and limit; rejects unknown parameters', () => {
    expect(PlacesQuery.parse({ region: '64.08.04', category: 'sekolah', bbox: '117,0.5,118,0.6', limit: '10' })).toEqual({
      region: '64.08.04',
      category: 'sekolah',
      bbox: [117, 0.5, 118, 0.6],
      limit: 10,
    });
    expect(PlacesQuery.parse({}).limit).toBe(500);
    const unknown = PlacesQuery.safeParse({ kategori: 'sekolah' });
    expect(unknown.error?.issues[0]?.message).toBe('Parameter tidak dikenal: kategori.');
  });
});

describe('map layers', () => {
  it('turn complaint points into neutral map points (ticket and status, nothing about the reporter)', async () => {
    const layer = complaintsLayer(async (_db, region) => [
      { ticket: 'ADU-1', title: `Jalan rusak di ${region}`, statusLabel: 'Diverifikasi', lat: 0.5, lng: 117.5 },
    ]);
    expect(layer.id).toBe('pengaduan');
    expect(await layer.load({} as never, '64.08.04')).toEqual([
      { id: 'ADU-1', title: 'Jalan rusak di 64.08.04', subtitle: 'ADU-1 · Diverifikasi', lat: 0.5, lng: 117.5, url: null },
    ]);
    expect(mapLayersOf(FEATURES).map((l) => l.id)).toEqual(['pengaduan', 'lelang']);
  });
});
