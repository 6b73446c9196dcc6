/**
 * zod schemas of letters, shared by the HTML forms and the JSON API. The letter's own fields come from its template
 * (template.ts `fieldsSchema`), checked by the service once the template is known.
 */
import { z } from 'zod';
import { IDEMPOTENCY_KEY_RE } from '../../lib/idempotency';
import { parseDateKey } from '../../lib/time';
import { referenceField } from '../../lib/validation';
import { RegionCodeSchema } from '../../regions/schemas';
import { kkField, nikField } from './nik';
import { clean } from './text';
import { normalizeTrackingNumber, parsePrivateCode } from './codes';

const text = (min: number, max: number, what: string) =>
  z
    .string({ message: `Isi ${what}.` })
    .transform(clean)
    .pipe(
      z
        .string()
        .min(min, min <= 1 ? `Isi ${what}.` : `Isi ${what} (minimal ${min} huruf).`)
        .max(max, `${what[0]!.toUpperCase()}${what.slice(1)} terlalu panjang (maksimal ${max} huruf).`),
    );

const optionalText = (max: number, what: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined ? undefined : clean(v) || undefined))
    .pipe(z.string().max(max, `${what} terlalu panjang (maksimal ${max} huruf).`).optional());

const PHONE_RE = /^(\+62|62|0)8[0-9]{7,12}$/;
const ServiceId = z.string({ message: 'Pilih jenis surat.' }).regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'Pilih jenis surat.');
const rtRw = (what: string) =>
  z
    .string({ message: `Isi ${what}.` })
    .trim()
    .regex(/^\d{1,3}$/, `${what} berupa angka, mis. 003.`)
    .transform((v) => v.padStart(3, '0'));

export const BirthDate = z
  .string({ message: 'Isi tanggal lahir.' })
  .trim()
  .refine((v) => parseDateKey(v) !== null, 'Isi tanggal lahir yang benar (tanggal, bulan, tahun).')
  .refine((v) => v >= '1900-01-01' && v <= new Date().toISOString().slice(0, 10), 'Tanggal lahir tidak mungkin.');

/** The requester's identity and contact: one schema for the public form, the counter (walk-in) and the API. */
export const IdentityFields = z.object({
  region_code: RegionCodeSchema,
  service: ServiceId.describe('Letter type id from GET /services, e.g. sk-usaha'),
  name: text(2, 100, 'nama lengkap sesuai KTP'),
  nik: nikField().describe('NIK, 16 digits (checked for structure, stored encrypted, never shown in full)'),
  kk: kkField().describe('Family card number, 16 digits (stored encrypted)'),
  birth_place: text(2, 60, 'tempat lahir'),
  birth_date: BirthDate.describe('YYYY-MM-DD'),
  gender: z.enum(['L', 'P'], { message: 'Pilih jenis kelamin.' }).describe('L (laki-laki) | P (perempuan)'),
  occupation: optionalText(60, 'Pekerjaan'),
  address: text(5, 200, 'alamat (jalan, gang, nomor rumah)'),
  rt: rtRw('RT'),
  rw: rtRw('RW'),
  phone: z
    .string({ message: 'Isi nomor HP atau WhatsApp.' })
    .transform((v) => v.replace(/[\s().-]/g, ''))
    .pipe(
      z
        .string()
        .min(1, 'Isi nomor HP atau WhatsApp.')
        .max(20, 'Nomor HP tidak valid, mis. 0812 3456 7890.')
        .regex(PHONE_RE, 'Nomor HP tidak valid, mis. 0812 3456 7890.'),
    )
    .describe('Phone or WhatsApp (stored encrypted)'),
  delivery: z.enum(['ambil', 'unduh'], { message: 'Pilih cara menerima surat.' }).describe('ambil (pick up at the office) | unduh (download the PDF)'),
});

/** The API body: identity plus `fields` (the template's own fields). */
export const RequestInput = IdentityFields.extend({
  fields: z.record(z.string().max(40), z.string().max(5000)).default({}).describe("The letter type's own fields (see GET /services)"),
});
export type RequestInput = z.output<typeof RequestInput>;

/** The HTML form adds its per-render idempotency token; letter fields arrive as `f_<key>` and are collected. */
export const RequestForm = IdentityFields.extend({
  token: z
    .string({ message: 'Formulir kedaluwarsa. Muat ulang halaman lalu kirim lagi.' })
    .regex(IDEMPOTENCY_KEY_RE, 'Formulir kedaluwarsa. Muat ulang halaman lalu kirim lagi.'),
});

/** `{ f_nama_usaha: '…' }` → `{ nama_usaha: '…' }` (first value of each). */
export function letterFieldsOf(values: Record<string, string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    if (!k.startsWith('f_') || k.length > 42) continue;
    out[k.slice(2)] = Array.isArray(v) ? (v[0] ?? '') : v;
  }
  return out;
}

export const TrackingNumberSchema = referenceField(normalizeTrackingNumber, {
  required: 'Isi nomor permohonan.',
  invalid: 'Nomor permohonan berbentuk SRT-XXXX-XXXX.',
  max: 40,
});
export const PrivateCodeSchema = referenceField(parsePrivateCode, {
  required: 'Isi kode pribadi.',
  invalid: 'Kode pribadi terdiri dari 16 huruf/angka, mis. ABCD-EFGH-JKMN-PQRS.',
});

export const RequesterAuth = z.object({ nomor: TrackingNumberSchema, kode: PrivateCodeSchema });
export const FixForm = RequesterAuth.extend({ note: optionalText(1000, 'Catatan perbaikan') });
export const CancelForm = RequesterAuth.extend({ reason: optionalText(500, 'Alasan') });

export const OfficerActionForm = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('periksa') }),
    z.object({ action: z.literal('minta_perbaikan'), note: text(5, 1000, 'apa yang perlu diperbaiki') }),
    z.object({ action: z.literal('proses'), note: optionalText(1000, 'Catatan') }),
    z.object({ action: z.literal('beri_nomor') }),
    z.object({ action: z.literal('tandatangani'), method: z.enum(['basah', 'pindaian'], { message: 'Pilih cara penandatanganan.' }) }),
    z.object({ action: z.literal('tolak'), reason: text(5, 1000, 'alasan penolakan') }),
    z.object({ action: z.literal('batalkan'), reason: text(5, 500, 'alasan pembatalan') }),
    z.object({ action: z.literal('cabut'), reason: text(5, 1000, 'alasan pencabutan') }),
  ],
  { error: () => 'Tindakan tidak dikenal.' },
);
export type OfficerActionForm = z.output<typeof OfficerActionForm>;

export { text as textField, optionalText as optionalTextField };
