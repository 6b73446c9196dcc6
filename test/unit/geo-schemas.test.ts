import { describe, expect, it } from 'vitest';
import { REGENCY } from '../../src/config';
import type { Position } from '../../src/lib/geometry';
import {
  BboxQuerySchema,
  BoundaryGeometrySchema,
  BoundaryUploadSchema,
  LatLngSchema,
  LinearRingSchema,
  MSG,
  MultiPolygonSchema,
  PolygonSchema,
  PositionSchema,
  boundaryUploadSchema,
  validateBoundaryWithin,
} from '../../src/features/geo/schemas';

const square = (lng: number, lat: number, d = 0.1): Position[] => [
  [lng, lat],
  [lng + d, lat],
  [lng + d, lat + d],
  [lng, lat + d],
  [lng, lat],
];
const polygon = { type: 'Polygon', coordinates: [square(117, 1)] };
const multi = { type: 'MultiPolygon', coordinates: [[square(117, 1)], [square(118, 1.5, 0.05)]] };

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.error?.issues.map((i) => i.message) ?? [];
}

describe('PositionSchema', () => {
  it('accepts [lng, lat] and drops an altitude', () => {
    expect(PositionSchema.parse([117.5, 1.2])).toEqual([117.5, 1.2]);
    expect(PositionSchema.parse([117.5, 1.2, 30])).toEqual([117.5, 1.2]);
  });
  it('rejects out-of-range, non-finite and malformed positions', () => {
    expect(messages(PositionSchema.safeParse([181, 0]))).toContain(MSG.lng);
    expect(messages(PositionSchema.safeParse([0, -91]))).toContain(MSG.lat);
    expect(PositionSchema.safeParse([Infinity, 0]).success).toBe(false);
    expect(PositionSchema.safeParse([Number.NaN, 0]).success).toBe(false);
    expect(PositionSchema.safeParse(['117', '1']).success).toBe(false);
    expect(PositionSchema.safeParse([117]).success).toBe(false);
    expect(PositionSchema.safeParse({ lng: 117, lat: 1 }).success).toBe(false);
  });
});

describe('LinearRingSchema / PolygonSchema / MultiPolygonSchema', () => {
  it('rejects an open ring with the Indonesian message', () => {
    const open = square(117, 1)
      .slice(0, 4)
      .concat([[117.05, 1.0]]);
    expect(messages(LinearRingSchema.safeParse(open))).toEqual([MSG.ringOpen]);
    expect(messages(PolygonSchema.safeParse({ type: 'Polygon', coordinates: [open] }))).toContain(MSG.ringOpen);
  });
  it('rejects rings with fewer than 4 positions (only one message)', () => {
    const short = [
      [117, 1],
      [117.1, 1],
      [117, 1],
    ];
    expect(messages(LinearRingSchema.safeParse(short))).toEqual([MSG.ringShort]);
  });
  it('accepts valid polygons with holes and multipolygons, stripping extra members', () => {
    const withHole = { type: 'Polygon', coordinates: [square(117, 1), square(117.02, 1.02, 0.02)], bbox: [0, 0, 1, 1] };
    expect(PolygonSchema.parse(withHole)).toEqual({ type: 'Polygon', coordinates: withHole.coordinates });
    expect(MultiPolygonSchema.parse(multi).coordinates).toHaveLength(2);
    expect(PolygonSchema.safeParse({ type: 'Polygon', coordinates: [] }).success).toBe(false);
    expect(MultiPolygonSchema.safeParse({ type: 'MultiPolygon', coordinates: [[]] }).success).toBe(false);
  });
});

describe('BoundaryGeometrySchema', () => {
  it('accepts Polygon and MultiPolygon', () => {
    expect(BoundaryGeometrySchema.parse(polygon).type).toBe('Polygon');
    expect(BoundaryGeometrySchema.parse(multi).type).toBe('MultiPolygon');
  });
  it.each([
    ['Point', { type: 'Point', coordinates: [117, 1] }],
    [
      'LineString',
      {
        type: 'LineString',
        coordinates: [
          [117, 1],
          [118, 1],
        ],
      },
    ],
    ['GeometryCollection', { type: 'GeometryCollection', geometries: [polygon] }],
    ['missing type', { coordinates: [square(117, 1)] }],
  ])('rejects %s', (_name, input) => {
    expect(messages(BoundaryGeometrySchema.safeParse(input))).toEqual([MSG.geometryType]);
  });
  it('rejects non-objects and out-of-range coordinates', () => {
    expect(messages(BoundaryGeometrySchema.safeParse(42))).toEqual([MSG.geometryObject]);
    const bad = {
      type: 'Polygon',
      coordinates: [
        [
          [200, 1],
          [117.1, 1],
          [117.1, 1.1],
          [200, 1],
        ],
      ],
    };
    const issues = BoundaryGeometrySchema.safeParse(bad).error?.issues ?? [];
    expect(issues.map((i) => i.message)).toContain(MSG.lng);
    expect(issues[0]?.path).toEqual(['coordinates', 0, 0, 0]);
  });
  it('rejects more than 50,000 positions with a clear message', () => {
    const ring: Position[] = Array.from({ length: 50_001 }, (_, i) => [117 + Math.cos(i) * 0.1, 1 + Math.sin(i) * 0.1]);
    ring.push(ring[0] as Position);
    expect(messages(BoundaryGeometrySchema.safeParse({ type: 'Polygon', coordinates: [ring] }))).toEqual([MSG.tooMany]);
    expect(MSG.tooMany).toMatch(/50\.000/);
  });
});

