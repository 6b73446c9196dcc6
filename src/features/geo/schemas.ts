// zod schemas for boundary uploads, typed coordinates and the bbox API query.
// User-facing messages are in Bahasa Indonesia.
import { z } from 'zod';
import { REGENCY } from '../../config';
import type { Bbox, BoundaryGeometry, Position } from '../../lib/geometry';
import { polygonsOf } from '../../lib/geometry';

/** Upper limit on positions in one uploaded boundary (closing positions included). */
export const MAX_BOUNDARY_POSITIONS = 50_000;
export const MSG = {
  lng: 'Bujur harus angka antara -180 dan 180.',
  lat: 'Lintang harus angka antara -90 dan 90.',
  position: 'Posisi harus berupa pasangan [bujur, lintang].',
  ringOpen: 'Cincin poligon tidak tertutup: titik pertama dan terakhir harus sama.',
  ringShort: 'Cincin poligon harus memiliki minimal 4 titik.',
  geometryType: 'Jenis geometri harus Polygon atau MultiPolygon.',
  geometryObject: 'Geometri harus berupa objek GeoJSON.',
  outside: 'Koordinat di luar wilayah kabupaten.',
  tooMany: 'Batas wilayah terlalu rinci: maksimal 50.000 titik. Sederhanakan geometri terlebih dahulu.',
  bboxRequired: 'Parameter bbox wajib diisi (format: minLng,minLat,maxLng,maxLat).',
  bboxFormat: 'bbox harus berisi 4 angka: minLng,minLat,maxLng,maxLat.',
  bboxRange: 'bbox di luar rentang koordinat (bujur -180..180, lintang -90..90).',
  bboxOrder: 'bbox tidak valid: minLng harus < maxLng dan minLat < maxLat.',
} as const;

const lngNumber = z.number({ error: MSG.lng }).min(-180, MSG.lng).max(180, MSG.lng);
const latNumber = z.number({ error: MSG.lat }).min(-90, MSG.lat).max(90, MSG.lat);

/** [lng, lat]; an optional altitude (or other extra members) is accepted and dropped. */
export const PositionSchema = z
  .tuple([lngNumber, latNumber], { error: MSG.position })
  .rest(z.number({ error: MSG.position }))
  .transform((p): Position => [p[0], p[1]]);

const samePosition = (a: Position | undefined, b: Position | undefined): boolean => !!a && !!b && a[0] === b[0] && a[1] === b[1];

export const LinearRingSchema = z
  .array(PositionSchema, { error: 'Cincin poligon harus berupa daftar posisi.' })
  .min(4, { error: MSG.ringShort, abort: true })
  .refine((ring) => samePosition(ring[0], ring[ring.length - 1]), { error: MSG.ringOpen });

const polygonCoordinates = z
  .array(LinearRingSchema, { error: 'Koordinat poligon harus berupa daftar cincin.' })
  .min(1, 'Poligon harus memiliki minimal satu cincin.');

export const PolygonSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: polygonCoordinates,
});

export const MultiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z
    .array(polygonCoordinates, { error: 'Koordinat MultiPolygon harus berupa daftar poligon.' })
    .min(1, 'MultiPolygon harus memiliki minimal satu poligon.'),
});

/** Counts positions in raw (unvalidated) nested arrays, stopping early once past `limit`. */
function countRawPositions(value: unknown, limit: number, depth = 0): number {
  if (!Array.isArray(value) || depth > 4) return 0;
  if (typeof value[0] === 'number') return 1;
  let n = 0;
  for (const item of value) {
    n += countRawPositions(item, limit, depth + 1);
    if (n > limit) break;
  }
  return n;
}

const positionLimitGuard = z.unknown().superRefine((value, ctx) => {
  if (typeof value !== 'object' || value === null || !('coordinates' in value)) return;
  if (countRawPositions(value.coordinates, MAX_BOUNDARY_POSITIONS) > MAX_BOUNDARY_POSITIONS) {
    ctx.addIssue({ code: 'custom', message: MSG.tooMany, path: ['coordinates'] });
  }
});

const geometryUnion = z.discriminatedUnion('type', [PolygonSchema, MultiPolygonSchema], {
  error: (iss) => ((iss.code as string) === 'invalid_type' ? MSG.geometryObject : MSG.geometryType),
});

