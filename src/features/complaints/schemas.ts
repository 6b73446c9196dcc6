import { z } from 'zod';
import { REGENCY } from '../../config';
import { COMPLAINT_CLASSIFICATIONS } from '../../db/schema/complaints';
import { IDEMPOTENCY_KEY_RE } from '../../lib/idempotency';
import { RegionCodeSchema } from '../../regions/schemas';
import { referenceField } from '../../lib/validation';
import { normalizeCode, normalizeTicket } from './ticket';
import { stripInvisible } from '../../lib/text';
import { NotifyApiField } from '../../messaging/citizen-notice';

/** Strips control and invisible bidi/zero-width characters (keeps newlines/tabs), normalises line ends and trims. */
export const clean = (s: string) =>
  stripInvisible(s)
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .trim();

export const text = (min: number, max: number, what: string) =>
  z
    .string({ message: `Isi ${what}.` })
    .transform(clean)
    .pipe(
      z
        .string()
        .min(min, min <= 1 ? `Isi ${what}.` : `Isi ${what} (minimal ${min} huruf).`)
        .max(max, `${what[0]?.toUpperCase()}${what.slice(1)} terlalu panjang (maksimal ${max} huruf).`),
    );

/** Optional text: empty strings become undefined. */
export const optionalText = (max: number, what: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined ? undefined : clean(v) || undefined))
    .pipe(z.string().max(max, `${what} terlalu panjang (maksimal ${max} huruf).`).optional());

/** Checkbox ('1', 'on') or JSON boolean. */
const flag = z.preprocess((v) => v === true || v === '1' || v === 'on' || v === 'true', z.boolean());

const coordinate = (min: number, max: number, message: string) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? undefined : typeof v === 'string' ? Number(v.trim().replace(',', '.')) : v),
    z.number({ message }).refine(Number.isFinite, message).min(min, message).max(max, message).optional(),
  );

const PHONE_RE = /^(\+62|62|0)8[0-9]{7,12}$/;

const CategoryId = z.string({ message: 'Pilih kategori.' }).regex(/^[a-z][a-z0-9_]{1,39}$/, 'Pilih kategori.');

/** The report: one schema for the HTML form and POST /api/v1/complaints. */
export const ComplaintFields = z.object({
  classification: z.enum(COMPLAINT_CLASSIFICATIONS, { message: 'Pilih jenis laporan.' }).describe('pengaduan | aspirasi | permintaan_informasi'),
  category: CategoryId.describe('Category id, see the form (infrastruktur, layanan_administrasi, kesehatan, …)'),
  title: text(5, 150, 'judul laporan'),
  description: text(20, 5000, 'isi laporan'),
  region_code: RegionCodeSchema,
  lat: coordinate(-90, 90, 'Lintang harus angka antara -90 dan 90.').describe('Latitude (WGS84), optional'),
  lng: coordinate(-180, 180, 'Bujur harus angka antara -180 dan 180.').describe('Longitude (WGS84), optional'),
  place: optionalText(200, 'Keterangan lokasi').describe('Place description, optional'),
  exact_location: flag.describe('Publish the exact point (default: the public sees it rounded to a ~220 m grid; ignored for anonymous reports)'),
  anonymous: flag.describe('Hide the reporter identity from handlers and the public'),
  confidential: flag.describe('Hide the whole report from the public'),
  identity_consent: flag.describe(
    'The reporter agrees that their name and contact may be forwarded to the national SP4N-LAPOR system (ignored for anonymous reports; without it partners never see them)',
  ),
  contact_me: flag.describe(
    'Anonymous reports only: keep the contact given (for the reporter alone, never handlers); without it an anonymous report stores no name or contact',
  ),
  name: optionalText(100, 'Nama'),
  phone: z
    .string()
    .optional()
    .transform((v) => (v ? v.replace(/[\s().-]/g, '') || undefined : undefined))
    .pipe(z.string().max(20, 'Nomor HP tidak valid, mis. 0812 3456 7890.').regex(PHONE_RE, 'Nomor HP tidak valid, mis. 0812 3456 7890.').optional()),
  email: optionalText(200, 'Email').pipe(z.email('Format email tidak valid, mis. nama@contoh.id.').optional()),
});

export function reportRules(v: z.output<typeof ComplaintFields>, ctx: z.RefinementCtx): void {
  if ((v.lat === undefined) !== (v.lng === undefined)) {
    ctx.addIssue({ code: 'custom', path: [v.lat === undefined ? 'lat' : 'lng'], message: 'Isi lintang dan bujur bersama-sama, atau kosongkan keduanya.' });
  } else if (v.lat !== undefined && v.lng !== undefined) {
    const [minLng, minLat, maxLng, maxLat] = REGENCY.bbox;
    if (v.lng < minLng || v.lng > maxLng || v.lat < minLat || v.lat > maxLat) {
      ctx.addIssue({ code: 'custom', path: ['lat'], message: `Koordinat berada di luar ${REGENCY.name}.` });
    }
  }
  if (!v.anonymous) {
    if (!v.name || v.name.length < 2) ctx.addIssue({ code: 'custom', path: ['name'], message: 'Isi nama Anda, atau pilih kirim sebagai anonim.' });
    if (!v.phone && !v.email) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Isi nomor HP atau email agar petugas dapat menghubungi Anda.' });
  }
}

