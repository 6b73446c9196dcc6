import { z } from 'zod';
import { CHECKLIST_KINDS, CHECKLIST_LEVELS, DOCUMENT_CATEGORIES, FRESHNESS_STATES, MANAGEMENT_STAGES, MONITORING_JOBS, REGION_LEVELS } from '../../db/schema';
import { UNKNOWN_KEYS } from '../../lib/validation';
import { FIXED_PAGE_SLUGS } from '../../regions/fixed-pages';
import { PUBLIC_RELATIVE_MAX_DAYS } from '../../regions/freshness';
import { RegionCodeSchema } from '../../regions/schemas';
import { categoryFitsLevel } from '../../regions/document-categories';

// ------------------------------------------------------------------ monitoring table (GET form; bad values ignored)

export const SORTS = ['perhatian', 'wilayah', 'nama', 'skor', 'hari', 'kelengkapan', 'tenggat'] as const;
export type Sort = (typeof SORTS)[number];

export const MonitoringQuery = z.object({
  kecamatan: RegionCodeSchema.optional().catch(undefined),
  tingkat: z.enum(['kecamatan', 'desa', 'kelurahan']).optional().catch(undefined),
  tahap: z.enum(MANAGEMENT_STAGES).optional().catch(undefined),
  kesegaran: z
    .enum([...FRESHNESS_STATES, 'belum'])
    .optional()
    .catch(undefined),
  kelengkapan: z.enum(['lengkap', 'kurang']).optional().catch(undefined),
  siap: z.literal('1').optional().catch(undefined),
  urut: z.enum(SORTS).catch('perhatian').default('perhatian'),
  arah: z.enum(['naik', 'turun']).catch('naik').default('naik'),
  halaman: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});
export type MonitoringQuery = z.infer<typeof MonitoringQuery>;

// ------------------------------------------------------------------ settings (Diskominfo)

