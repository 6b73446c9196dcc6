import { z } from 'zod';
import {
  DIP_CATEGORIES,
  INFO_DECISIONS,
  INFO_DELIVERY_METHODS,
  INFO_IDENTITY_TYPES,
  INFO_OBJECTION_OUTCOMES,
  INFO_OBTAIN_METHODS,
  INFO_REQUESTER_TYPES,
} from '../../db/schema';
import { IDEMPOTENCY_KEY_RE } from '../../lib/idempotency';
import { RegionCodeSchema } from '../../regions/schemas';
import { REFUSAL_REASON_KEYS } from './labels';
import { referenceField, UNKNOWN_KEYS } from '../../lib/validation';
import { normalizeCode, normalizeNumber } from './secrets';
import { OBJECTION_GROUNDS } from './state';
import { stripInvisible } from '../../lib/text';
import { NotifyApiField } from '../../messaging/citizen-notice';

/** Strips control characters (keeps newlines/tabs) and trims. */
const clean = (s: string) =>
  stripInvisible(s)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .trim();

const text = (min: number, max: number, what: string) =>
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
const optionalText = (max: number, what: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined ? undefined : clean(v) || undefined))
    .pipe(z.string().max(max, `${what} terlalu panjang (maksimal ${max} huruf).`).optional());

const PHONE_RE = /^\+?[0-9][0-9 ()-]{6,22}$/;

/** Perki 1/2021 request form fields: one schema for the HTML form and POST /api/v1/info-requests. */
export const InfoRequestFields = z.object({
  requester_type: z.enum(INFO_REQUESTER_TYPES, { message: 'Pilih jenis pemohon.' }).describe('perorangan | badan_hukum | kelompok'),
  name: text(2, 100, 'nama pemohon'),
  address: text(5, 300, 'alamat'),
  occupation: text(2, 100, 'pekerjaan'),
  phone: optionalText(30, 'Nomor telepon').pipe(z.string().regex(PHONE_RE, 'Nomor telepon hanya angka, mis. 0812 3456 7890.').optional()),
  email: optionalText(200, 'Email').pipe(z.email('Format email tidak valid, mis. nama@contoh.id.').optional()),
  identity_type: z.enum(INFO_IDENTITY_TYPES, { message: 'Pilih jenis identitas.' }).describe('ktp | akta'),
  identity_number: z
    .string({ message: 'Isi nomor identitas.' })
    .transform((v) => v.replace(/\s+/g, ''))
    .pipe(z.string().min(1, 'Isi nomor identitas.').max(60, 'Nomor identitas terlalu panjang.'))
    .describe('NIK (16 digits) or deed number; stored encrypted, never returned'),
  information: text(10, 2000, 'rincian informasi yang dibutuhkan'),
  purpose: text(10, 1000, 'tujuan penggunaan informasi'),
  obtain_method: z.enum(INFO_OBTAIN_METHODS, { message: 'Pilih cara memperoleh informasi.' }).describe('melihat | salinan_softcopy | salinan_hardcopy'),
  delivery_method: z
    .union([z.enum(INFO_DELIVERY_METHODS, { message: 'Pilih cara mendapatkan salinan.' }), z.literal('').transform(() => undefined)])
    .optional()
    .describe('langsung | email | pos (required for a copy)'),
});

/** Cross-field rules of the request form (identity format, a way to reach the requester, how to get a copy). */
function requestRules(v: z.output<typeof InfoRequestFields>, ctx: z.RefinementCtx): void {
  if (v.identity_type === 'ktp' && !/^\d{16}$/.test(v.identity_number)) {
    ctx.addIssue({ code: 'custom', path: ['identity_number'], message: 'NIK terdiri dari 16 angka.' });
  }
  if (v.identity_type === 'akta' && !/^[A-Za-z0-9./-]{3,60}$/.test(v.identity_number)) {
    ctx.addIssue({ code: 'custom', path: ['identity_number'], message: 'Nomor akta hanya huruf, angka, titik, garis miring dan tanda hubung.' });
  }
  if (!v.phone && !v.email) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Isi nomor telepon atau email agar PPID dapat menghubungi Anda.' });
  if (v.obtain_method !== 'melihat' && !v.delivery_method) {
    ctx.addIssue({ code: 'custom', path: ['delivery_method'], message: 'Pilih cara mendapatkan salinan informasi.' });
  }
  if (v.delivery_method === 'email' && !v.email) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Isi email untuk menerima salinan lewat email.' });
}

export const InfoRequestInput = InfoRequestFields.superRefine(requestRules);
export type InfoRequestInput = z.output<typeof InfoRequestInput>;

