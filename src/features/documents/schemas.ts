import { witaParts } from '../../lib/time';
import { z } from 'zod';
import { DOCUMENT_CATEGORIES, INFO_CATEGORIES } from '../../db/schema';
import { defaultInfoCategory } from '../../regions/document-categories';
import { RegionCodeSchema } from '../../regions/schemas';
import { WHEN_OBJECT } from '../../lib/validation';
import { FORM_ACTION_NAMES } from '../../publishing/workflow';
import { POST_STATUSES } from '../../db/schema';
import { stripInvisible } from '../../lib/text';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const MIN_DOCUMENT_YEAR = 1945;
/** Latest accepted year: next year (plans such as RKA/Renja are written a year ahead). */
export const maxDocumentYear = (now = Date.now()) => witaParts(now).year + 1;

const year = z.coerce
  .number({ message: 'Tahun harus angka, mis. 2026.' })
  .int('Tahun harus bilangan bulat.')
  .min(MIN_DOCUMENT_YEAR, `Tahun minimal ${MIN_DOCUMENT_YEAR}.`)
  .refine((y) => y <= maxDocumentYear(), 'Tahun tidak boleh lebih dari tahun depan.');

/** Document metadata (admin form; the file is read separately). `region_code` is only read on create. */
export const DocumentForm = z
  .object({
    region_code: z.preprocess(emptyToUndefined, RegionCodeSchema.optional()),
    title: z
      .string({ message: 'Isi judul dokumen.' })
      .overwrite(stripInvisible)
      .trim()
      .min(3, 'Judul minimal 3 karakter.')
      .max(200, 'Judul maksimal 200 karakter.'),
    category: z.enum(DOCUMENT_CATEGORIES, { message: 'Pilih kategori dokumen.' }),
    year,
    description: z.string().trim().max(2000, 'Keterangan maksimal 2.000 karakter.').default(''),
    /** Left empty: the category's usual class (regions/document-categories.ts). */
    info_category: z.preprocess(emptyToUndefined, z.enum(INFO_CATEGORIES, { message: 'Pilih kategori informasi publik.' }).optional()),
    responsible_unit: z.string().trim().max(200, 'Penanggung jawab maksimal 200 karakter.').default(''),
    retention_period: z.string().trim().max(100, 'Jangka waktu penyimpanan maksimal 100 karakter.').default(''),
    exemption_legal_basis: z.preprocess(emptyToUndefined, z.string().trim().max(500, 'Dasar hukum maksimal 500 karakter.').optional()),
    consequence_test_summary: z.preprocess(emptyToUndefined, z.string().trim().max(2000, 'Ringkasan uji konsekuensi maksimal 2.000 karakter.').optional()),
    /** Required (by the service) only when the change moves the document out of `dikecualikan`. */
    declassification_note: z.preprocess(emptyToUndefined, z.string().trim().max(2000, 'Hasil uji konsekuensi maksimal 2.000 karakter.').optional()),
    aksi: z.enum(FORM_ACTION_NAMES, { message: 'Tindakan tidak dikenal.' }).default('simpan'),
  })
  .superRefine((v, ctx) => {
    if (v.info_category !== 'dikecualikan') return;
    if (!v.exemption_legal_basis || v.exemption_legal_basis.length < 5) {
      ctx.addIssue({
        code: 'custom',
        path: ['exemption_legal_basis'],
        message: 'Informasi dikecualikan wajib mencantumkan dasar hukum pengecualian, mis. “UU 14/2008 Pasal 17 huruf h”.',
      });
    }
    if (!v.consequence_test_summary || v.consequence_test_summary.length < 20) {
      ctx.addIssue({
        code: 'custom',
        path: ['consequence_test_summary'],
        message: 'Informasi dikecualikan wajib disertai ringkasan uji konsekuensi (minimal 20 karakter).',
      });
    }
  }, WHEN_OBJECT)
  .transform((v) => ({ ...v, info_category: v.info_category ?? defaultInfoCategory(v.category) }));
export type DocumentFormData = z.output<typeof DocumentForm>;

/** Public list filters `?kategori=sop&tahun=2026&halaman=2` (unknown values answer 422 with a clear message). */
export const PublicDocumentListQuery = z.object({
  kategori: z.enum(['semua', ...DOCUMENT_CATEGORIES], { message: 'Kategori dokumen tidak dikenal.' }).default('semua'),
  tahun: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: 'Tahun harus angka.' })
      .int('Tahun harus angka.')
      .min(MIN_DOCUMENT_YEAR, 'Tahun tidak valid.')
      .max(2100, 'Tahun tidak valid.')
      .optional(),
  ),
  halaman: z.coerce
    .number({ message: 'Nomor halaman harus angka.' })
    .int('Nomor halaman harus bilangan bulat.')
    .min(1, 'Nomor halaman dimulai dari 1.')
    .max(1000, 'Nomor halaman terlalu besar.')
    .default(1),
});

export const AdminDocumentListQuery = z.object({
  wilayah: RegionCodeSchema.optional().catch(undefined),
  status: z.enum(POST_STATUSES).optional().catch(undefined),
  kategori: z.enum(DOCUMENT_CATEGORIES).optional().catch(undefined),
  informasi: z.enum(INFO_CATEGORIES).optional().catch(undefined),
  halaman: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});

/** Document ids: ULIDs (26 uppercase letters/digits) for new rows; fixed demo/fixture ids use the same alphabet. */
export const DocumentIdParam = z.string().regex(/^[0-9A-Z]{16,40}$/, 'Dokumen tidak ditemukan.');
export const VersionParam = z.coerce.number().int().min(1).max(100_000);

/** Declassification by the PPID or Diskominfo: the new category and the recorded consequence test. */
export const DeclassifyForm = z.object({
  info_category: z.enum(['berkala', 'serta_merta', 'setiap_saat'], { message: 'Pilih kategori informasi publik yang baru.' }),
  declassification_note: z
    .string({ message: 'Tuliskan hasil uji konsekuensi yang membuka informasi ini.' })
    .trim()
    .min(20, 'Tuliskan hasil uji konsekuensi yang membuka informasi ini (minimal 20 karakter).')
    .max(2000, 'Hasil uji konsekuensi maksimal 2.000 karakter.'),
});
export type DeclassifyData = z.output<typeof DeclassifyForm>;