describe('BoundaryUploadSchema', () => {
  it('normalises a Feature and a one-feature FeatureCollection to the geometry', () => {
    const feature = { type: 'Feature', properties: { name: 'Sangatta Utara' }, geometry: multi };
    expect(BoundaryUploadSchema.parse(feature)).toEqual(multi);
    expect(BoundaryUploadSchema.parse({ type: 'FeatureCollection', features: [feature] })).toEqual(multi);
    expect(BoundaryUploadSchema.parse(polygon)).toEqual(polygon);
    expect(BoundaryUploadSchema.parse(JSON.stringify(feature))).toEqual(multi);
  });
  it('rejects collections with zero or several features, features without geometry and bad JSON', () => {
    const feature = { type: 'Feature', properties: {}, geometry: polygon };
    expect(messages(BoundaryUploadSchema.safeParse({ type: 'FeatureCollection', features: [] }))[0]).toMatch(/tepat satu fitur/);
    expect(messages(BoundaryUploadSchema.safeParse({ type: 'FeatureCollection', features: [feature, feature] }))[0]).toMatch(/ditemukan 2/);
    expect(messages(BoundaryUploadSchema.safeParse({ type: 'Feature', geometry: null }))).toEqual(['Fitur tidak memiliki geometri.']);
    expect(messages(BoundaryUploadSchema.safeParse('{not json'))).toEqual(['Berkas bukan JSON yang valid.']);
  });
  it('rejects a Feature wrapping a Point', () => {
    const feature = { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [117, 1] } };
    expect(messages(BoundaryUploadSchema.safeParse(feature))).toEqual([MSG.geometryType]);
  });
});

describe('regency bbox check', () => {
  it('validateBoundaryWithin reports the first position outside', () => {
    expect(validateBoundaryWithin(BoundaryGeometrySchema.parse(multi), REGENCY.bbox)).toEqual({ ok: true });
    const outside = BoundaryGeometrySchema.parse({ type: 'MultiPolygon', coordinates: [[square(117, 1)], [square(119.5, 1)]] });
    const result = validateBoundaryWithin(outside, REGENCY.bbox);
    expect(result).toEqual({ ok: false, message: MSG.outside, path: ['coordinates', 1, 0, 0], position: [119.5, 1] });
  });
  it('boundaryUploadSchema rejects coordinates outside the regency bbox', () => {
    const schema = boundaryUploadSchema([115.9, 0, 119, 1.9]);
    expect(schema.parse({ type: 'Feature', properties: {}, geometry: polygon })).toEqual(polygon);
    const jakarta = { type: 'Polygon', coordinates: [square(106.8, -6.2)] };
    expect(messages(schema.safeParse(jakarta))).toEqual(['Koordinat di luar wilayah kabupaten.']);
    const straddling = { type: 'Polygon', coordinates: [square(118.95, 1.85)] };
    expect(schema.safeParse(straddling).error?.issues[0]?.path).toEqual(['coordinates', 0, 1]);
  });
});

describe('LatLngSchema', () => {
  it('coerces form strings (including a decimal comma)', () => {
    expect(LatLngSchema.parse({ lat: ' 0.5123 ', lng: '117,52' })).toEqual({ lat: 0.5123, lng: 117.52 });
    expect(LatLngSchema.parse({ lat: 1, lng: 117 })).toEqual({ lat: 1, lng: 117 });
  });
  it('rejects empty, non-numeric and out-of-range values in Indonesian', () => {
    expect(messages(LatLngSchema.safeParse({ lat: '', lng: '117' }))).toEqual([MSG.lat]);
    expect(messages(LatLngSchema.safeParse({ lat: 'abc', lng: '117' }))).toEqual(['Lintang harus angka antara -90 dan 90.']);
    expect(messages(LatLngSchema.safeParse({ lat: '91', lng: '181' }))).toEqual([MSG.lat, MSG.lng]);
    expect(messages(LatLngSchema.safeParse({}))).toEqual([MSG.lat, MSG.lng]);
  });
});

describe('BboxQuerySchema', () => {
  it('parses minLng,minLat,maxLng,maxLat', () => {
    expect(BboxQuerySchema.parse('115.9,0,119,1.9')).toEqual([115.9, 0, 119, 1.9]);
    expect(BboxQuerySchema.parse(' 116 , 0.5 , 117 , 1 ')).toEqual([116, 0.5, 117, 1]);
  });
  it.each([
    ['116,0,117', MSG.bboxFormat],
    ['116,0,117,1,2', MSG.bboxFormat],
    ['116,,117,1', MSG.bboxFormat],
    ['a,b,c,d', MSG.bboxFormat],
    ['116,0,Infinity,1', MSG.bboxFormat],
    ['-200,0,117,1', MSG.bboxRange],
    ['116,0,117,95', MSG.bboxRange],
    ['117,0,116,1', MSG.bboxOrder],
    ['116,1,117,1', MSG.bboxOrder],
  ])('rejects %s', (input, message) => {
    expect(messages(BboxQuerySchema.safeParse(input))).toEqual([message]);
  });
  it('requires the parameter', () => {
    expect(messages(BboxQuerySchema.safeParse(undefined))).toEqual([MSG.bboxRequired]);
  });
});