export const ComplaintInput = ComplaintFields.superRefine(reportRules);
export type ComplaintInput = z.output<typeof ComplaintInput>;

/** POST /api/v1/complaints: the form's fields plus the optional status-message opt-in (`notify`). */
export const ComplaintApiBody = ComplaintFields.extend({ notify: NotifyApiField }).superRefine(reportRules);

/** The HTML form adds its per-render idempotency token. */
export const ComplaintForm = ComplaintFields.extend({
  token: z
    .string({ message: 'Formulir kedaluwarsa. Muat ulang halaman lalu kirim lagi.' })
    .regex(IDEMPOTENCY_KEY_RE, 'Formulir kedaluwarsa. Muat ulang halaman lalu kirim lagi.'),
}).superRefine(reportRules);

export const TicketSchema = referenceField(normalizeTicket, { required: 'Isi nomor pelacakan.', invalid: 'Nomor pelacakan berbentuk ADU-XXXX-XXXX.', max: 40 });

export const CodeSchema = referenceField(normalizeCode, {
  required: 'Isi kode pribadi.',
  invalid: 'Kode pribadi terdiri dari 20 huruf/angka, mis. ABCD-EFGH-JKMN-PQRS-TVWX.',
});

export const ReporterAuth = z.object({ nomor: TicketSchema, kode: CodeSchema });
/** The tracking form's POST body, read leniently: the checks are ReporterAuth's, in the route. */
export const ReporterLookup = z.object({ nomor: z.string().max(40).catch(''), kode: z.string().max(60).catch('') });

export const InfoForm = ReporterAuth.extend({ message: text(5, 3000, 'informasi tambahan') });
export const RateForm = ReporterAuth.extend({
  score: z.coerce
    .number({ message: 'Pilih nilai 1 sampai 5.' })
    .int('Pilih nilai 1 sampai 5.')
    .min(1, 'Pilih nilai 1 sampai 5.')
    .max(5, 'Pilih nilai 1 sampai 5.'),
  comment: optionalText(1000, 'Komentar'),
});
export const ReopenForm = ReporterAuth.extend({ reason: text(10, 1000, 'alasan membuka kembali') });

const optionalRegion = z.union([RegionCodeSchema, z.literal('').transform(() => undefined)]).optional();

/** Handler actions (admin detail page): one form per action, discriminated by `action`. */
export const HandlerActionForm = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('verifikasi'), note: optionalText(1000, 'Catatan') }),
    z.object({ action: z.literal('tolak'), reason: text(5, 1000, 'alasan penolakan') }),
    z
      .object({ action: z.literal('teruskan'), target_region: optionalRegion, agency: optionalText(150, 'Nama instansi'), reason: text(5, 1000, 'alasan') })
      .refine((v) => v.target_region || v.agency, { path: ['target_region'], message: 'Pilih wilayah tujuan, atau tuliskan instansi yang berwenang.' }),
    z.object({
      action: z.literal('disposisi'),
      target_region: RegionCodeSchema,
      unit: text(2, 150, 'unit yang menangani'),
      instruction: text(5, 2000, 'instruksi disposisi'),
    }),
    z.object({ action: z.literal('tindak_lanjut'), answer: text(10, 5000, 'jawaban kepada pelapor') }),
    z.object({ action: z.literal('selesaikan'), note: optionalText(1000, 'Catatan') }),
    z.object({ action: z.literal('arsipkan'), reason: text(5, 500, 'alasan pengarsipan') }),
  ],
  { error: () => 'Tindakan tidak dikenal.' },
);
export type HandlerActionForm = z.output<typeof HandlerActionForm>;

export const AdminListQuery = z.object({
  status: z
    .enum(['terbuka', 'semua', 'diterima', 'diverifikasi', 'didisposisikan', 'ditindaklanjuti', 'selesai', 'ditolak', 'bukan_wewenang', 'diarsipkan'])
    .catch('terbuka')
    .default('terbuka'),
  tenggat: z.enum(['lewat', 'mendekati']).optional().catch(undefined),
  halaman: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});

export const PublicListQuery = z.object({
  status: z.enum(['semua', 'proses', 'selesai']).catch('semua').default('semua'),
  halaman: z.coerce.number().int().min(1).max(500).catch(1).default(1),
});

export const CategoryForm = z.object({
  id: z
    .string({ message: 'Isi kode kategori.' })
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Kode kategori: huruf kecil, angka dan garis bawah (2–40), diawali huruf.'),
  name: text(2, 60, 'nama kategori'),
  description: optionalText(200, 'Keterangan'),
  sort_order: z.coerce
    .number({ message: 'Urutan harus angka 0–999.' })
    .int('Urutan harus angka 0–999.')
    .min(0, 'Urutan harus angka 0–999.')
    .max(999, 'Urutan harus angka 0–999.')
    .default(50),
  is_active: flag,
});
export type CategoryForm = z.output<typeof CategoryForm>;
