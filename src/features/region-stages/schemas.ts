import { z } from 'zod';
import { MANAGEMENT_STAGES } from '../../db/schema';
import { RegionCodeSchema } from '../../regions/schemas';

export const StageChangeForm = z.object({
  codes: z
    .union([RegionCodeSchema, z.array(RegionCodeSchema)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string()).min(1, 'Pilih minimal satu wilayah.').max(200, 'Terlalu banyak wilayah sekaligus (maksimal 200).')),
  stage: z.enum(MANAGEMENT_STAGES, { message: 'Pilih tahap pengelolaan.' }),
  reason: z.string().trim().min(5, 'Tuliskan alasan perubahan (minimal 5 karakter).').max(500, 'Alasan terlalu panjang.'),
});