/** The HTML form adds its idempotency token. */
export const InfoRequestForm = InfoRequestFields.extend({
  token: z.string().regex(IDEMPOTENCY_KEY_RE, 'Formulir kedaluwarsa. Muat ulang halaman lalu kirim lagi.'),
}).superRefine(requestRules);

export const RequestNumber = referenceField(normalizeNumber, {
  required: 'Isi nomor registrasi.',
  invalid: 'Nomor registrasi berbentuk PPID-XXXX-XXXX.',
  max: 40,
});

export const PrivateCode = referenceField(normalizeCode, {
  required: 'Isi kode rahasia.',
  invalid: 'Kode rahasia berbentuk XXXX-XXXX-XXXX (12 huruf/angka).',
  max: 40,
});

export const TrackForm = z.object({ nomor: RequestNumber, kode: PrivateCode });

export const ObjectionForm = TrackForm.extend({
  grounds: z
    .union([z.enum(OBJECTION_GROUNDS), z.array(z.enum(OBJECTION_GROUNDS))], { message: 'Pilih alasan keberatan.' })
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.enum(OBJECTION_GROUNDS)).min(1, 'Pilih minimal satu alasan keberatan.')),
  reason: text(10, 2000, 'uraian keberatan'),
});

const intIn = (min: number, max: number, message: string) => z.coerce.number({ message }).int(message).min(min, message).max(max, message);

export const ExtendForm = z.object({
  days: intIn(1, 7, 'Perpanjangan 1 sampai 7 hari kerja.'),
  reason: text(10, 1000, 'alasan perpanjangan'),
});

export const AnswerForm = z
  .object({
    decision: z.enum(INFO_DECISIONS, { message: 'Pilih keputusan.' }),
    answer_note: text(10, 4000, 'jawaban kepada pemohon'),
    refusal_reason: z.union([z.enum(REFUSAL_REASON_KEYS), z.literal('').transform(() => undefined)]).optional(),
    refusal_basis: optionalText(500, 'Dasar hukum'),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== 'ditolak') return;
    if (!v.refusal_reason) ctx.addIssue({ code: 'custom', path: ['refusal_reason'], message: 'Pilih alasan pengecualian (UU 14/2008 Pasal 17).' });
    if (!v.refusal_basis || v.refusal_basis.length < 5) {
      ctx.addIssue({ code: 'custom', path: ['refusal_basis'], message: 'Tuliskan dasar hukum pengecualian, mis. UU 14/2008 Pasal 17 huruf h.' });
    }
  });

export const DecideObjectionForm = z.object({
  outcome: z.enum(INFO_OBJECTION_OUTCOMES, { message: 'Pilih putusan atasan PPID.' }),
  decided_by_name: text(3, 150, 'nama dan jabatan atasan PPID'),
  decision_note: text(10, 4000, 'tanggapan atasan PPID'),
});

export const CommissionForm = z.object({ commission_note: optionalText(1000, 'Catatan') });

export const ProfileForm = z.object({
  officer_name: text(3, 150, 'nama/jabatan PPID'),
  officer_position: optionalText(150, 'Jabatan').transform((v) => v ?? ''),
  superior_name: optionalText(150, 'Atasan PPID').transform((v) => v ?? ''),
  address: text(5, 300, 'alamat kantor'),
  phone: optionalText(40, 'Telepon kantor').transform((v) => v ?? ''),
  email: optionalText(200, 'Email')
    .pipe(z.email('Format email tidak valid.').optional())
    .transform((v) => v ?? ''),
  office_hours: optionalText(200, 'Jam layanan').transform((v) => v ?? ''),
  maklumat: optionalText(4000, 'Maklumat pelayanan').transform((v) => v ?? ''),
  service_standard: optionalText(4000, 'Standar layanan').transform((v) => v ?? ''),
  cost: optionalText(500, 'Biaya').transform((v) => v ?? ''),
});
export type ProfileInput = z.output<typeof ProfileForm>;

export const InfoItemForm = z
  .object({
    title: text(3, 200, 'judul informasi'),
    summary: optionalText(1000, 'Ringkasan').transform((v) => v ?? ''),
    info_category: z.enum(DIP_CATEGORIES, { message: 'Pilih kategori informasi.' }),
    responsible_unit: optionalText(150, 'Penanggung jawab').transform((v) => v ?? ''),
    year: z.union([z.literal('').transform(() => undefined), intIn(1945, 2100, 'Tahun tidak valid.')]).optional(),
    format: optionalText(100, 'Bentuk informasi').transform((v) => v ?? ''),
    retention: optionalText(100, 'Jangka waktu penyimpanan').transform((v) => v ?? ''),
    url: optionalText(300, 'Tautan').pipe(
      z
        .string()
        .regex(/^(\/(?!\/)[^\s]*|https:\/\/[^\s]+)$/, 'Tautan harus diawali / (halaman portal) atau https://.')
        .optional(),
    ),
    legal_basis: optionalText(500, 'Dasar hukum'),
    consequence_test: optionalText(2000, 'Uji konsekuensi'),
  })
  .superRefine((v, ctx) => {
    if (v.info_category !== 'dikecualikan') return;
    if (!v.legal_basis) ctx.addIssue({ code: 'custom', path: ['legal_basis'], message: 'Informasi yang dikecualikan wajib mencantumkan dasar hukum.' });
    if (!v.consequence_test) ctx.addIssue({ code: 'custom', path: ['consequence_test'], message: 'Tuliskan ringkasan uji konsekuensi.' });
  });
