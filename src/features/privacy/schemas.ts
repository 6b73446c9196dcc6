import { z } from 'zod';
import { stripInvisible } from '../../lib/text';

/** Diskominfo's erasure form: the record's public number, the reason (no personal data), and an explicit confirmation. */
export const EraseForm = z.object({
  nomor: z
    .string({ message: 'Isi nomor pengaduan, permohonan informasi atau surat.' })
    .trim()
    .min(1, 'Isi nomor pengaduan, permohonan informasi atau surat.')
    .max(40, 'Nomor terlalu panjang.'),
  alasan: z
    .string({ message: 'Isi dasar penghapusan.' })
    .transform((s) => stripInvisible(s).trim())
    .pipe(
      z
        .string()
        .min(5, 'Isi dasar penghapusan (minimal 5 huruf), mis. nomor surat permintaan.')
        .max(300, 'Dasar penghapusan terlalu panjang (maksimal 300 huruf).'),
    ),
  konfirmasi: z.literal('1', { message: 'Centang konfirmasi: penghapusan tidak dapat dibatalkan.' }),
});
