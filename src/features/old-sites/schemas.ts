import { z } from 'zod';
import { IMPORT_FORMATS } from '../../db/schema';
import { normalizeHost } from '../../regions/old-links';
import { RegionCodeSchema } from '../../regions/schemas';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Adding a host name of a region (Diskominfo). */
export const HostForm = z.object({
  host: z
    .string({ message: 'Isi nama host, mis. swargabara.desa.id.' })
    .max(260, 'Nama host terlalu panjang.')
    .transform((v, ctx) => {
      const host = normalizeHost(v);
      if (!host) {
        ctx.addIssue({ code: 'custom', message: 'Nama host tidak valid. Tulis tanpa http:// dan tanpa garis miring, mis. swargabara.desa.id.' });
        return z.NEVER;
      }
      return host;
    }),
  region_code: RegionCodeSchema,
  note: z.string().trim().max(200, 'Catatan maksimal 200 karakter.').default(''),
});

export const HostDeleteForm = z.object({ host: z.string().min(1).max(260) });

/** The import form (the files are read separately). */
export const ImportForm = z.object({
  region_code: RegionCodeSchema,
  format: z.enum(IMPORT_FORMATS, { message: 'Pilih format ekspor.' }),
  site_url: z.preprocess(
    emptyToUndefined,
    z
      .url({ protocol: /^https?$/, message: 'Alamat situs lama harus diawali http:// atau https://.' })
      .max(300, 'Alamat situs lama terlalu panjang.')
      .optional(),
  ),
  publish_directly: z.preprocess(emptyToUndefined, z.literal('1').optional()),
});

export const ImportIdParam = z.string().regex(/^[0-9A-Z]{26}$/);
