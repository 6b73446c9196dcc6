import { z } from 'zod';
import { RegionCodeSchema } from '../../regions/schemas';
import { stripInvisible } from '../../lib/text';

/**
 * Chunked uploads (R2 multipart) of large document files. R2 wants every part but the last to be at least 5 MiB and
 * all of them the same size; the server fixes the part size so a part lost on a weak connection costs at most 5 MiB.
 */
export const UPLOAD_PART_BYTES = 5 * 1024 * 1024;
/** A session that has not been completed and used by then is aborted by the daily cleanup (R2 itself gives up after 7 days). */
export const UPLOAD_SESSION_TTL_MS = 3 * 24 * 60 * 60 * 1000;
/** Open sessions one officer may hold at once (each holds an R2 multipart upload). */
export const MAX_OPEN_UPLOADS_PER_USER = 10;

export const partCountOf = (size: number, partSize = UPLOAD_PART_BYTES) => Math.max(1, Math.ceil(size / partSize));
/** The exact size part n (1-based) must have: the part size, or what is left for the last one. */
export const expectedPartSize = (size: number, n: number, partSize = UPLOAD_PART_BYTES) => Math.min(partSize, size - (n - 1) * partSize);

/** Starting a chunked upload (JSON body). The size limit is checked by the service (UPLOAD_MAX_BYTES, the form's limit). */
export const CreateUploadBody = z.object({
  region_code: RegionCodeSchema,
  name: z
    .string({ message: 'Nama berkas wajib diisi.' })
    .overwrite(stripInvisible)
    .trim()
    .min(1, 'Nama berkas wajib diisi.')
    .max(255, 'Nama berkas maksimal 255 karakter.'),
  size: z
    .number({ message: 'Ukuran berkas harus angka (byte).' })
    .int('Ukuran berkas harus bilangan bulat (byte).')
    .min(1, 'Berkas kosong. Pilih berkas yang berisi.')
    .max(Number.MAX_SAFE_INTEGER, 'Ukuran berkas tidak valid.'),
  /** What the browser says the type is: informative only, the type is decided from the bytes at completion. */
  type: z.string().max(200, 'Jenis berkas terlalu panjang.').optional(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'SHA-256 harus 64 digit heksadesimal.')
    .transform((s) => s.toLowerCase())
    .optional(),
});
export type CreateUploadInput = z.output<typeof CreateUploadBody>;

/** Upload session ids are ULIDs. */
export const UploadIdParam = z.string().regex(/^[0-9A-Z]{26}$/, 'Unggahan tidak ditemukan.');
export const PartNumberParam = z.coerce
  .number({ message: 'Nomor bagian harus angka.' })
  .int('Nomor bagian harus bilangan bulat.')
  .min(1, 'Nomor bagian dimulai dari 1.')
  .max(10_000, 'Nomor bagian terlalu besar.');
