import { z } from 'zod';
import { searchText } from '../../lib/validation';
import { ROLES } from '../../db/schema';
import { RegionCodeSchema } from '../../regions/schemas';

export const LoginForm = z.object({
  login: z.string().trim().min(1, 'Isi nama pengguna atau email.').max(200, 'Nama pengguna terlalu panjang.'),
  password: z.string().min(1, 'Isi kata sandi.').max(200, 'Kata sandi terlalu panjang.'),
  lanjut: z.string().max(500).optional(),
});

const username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'Nama pengguna minimal 3 karakter.')
  .max(40, 'Nama pengguna maksimal 40 karakter.')
  .regex(/^[a-z0-9._-]+$/, 'Nama pengguna hanya boleh huruf kecil, angka, titik, garis bawah dan tanda hubung.');

export const MembershipInput = z.object({
  role: z.enum(ROLES, { message: 'Pilih peran.' }),
  region_code: RegionCodeSchema,
});

export const CreateUserForm = z.object({
  username,
  name: z.string().trim().min(2, 'Isi nama lengkap.').max(100, 'Nama terlalu panjang.'),
  email: z
    .string()
    .trim()
    .max(200, 'Email terlalu panjang.')
    .optional()
    .transform((v) => (!v ? undefined : v.toLowerCase()))
    .pipe(z.email('Format email tidak valid.').optional()),
  password: z.string().max(200, 'Kata sandi terlalu panjang.'),
  role: z.enum(ROLES, { message: 'Pilih peran.' }),
  region_code: RegionCodeSchema,
});

export const ResetPasswordForm = z.object({ password: z.string().max(200, 'Kata sandi terlalu panjang.') });

export const ChangeOwnPasswordForm = z.object({
  current: z.string().min(1, 'Isi kata sandi saat ini.').max(200),
  password: z.string().max(200, 'Kata sandi terlalu panjang.'),
});

export const UserListQuery = z.object({
  q: searchText().optional(),
  peran: z.enum(ROLES).optional().catch(undefined),
  halaman: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});
