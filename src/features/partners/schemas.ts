import { z } from 'zod';
import { SCOPE_NAMES } from '../../api/scopes';

export const ScopeSchema = z.enum(SCOPE_NAMES as [string, ...string[]], { message: 'Scope tidak dikenal.' });

export const RegisterPartnerForm = z.object({
  name: z.string().trim().min(3, 'Isi nama sistem mitra (minimal 3 karakter).').max(100, 'Nama terlalu panjang.'),
  scopes: z
    .union([ScopeSchema, z.array(ScopeSchema)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string()).min(1, 'Pilih minimal satu scope.')),
});
