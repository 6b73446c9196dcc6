import { z } from 'zod';
import { searchText } from '../../lib/validation';
import { OFFICER_CHANNELS, ROLES } from '../../db/schema';
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

const checkbox = z.preprocess((v) => v === '1' || v === 'on' || v === 'true', z.boolean());
const TELEGRAM_CHAT_ID = /^-?\d{5,20}$/;
const EMAIL = z.email();

/**
 * An officer's own notification preferences (/admin/akun/notifikasi). The contact field of the chosen channel may be
 * left empty to keep the stored one (the page never shows it in full); the route checks that one exists.
 */
export const OfficerNotifyForm = z
  .object({
    channel: z.enum(OFFICER_CHANNELS, { message: 'Pilih saluran pesan: tidak ada, Telegram, atau e-mail.' }),
    telegram_chat_id: z.string({ message: 'ID chat Telegram tidak valid.' }).trim().max(40, 'ID chat Telegram terlalu panjang.').default(''),
    email: z.string({ message: 'Alamat e-mail tidak valid.' }).trim().max(200, 'Alamat e-mail terlalu panjang.').default(''),
    digest: checkbox,
    urgent: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.channel === 'telegram' && v.telegram_chat_id && !TELEGRAM_CHAT_ID.test(v.telegram_chat_id))
      ctx.addIssue({
        code: 'custom',
        path: ['telegram_chat_id'],
        message: 'ID chat Telegram berupa angka 5–20 digit, mis. 123456789 (grup diawali tanda minus).',
      });
    if (v.channel === 'email' && v.email && !EMAIL.safeParse(v.email).success)
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'Alamat e-mail tidak valid, mis. nama@contoh.id.' });
  });
export type OfficerNotifyInput = z.output<typeof OfficerNotifyForm>;