/** Polygon or MultiPolygon geometry (max MAX_BOUNDARY_POSITIONS positions). Extra members are dropped. */
export const BoundaryGeometrySchema: z.ZodType<BoundaryGeometry, unknown> = positionLimitGuard.pipe(geometryUnion);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Unwraps a JSON string, Feature or single-feature FeatureCollection down to its geometry. */
const unwrapGeoJson = z.unknown().transform((input, ctx): unknown => {
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      ctx.issues.push({ code: 'custom', message: 'Berkas bukan JSON yang valid.', input });
      return z.NEVER;
    }
  }
  if (isRecord(value) && value.type === 'FeatureCollection') {
    const features = value.features;
    if (!Array.isArray(features) || features.length !== 1) {
      const found = Array.isArray(features) ? features.length : 0;
      const message = `FeatureCollection harus berisi tepat satu fitur (ditemukan ${found}).`;
      ctx.issues.push({ code: 'custom', message, path: ['features'], input: value });
      return z.NEVER;
    }
    value = features[0];
  }
  if (isRecord(value) && value.type === 'Feature') {
    if (!isRecord(value.geometry)) {
      ctx.issues.push({ code: 'custom', message: 'Fitur tidak memiliki geometri.', path: ['geometry'], input: value });
      return z.NEVER;
    }
    value = value.geometry;
  }
  return value;
});

/** Accepts a Geometry, a Feature or a one-feature FeatureCollection (object or JSON text) → geometry. */
export const BoundaryUploadSchema: z.ZodType<BoundaryGeometry, unknown> = unwrapGeoJson.pipe(BoundaryGeometrySchema);

export type BoundaryWithinResult = { ok: true } | { ok: false; message: string; path: (string | number)[]; position: Position };

/** Checks that every position lies inside `bbox` (edges included); reports the first one outside. */
export function validateBoundaryWithin(geometry: BoundaryGeometry, bbox: Bbox): BoundaryWithinResult {
  const multi = geometry.type === 'MultiPolygon';
  const polygons = polygonsOf(geometry);
  for (const [pi, polygon] of polygons.entries()) {
    for (const [ri, ring] of polygon.entries()) {
      for (const [i, position] of ring.entries()) {
        const [lng, lat] = position;
        if (lng < bbox[0] || lng > bbox[2] || lat < bbox[1] || lat > bbox[3]) {
          const path = multi ? ['coordinates', pi, ri, i] : ['coordinates', ri, i];
          return { ok: false, message: MSG.outside, path, position };
        }
      }
    }
  }
  return { ok: true };
}

/** BoundaryUploadSchema plus a check that all coordinates fall inside the regency bbox. */
export function boundaryUploadSchema(regencyBbox: Bbox = REGENCY.bbox): z.ZodType<BoundaryGeometry, unknown> {
  return BoundaryUploadSchema.superRefine((geometry, ctx) => {
    const result = validateBoundaryWithin(geometry, regencyBbox);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message, path: result.path });
  });
}

/** Form input: trims, accepts a decimal comma, treats '' as missing. */
const formNumber = (message: string, min: number, max: number) =>
  z.preprocess(
    (v) => {
      if (typeof v !== 'string') return v;
      const s = v.trim().replace(',', '.');
      return s === '' ? undefined : Number(s);
    },
    z.number({ error: message }).min(min, message).max(max, message),
  );

/** A point typed in a form (strings coerced). */
export const LatLngSchema = z.object({
  lat: formNumber(MSG.lat, -90, 90),
  lng: formNumber(MSG.lng, -180, 180),
});

/** Query value `minLng,minLat,maxLng,maxLat` → Bbox. */
export const BboxQuerySchema = z
  .string({ error: MSG.bboxRequired })
  .max(200, MSG.bboxFormat)
  .transform((raw, ctx): Bbox => {
    const parts = raw.split(',').map((s) => s.trim());
    const nums = parts.map((s) => (s === '' ? NaN : Number(s)));
    const [minLng, minLat, maxLng, maxLat] = nums;
    if (nums.length !== 4 || minLng === undefined || minLat === undefined || maxLng === undefined || maxLat === undefined || !nums.every(Number.isFinite)) {
      ctx.issues.push({ code: 'custom', message: MSG.bboxFormat, input: raw });
      return z.NEVER;
    }
    const lngOk = (x: number) => x >= -180 && x <= 180;
    const latOk = (y: number) => y >= -90 && y <= 90;
    if (!lngOk(minLng) || !lngOk(maxLng) || !latOk(minLat) || !latOk(maxLat)) {
      ctx.issues.push({ code: 'custom', message: MSG.bboxRange, input: raw });
      return z.NEVER;
    }
    if (!(minLng < maxLng && minLat < maxLat)) {
      ctx.issues.push({ code: 'custom', message: MSG.bboxOrder, input: raw });
      return z.NEVER;
    }
    return [minLng, minLat, maxLng, maxLat];
  });
