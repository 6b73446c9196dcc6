import { z } from 'zod';
import { HOLIDAY_KINDS } from '../../db/schema';
import { isDateKey } from '../../lib/time';

export const HOLIDAY_KIND_LABELS: Record<(typeof HOLIDAY_KINDS)[number], string> = {
  libur_nasional: 'Libur nasional',
  cuti_bersama: 'Cuti bersama',
  libur_daerah: 'Libur daerah',
};

export const DateKeySchema = z
  .string({ message: 'Isi tanggal (TTTT-BB-HH).' })
  .trim()
  .refine(isDateKey, 'Tanggal harus tanggal yang benar, format TTTT-BB-HH, mis. 2026-08-17.');

export const HolidayForm = z.object({
  date: DateKeySchema,
  kind: z.enum(HOLIDAY_KINDS, { message: 'Pilih jenis hari libur.' }),
  name: z
    .string({ message: 'Isi nama hari libur.' })
    .transform((s) => s.replace(/[\u0000-\u001f\u007f]/g, '').trim())
    .pipe(z.string().min(3, 'Isi nama hari libur (minimal 3 huruf).').max(100, 'Nama terlalu panjang (maksimal 100 huruf).')),
});
export type HolidayForm = z.output<typeof HolidayForm>;

export const DeleteHolidayForm = z.object({
  yakin: z.literal('1', { message: 'Centang konfirmasi untuk menghapus tanggal ini.' }),
});

export const YearQuery = z.object({
  tahun: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});
