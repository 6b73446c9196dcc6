import { z } from 'zod';
import { searchText } from '../../lib/validation';
import { RegionCodeSchema } from '../../regions/schemas';

export const AuditQuery = z.object({
  pengguna: searchText().optional(),
  wilayah: RegionCodeSchema.optional().or(z.literal('').transform(() => undefined)),
  aksi: z
    .string()
    .trim()
    .max(60)
    .regex(/^[a-z_.]*$/, 'Aksi tidak valid.')
    .optional(),
  dari: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus YYYY-MM-DD.')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  sampai: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus YYYY-MM-DD.')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  sebelum: z.coerce.number().int().positive().optional(),
});
