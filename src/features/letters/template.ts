/**
 * Letter templates as data. Diskominfo writes a template (fields, body with placeholders, requirements, numbering
 * classification); each save is a NEW immutable version, and a request keeps the version it was made from, so a later
 * edit never changes a letter already issued. This module is pure: the template's own schema (what the editor may
 * save), the zod schema a template's fields make for a request, and the body with its placeholders filled.
 */
import { z } from 'zod';
import { parseDateKey } from '../../lib/time';
import { clean } from './text';

export const FIELD_TYPES = ['teks', 'paragraf', 'tanggal', 'angka', 'pilihan'] as const;

export const SERVICE_LEVELS = ['desa', 'kelurahan', 'kecamatan'] as const;
export type ServiceLevel = (typeof SERVICE_LEVELS)[number];

/**
 * Placeholders every body may use besides its own fields (filled from the request, the region and the signatory).
 * `{{identitas}}` alone in a paragraph is where the requester's identity table goes.
 */
export const STANDARD_PLACEHOLDERS = [
  'identitas',
  'nama',
  'nik',
  'kk',
  'tempat_lahir',
  'tanggal_lahir',
  'jenis_kelamin',
  'pekerjaan',
  'alamat',
  'rt',
  'rw',
  'wilayah',
  'jenis_wilayah',
  'kecamatan',
  'kabupaten',
  'jabatan_penandatangan',
  'tanggal_surat',
] as const;

const KEY_RE = /^[a-z][a-z0-9_]{1,29}$/;
const PLACEHOLDER_RE = /\{\{\s*([a-z][a-z0-9_]{0,29})\s*\}\}/g;

const label = (max: number, what: string) =>
  z
    .string({ message: `Isi ${what}.` })
    .transform(clean)
    .pipe(z.string().min(2, `Isi ${what}.`).max(max, `${what} terlalu panjang (maksimal ${max} huruf).`));

export const FieldDef = z
  .object({
    key: z.string().regex(KEY_RE, 'Kunci isian: huruf kecil, angka dan garis bawah (2–30), diawali huruf.'),
    label: label(80, 'label isian'),
    type: z.enum(FIELD_TYPES, { message: 'Pilih jenis isian.' }),
    required: z.boolean().default(true),
    hint: z.string().max(200).optional(),
    max: z.number().int().min(1).max(2000).optional(),
    options: z.array(z.string().min(1).max(80)).max(20).optional(),
  })
  .refine((f) => f.type !== 'pilihan' || (f.options?.length ?? 0) >= 2, { path: ['options'], message: 'Isian pilihan memerlukan minimal 2 pilihan.' });
export type FieldDef = z.output<typeof FieldDef>;

export const RequirementDef = z.object({
  key: z.string().regex(KEY_RE, 'Kunci persyaratan: huruf kecil, angka dan garis bawah.'),
  label: label(120, 'nama persyaratan'),
  /** Must be uploaded with the request (otherwise: shown to bring to the office). */
  upload: z.boolean().default(true),
  required: z.boolean().default(true),
});
export type RequirementDef = z.output<typeof RequirementDef>;