export type InfoItemInput = z.output<typeof InfoItemForm>;

export const RegionQuery = z.object({ wilayah: RegionCodeSchema.optional().catch(undefined) });

export const AdminListQuery = z.object({
  wilayah: RegionCodeSchema.optional().catch(undefined),
  status: z.enum(['terbuka', 'dijawab', 'keberatan', 'semua']).catch('terbuka').default('terbuka'),
});

export const ReportQuery = z.object({
  tahun: z.coerce
    .number({ message: 'Tahun harus angka.' })
    .int('Tahun harus angka.')
    .min(2010, 'Tahun minimal 2010.')
    .max(2100, 'Tahun tidak valid.')
    .optional(),
  wilayah: RegionCodeSchema.optional(),
});

/** POST /api/v1/info-requests: the form fields plus the region the request is addressed to and the optional opt-in. */
export const InfoRequestApiBody = InfoRequestFields.extend({
  region: RegionCodeSchema.describe('Region whose PPID receives the request, e.g. 64.08.04'),
  notify: NotifyApiField,
}).superRefine(requestRules);

const isoTime = z.string().describe('ISO 8601 instant (UTC)');

export const InfoRequestCreatedJson = z
  .object({
    number: z.string().describe('Registration number, e.g. PPID-7K3Q-9XPD'),
    private_code: z.string().describe('Private code of the requester (shown once; needed to read the answer and object)'),
    region_code: z.string(),
    status: z.string(),
    registered_at: isoTime,
    due_at: isoTime.describe('Legal due date: end of the 10th working day after registration (WITA)'),
    track_url: z.string(),
  })
  .meta({ id: 'InfoRequestCreated', description: 'The registration of a new information request' });

export const InfoRequestNumberParams = z.object({ number: RequestNumber.describe('Registration number PPID-XXXX-XXXX') });

export const InfoRequestStatusJson = z
  .object({
    number: z.string(),
    region_code: z.string(),
    status: z.enum(['diterima', 'diproses', 'diperpanjang', 'dijawab']),
    registered_at: isoTime,
    due_at: isoTime,
    original_due_at: isoTime,
    extended: z.boolean(),
    extension_days: z.number().int().nullable(),
    answered_at: isoTime.nullable(),
    decision: z.enum(INFO_DECISIONS).nullable(),
    late: z.boolean().describe('Not answered by the due date (or answered after it)'),
    objection: z
      .object({
        status: z.enum(['diajukan', 'diputus']),
        filed_at: isoTime,
        due_at: isoTime,
        decided_at: isoTime.nullable(),
        outcome: z.enum(INFO_OBJECTION_OUTCOMES).nullable(),
        information_commission: z.boolean().describe('The requester took the dispute to the Komisi Informasi'),
      })
      .nullable(),
  })
  .meta({ id: 'InfoRequestStatus', description: 'Public status of an information request: no personal data, no answer text' });

export const DipQuery = z.strictObject({ region: RegionCodeSchema.describe('Region code whose Daftar Informasi Publik is listed') }, UNKNOWN_KEYS);

const DipEntryJson = z.object({
  kind: z.enum(['dokumen', 'informasi']),
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  responsible_unit: z.string(),
  year: z.number().int().nullable(),
  format: z.string(),
  retention: z.string(),
  url: z.string().nullable(),
  updated_at: isoTime,
});

export const DipJson = z
  .object({
    region: z.object({ code: z.string(), name: z.string() }),
    updated_at: isoTime.nullable().describe('Last change of any entry'),
    berkala: z.array(DipEntryJson),
    serta_merta: z.array(DipEntryJson),
    setiap_saat: z.array(DipEntryJson),
    dikecualikan: z.array(
      z.object({ kind: z.enum(['dokumen', 'informasi']), id: z.string(), title: z.string(), legal_basis: z.string(), consequence_test: z.string() }),
    ),
  })
  .meta({ id: 'Dip', description: 'Daftar Informasi Publik of a region' });
