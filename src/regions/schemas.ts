import { z } from 'zod';
import { REGION_LEVELS } from '../db/schema';
import { searchText, UNKNOWN_KEYS } from '../lib/validation';
import { isRegionCode } from './codes';

export const RegionCodeSchema = z
  .string({ message: 'Pilih wilayah (kode wilayah Kemendagri).' })
  .max(20, 'Kode wilayah terlalu panjang.')
  .refine(isRegionCode, 'Kode wilayah harus kode Kemendagri, mis. 64.08.05.2001.')
  .describe('Kemendagri region code, e.g. 64.08.05.2001');

export const RegionListQuery = z.strictObject(
  {
    level: z.enum(REGION_LEVELS, { message: 'level harus kabupaten, kecamatan, desa atau kelurahan.' }).optional(),
    parent: RegionCodeSchema.optional().describe('Only direct children of this region code'),
    q: searchText().pipe(z.string().min(1, 'q tidak boleh kosong.')).optional().describe('Name contains (case-insensitive)'),
    cursor: z.string().max(200, 'cursor tidak valid.').optional().describe('Opaque cursor from next_cursor'),
    limit: z.coerce
      .number({ message: 'limit harus angka.' })
      .int('limit harus bilangan bulat.')
      .min(1, 'limit minimal 1.')
      .max(200, 'limit maksimal 200.')
      .default(50),
  },
  UNKNOWN_KEYS,
);

export const RegionCodeParams = z.object({ code: RegionCodeSchema });

export const RegionJson = z
  .object({
    code: z.string(),
    name: z.string(),
    level: z.enum(REGION_LEVELS),
    parent_code: z.string().nullable(),
    slug: z.string(),
    path: z.string().describe("Region path in public URLs: '' for the regency, 'kecamatan', 'kecamatan/desa'"),
    url: z.string().describe('Public page of the region'),
    lat: z.number(),
    lng: z.number(),
  })
  .meta({
    id: 'Region',
    description: 'A region of the regency: the kabupaten, a kecamatan, a desa or a kelurahan',
    example: {
      code: '64.08.04.2012',
      name: 'Swarga Bara',
      level: 'desa',
      parent_code: '64.08.04',
      slug: 'swarga-bara',
      path: 'sangatta-utara/swarga-bara',
      url: 'https://portal.example/sangatta-utara/swarga-bara',
      lat: 0.5197,
      lng: 117.5541,
    },
  });

export const RegionDetailJson = RegionJson.extend({
  stage: z.enum(['diskominfo', 'pendampingan', 'mandiri']),
  last_content_update: z.string().nullable().describe('ISO 8601 UTC'),
  parent: RegionJson.nullable(),
  ancestors: z.array(RegionJson).describe('Outermost first'),
  children: z.array(RegionJson),
}).meta({ id: 'RegionDetail' });