const checkbox = z.preprocess((v) => v === '1' || v === 'on' || v === 'true', z.boolean());
const days = (label: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${label} harus angka.` })
    .int(`${label} harus bilangan bulat.`)
    .min(min, `${label} minimal ${min}.`)
    .max(max, `${label} maksimal ${max}.`);

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** null when acceptable: https anywhere, http only to this machine (local testing); no credentials in the URL. */
export function webhookUrlProblem(raw: string): string | null {
  if (raw.length > 500) return 'Alamat webhook maksimal 500 karakter.';
  if (/\s/.test(raw)) return 'Alamat webhook tidak boleh berisi spasi.';
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return 'Alamat webhook harus URL lengkap, mis. https://gateway.contoh.id/kirim.';
  }
  if (u.username || u.password) return 'Jangan menaruh nama pengguna atau kata sandi di alamat webhook.';
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:' && LOCAL_HOSTS.has(u.hostname)) return null;
  return 'Alamat webhook harus https:// (http:// hanya untuk localhost/127.0.0.1 saat pengujian).';
}

export const SettingsForm = z
  .object({
    enabled: checkbox,
    kabupaten_fresh_days: days('Batas segar kabupaten', 1, 365),
    kabupaten_stale_days: days('Batas usang kabupaten', 2, 730),
    kecamatan_fresh_days: days('Batas segar kecamatan', 1, 365),
    kecamatan_stale_days: days('Batas usang kecamatan', 2, 730),
    desa_fresh_days: days('Batas segar desa', 1, 365),
    desa_stale_days: days('Batas usang desa', 2, 730),
    readiness_days: days('Masa kesiapan', 14, 730),
    escalate_after_days: days('Batas eskalasi ke Diskominfo', 1, 30),
    digest_enabled: checkbox,
    webhook_url: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().max(600, 'Alamat webhook maksimal 500 karakter.').default('')),
  })
  .superRefine((v, ctx) => {
    for (const level of ['kabupaten', 'kecamatan', 'desa'] as const) {
      const fresh = v[`${level}_fresh_days`];
      const stale = v[`${level}_stale_days`];
      if (stale <= fresh)
        ctx.addIssue({ code: 'custom', path: [`${level}_stale_days`], message: `Batas usang ${level} harus lebih besar dari batas segarnya (${fresh} hari).` });
      else if (stale <= PUBLIC_RELATIVE_MAX_DAYS)
        ctx.addIssue({
          code: 'custom',
          path: [`${level}_stale_days`],
          message:
            `Batas usang ${level} minimal ${PUBLIC_RELATIVE_MAX_DAYS + 1} hari ` +
            `(halaman publik hanya menulis "… hari lalu" sampai ${PUBLIC_RELATIVE_MAX_DAYS} hari).`,
        });
    }
    if (v.webhook_url) {
      const problem = webhookUrlProblem(v.webhook_url);
      if (problem) ctx.addIssue({ code: 'custom', path: ['webhook_url'], message: problem });
    }
    if (v.digest_enabled && !v.webhook_url)
      ctx.addIssue({ code: 'custom', path: ['webhook_url'], message: 'Isi alamat webhook untuk mengaktifkan ringkasan harian.' });
  });
export type SettingsInput = z.infer<typeof SettingsForm>;

// ------------------------------------------------------------------ checklist items

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalYear = (label: string) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: `${label} harus angka tahun.` })
      .int()
      .min(2000, `${label} minimal 2000.`)
      .max(2100, `${label} maksimal 2100.`)
      .optional(),
  );

export const CHECKLIST_YEARS = { ini: 0, lalu: -1, semua: null } as const;

export const ChecklistItemForm = z
  .object({
    level: z.enum(CHECKLIST_LEVELS, { message: 'Pilih tingkat wilayah.' }),
    kind: z.enum(CHECKLIST_KINDS, { message: 'Pilih jenis item.' }),
    label: z.string().trim().min(3, 'Nama item minimal 3 karakter.').max(120, 'Nama item maksimal 120 karakter.'),
    categories: z.preprocess(
      (v) => (v === undefined ? [] : [v].flat()),
      z.array(z.enum(DOCUMENT_CATEGORIES, { message: 'Kategori dokumen tidak dikenal.' })).max(DOCUMENT_CATEGORIES.length),
    ),
    title_contains: z.preprocess(emptyToUndefined, z.string().trim().max(60, 'Kata pada judul maksimal 60 karakter.').optional()),
    year: z.enum(['ini', 'lalu', 'semua'], { message: 'Pilih tahun dokumen.' }).default('semua'),
    page_slug: z.preprocess(emptyToUndefined, z.enum(FIXED_PAGE_SLUGS, { message: 'Pilih halaman tetap.' }).optional()),
    from_year: optionalYear('Berlaku mulai'),
    until_year: optionalYear('Berlaku sampai'),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'dokumen' && v.categories.length === 0)
      ctx.addIssue({ code: 'custom', path: ['categories'], message: 'Pilih minimal satu kategori dokumen.' });
    const misfits = v.kind === 'dokumen' ? v.categories.filter((c) => !categoryFitsLevel(c, v.level)) : [];
    if (misfits.length)
      ctx.addIssue({
        code: 'custom',
        path: ['categories'],
        message: `Tingkat ${v.level} tidak memiliki dokumen ${misfits.join(', ').toUpperCase()}; pilih kategori yang sesuai tingkatnya.`,
      });
    if (v.kind === 'halaman' && !v.page_slug) ctx.addIssue({ code: 'custom', path: ['page_slug'], message: 'Pilih halaman tetap yang wajib ada.' });
    if (v.from_year && v.until_year && v.until_year < v.from_year)
      ctx.addIssue({ code: 'custom', path: ['until_year'], message: 'Tahun akhir tidak boleh sebelum tahun mulai.' });
  });
export type ChecklistItemInput = z.infer<typeof ChecklistItemForm>;

export const ChecklistToggleForm = z.object({ active: z.enum(['0', '1'], { message: 'Status tidak valid.' }) });
export const ChecklistIdParam = z.string().regex(/^[a-z0-9-]{2,40}$/, 'Item tidak ditemukan.');

export const RunJobForm = z.object({ job: z.enum(MONITORING_JOBS, { message: 'Pilih pemindaian yang dijalankan.' }) });

export const NotificationReadForm = z.object({
  id: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[0-9A-Z]{26}$/, 'Notifikasi tidak ditemukan.')
      .optional(),
  ),
});

// ------------------------------------------------------------------ JSON API (GET /api/v1/monitoring/regions)

export const MonitoringRegionsQuery = z.strictObject(
  {
    level: z.enum(REGION_LEVELS, { message: 'level harus kabupaten, kecamatan, desa atau kelurahan.' }).optional(),
    kecamatan: RegionCodeSchema.optional().describe('Only this kecamatan and its desa/kelurahan'),
    freshness: z.enum(FRESHNESS_STATES, { message: 'freshness harus segar, perlu_pembaruan atau usang.' }).optional(),
    cursor: z.string().max(200, 'cursor tidak valid.').optional().describe('Opaque cursor from next_cursor'),
    limit: z.coerce
      .number({ message: 'limit harus angka.' })
      .int('limit harus bilangan bulat.')
      .min(1, 'limit minimal 1.')
      .max(100, 'limit maksimal 100.')
      .default(50),
  },
  UNKNOWN_KEYS,
);

export const MonitoringFlagJson = z.object({
  kind: z.enum(['kesegaran', 'kelengkapan', 'tenggat']),
  state: z.string().describe('perlu_pembaruan | usang | belum_ada | mendekati | lewat | lewat_lama'),
  title: z.string(),
  source: z.string().nullable().describe('tenggat: pengaduan | ppid | keberatan; kelengkapan: dokumen | halaman | profil_ppid'),
  escalated_to: z.string().describe('Region code the flag is escalated to (itself, its parent, or the regency)'),
  since: z.string().describe('ISO time the flag was opened'),
  due_at: z.string().nullable().describe('tenggat: the deadline (ISO)'),
});

export const MonitoringRegionJson = z
  .object({
    code: z.string(),
    name: z.string(),
    level: z.enum(REGION_LEVELS),
    parent_code: z.string().nullable(),
    stage: z.enum(MANAGEMENT_STAGES),
    freshness: z.enum(FRESHNESS_STATES).nullable(),
    last_content_at: z.string().nullable(),
    days_since_update: z.number().int().nullable(),
    completeness: z.object({ done: z.number().int().nullable(), total: z.number().int().nullable() }),
    deadlines: z.object({
      near: z.number().int().nullable(),
      overdue: z.number().int().nullable(),
      long_overdue: z.number().int().nullable(),
      handled: z.number().int().nullable(),
      handled_on_time: z.number().int().nullable(),
    }),
    score: z.number().int().nullable().describe('0–100: 40 × freshness + 30 × completeness + 30 × deadlines met'),
    rollup_score: z.number().int().nullable().describe('Mean score of the region and its descendants'),
    handover_ready: z.boolean(),
    flags: z.array(MonitoringFlagJson),
  })
  .meta({ id: 'MonitoringRegion', description: "A region's monitoring flags and score" });

export const MonitoringRegionsJson = z.object({
  data: z.array(MonitoringRegionJson),
  next_cursor: z.string().nullable(),
});