/** One version of a template: what Diskominfo saves. */
export const TemplateContent = z
  .object({
    title: label(120, 'judul surat'),
    purpose: label(500, 'kegunaan surat'),
    body: z
      .string({ message: 'Isi naskah surat.' })
      .transform(clean)
      .pipe(z.string().min(20, 'Naskah surat terlalu pendek.').max(6000, 'Naskah surat terlalu panjang (maksimal 6.000 huruf).')),
    closing: z.string().transform(clean).pipe(z.string().max(1000)).default('Demikian surat keterangan ini dibuat untuk dipergunakan sebagaimana mestinya.'),
    fields: z.array(FieldDef).max(20, 'Paling banyak 20 isian.'),
    requirements: z.array(RequirementDef).max(10, 'Paling banyak 10 persyaratan.'),
    classification: z.string().regex(/^[0-9A-Za-z.]{1,12}$/, 'Kode klasifikasi: angka/huruf dan titik, mis. 470 atau 474.1.'),
    serviceDays: z.number().int().min(0, 'Waktu layanan 0–30 hari kerja.').max(30, 'Waktu layanan 0–30 hari kerja.'),
    costRupiah: z.number().int().min(0).max(100_000_000).default(0),
    legalBasis: z.string().transform(clean).pipe(z.string().max(1000)).default(''),
    levels: z.array(z.enum(SERVICE_LEVELS)).min(1, 'Pilih minimal satu jenis wilayah.'),
  })
  .superRefine((t, ctx) => {
    const keys = new Set<string>();
    t.fields.forEach((f, i) => {
      if (keys.has(f.key) || (STANDARD_PLACEHOLDERS as readonly string[]).includes(f.key)) {
        ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: `Kunci isian "${f.key}" sudah dipakai.` });
      }
      keys.add(f.key);
    });
    const reqKeys = new Set<string>();
    t.requirements.forEach((r, i) => {
      if (reqKeys.has(r.key)) ctx.addIssue({ code: 'custom', path: ['requirements', i, 'key'], message: `Kunci persyaratan "${r.key}" sudah dipakai.` });
      reqKeys.add(r.key);
    });
    for (const name of placeholdersOf(`${t.body}\n${t.closing}`)) {
      if (!keys.has(name) && !(STANDARD_PLACEHOLDERS as readonly string[]).includes(name)) {
        ctx.addIssue({ code: 'custom', path: ['body'], message: `Penanda {{${name}}} tidak dikenal: tambahkan isiannya atau perbaiki ejaannya.` });
      }
    }
  });
export type TemplateContent = z.output<typeof TemplateContent>;

export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER_RE)].map((m) => m[1]!))];
}

function fieldSchema(f: FieldDef): z.ZodType<string | undefined> {
  const what = f.label.toLowerCase();
  const empty = (v: unknown) => (typeof v === 'string' ? clean(v) : v) || undefined;
  let base: z.ZodType<string, string>;
  switch (f.type) {
    case 'teks':
    case 'paragraf': {
      const max = f.max ?? (f.type === 'teks' ? 200 : 2000);
      base = z.string().max(max, `${f.label} terlalu panjang (maksimal ${max} huruf).`);
      break;
    }
    case 'tanggal':
      base = z.string().refine((v) => parseDateKey(v) !== null, `Isi ${what} sebagai tanggal yang benar.`);
      break;
    case 'angka':
      base = z.string().regex(/^\d{1,12}$/, `${f.label} harus angka.`);
      break;
    case 'pilihan':
      base = z.string().refine((v) => (f.options ?? []).includes(v), `Pilih ${what}.`);
      break;
  }
  if (f.required) return z.preprocess(empty, z.string({ message: `Isi ${what}.` }).pipe(base));
  return z.preprocess(empty, base.optional());
}

/** The zod schema of a template's own fields: `{ [key]: string }` in, the cleaned values out (absent when empty). */
export function fieldsSchema(fields: readonly FieldDef[]) {
  const shape: Record<string, z.ZodType<string | undefined>> = {};
  for (const f of fields) shape[f.key] = fieldSchema(f);
  return z.object(shape);
}

export type BodyBlock = { kind: 'text'; text: string } | { kind: 'identity' };

/**
 * The body's paragraphs with every placeholder filled; an unknown or empty value becomes '…' (never the raw marker).
 * A paragraph that is only `{{identitas}}` becomes the identity block.
 */
export function fillBody(text: string, values: Readonly<Record<string, string | undefined>>): BodyBlock[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .map(
      (p): BodyBlock =>
        /^\{\{\s*identitas\s*\}\}$/.test(p)
          ? { kind: 'identity' }
          : { kind: 'text', text: p.replace(PLACEHOLDER_RE, (_, name: string) => values[name]?.trim() || '…') },
    );
}
