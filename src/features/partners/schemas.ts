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

export const TokenRequest = z.object({
  grant_type: z.literal('client_credentials', { message: 'grant_type harus client_credentials.' }),
  client_id: z.string().min(1, 'client_id wajib diisi.').max(64),
  client_secret: z.string().min(1, 'client_secret wajib diisi.').max(200),
  scope: z.string().max(500).optional(),
});

export const TokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
  scope: z.string(),
});
