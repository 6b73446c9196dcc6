// zod schemas of places (tempat): the admin form (also usable as a JSON body), the public API query and the
// GeoJSON shapes the API returns (their zod schemas are the OpenAPI components).
import { z } from 'zod';
import { FORM_ACTION_NAMES } from '../../publishing/workflow';
import { RegionCodeSchema } from '../../regions/schemas';
import { BboxQuerySchema, LatLngSchema } from './schemas';
import { stripInvisible } from '../../lib/text';

export const CATEGORY_CODE_RE = /^[a-z0-9_]{1,32}$/;
export const PLACE_LIMITS = { name: 120, address: 200, description: 1000, openingHours: 200, contact: 120 } as const;
/** Photos of places: images only (sniffed), at most 5 MB. */
export const PLACE_PHOTO_MAX_BYTES = 5 * 1024 * 1024;

const optionalText = (max: number, label: string) =>
  z
    .string({ error: `${label} harus berupa teks.` })
    .trim()
    .max(max, `${label} maksimal ${max} karakter.`)
    .default('');

export const PlaceFormSchema = z.object({
  region_code: z.string({ error: 'Pilih wilayah tempat ini.' }).trim().min(1, 'Pilih wilayah tempat ini.').pipe(RegionCodeSchema),
  name: z
    .string({ error: 'Nama tempat wajib diisi.' })
    .overwrite(stripInvisible)
    .trim()
    .min(3, 'Nama tempat wajib diisi (minimal 3 huruf).')
    .max(PLACE_LIMITS.name, `Nama tempat maksimal ${PLACE_LIMITS.name} karakter.`),
  category: z.string({ error: 'Pilih kategori tempat.' }).trim().regex(CATEGORY_CODE_RE, 'Pilih kategori tempat.'),
  lat: LatLngSchema.shape.lat,
  lng: LatLngSchema.shape.lng,
  address: optionalText(PLACE_LIMITS.address, 'Alamat'),
  description: optionalText(PLACE_LIMITS.description, 'Keterangan'),
  opening_hours: optionalText(PLACE_LIMITS.openingHours, 'Jam buka'),
  contact: optionalText(PLACE_LIMITS.contact, 'Kontak'),
  remove_photo: z.preprocess((v) => v === '1' || v === 'on' || v === true, z.boolean()).default(false),
  aksi: z.enum(FORM_ACTION_NAMES, { message: 'Tindakan tidak dikenal.' }).default('simpan'),
});
export type PlaceInput = z.output<typeof PlaceFormSchema>;

const unknownKeys = {
  error: (issue: { code: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys' ? `Parameter tidak dikenal: ${(issue.keys ?? []).join(', ')}.` : undefined,
};

export const PlacesQuery = z.strictObject(
  {
    region: RegionCodeSchema.optional().describe('Places in this region and every region below it'),
    category: z.string().regex(CATEGORY_CODE_RE, 'category tidak valid.').optional().describe('Category code, e.g. sekolah, kesehatan, kantor'),
    bbox: BboxQuerySchema.optional().describe('minLng,minLat,maxLng,maxLat (WGS84)'),
    cursor: z.string().max(200, 'cursor tidak valid.').optional().describe('Opaque cursor from next_cursor'),
    limit: z.coerce
      .number({ message: 'limit harus angka.' })
      .int('limit harus bilangan bulat.')
      .min(1, 'limit minimal 1.')
      .max(1000, 'limit maksimal 1000.')
      .default(500),
  },
  unknownKeys,
);

export const GeoCodeParams = z.object({ code: RegionCodeSchema });
export const RegionGeoQuery = z.strictObject(
  { children: z.enum(['0', '1'], { message: 'children harus 0 atau 1.' }).optional().describe('1: FeatureCollection of the children') },
  unknownKeys,
);

const PositionJson = z.tuple([z.number(), z.number()]);
const PolygonJson = z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(PositionJson)) });
const MultiPolygonJson = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(PositionJson))) });
const BboxJson = z.tuple([z.number(), z.number(), z.number(), z.number()]);

export const RegionFeatureJson = z
  .object({
    type: z.literal('Feature'),
    id: z.string(),
    bbox: BboxJson,
    geometry: z.union([PolygonJson, MultiPolygonJson]),
    properties: z.object({
      code: z.string(),
      name: z.string(),
      title: z.string().describe("e.g. 'Desa Swarga Bara'"),
      level: z.enum(['kabupaten', 'kecamatan', 'desa', 'kelurahan']),
      parent_code: z.string().nullable(),
      url: z.string().describe('Public page of the region'),
      label_point: PositionJson.describe('[lng, lat] inside the region, for labels'),
    }),
  })
  .meta({ id: 'RegionFeature' });

export const RegionFeatureCollectionJson = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(RegionFeatureJson) })
  .meta({ id: 'RegionFeatureCollection' });

export const PlaceFeatureJson = z
  .object({
    type: z.literal('Feature'),
    id: z.string(),
    geometry: z.object({ type: z.literal('Point'), coordinates: PositionJson }),
    properties: z.object({
      name: z.string(),
      category: z.string(),
      category_label: z.string(),
      color: z.string(),
      region_code: z.string(),
      address: z.string(),
      description: z.string(),
      opening_hours: z.string(),
      contact: z.string(),
      photo_url: z.string().nullable(),
      url: z.string().describe('The place on its region map page'),
      updated_at: z.string().describe('ISO 8601 UTC'),
    }),
  })
  .meta({ id: 'PlaceFeature' });

export const PlaceFeatureCollectionJson = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(PlaceFeatureJson),
    next_cursor: z.string().nullable().describe('Foreign member (RFC 7946 §6.1): pass as cursor for the next page'),
  })
  .meta({ id: 'PlaceFeatureCollection' });

export const LayerParams = z.object({ layer: z.string().regex(/^[a-z]{1,20}$/, 'Lapisan tidak dikenal.') });
export const LayerQuery = z.strictObject({ region: RegionCodeSchema }, unknownKeys);
export const LayerFeatureCollectionJson = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        geometry: z.object({ type: z.literal('Point'), coordinates: PositionJson }),
        properties: z.object({ title: z.string(), subtitle: z.string(), url: z.string().nullable() }),
      }),
    ),
  })
  .meta({ id: 'MapLayerFeatureCollection' });
