import { FORM_ACTION_NAMES } from '../../publishing/workflow';
import { z } from 'zod';
import { POST_KINDS, POST_STATUSES } from '../../db/schema';
import { parseDateKey, witaDateToMs, witaLocalToMs } from '../../lib/time';
import { WHEN_OBJECT } from '../../lib/validation';
import { RegionCodeSchema } from '../../regions/schemas';
import { FIXED_PAGE_SLUGS } from '../../regions/fixed-pages';

/** Public list filters: `?jenis=berita|pengumuman|agenda&halaman=2`. Unknown values answer a clear 400. */
export const PublicPostListQuery = z.object({
  jenis: z.enum(['semua', 'berita', 'pengumuman', 'agenda'], { message: 'Jenis harus berita, pengumuman atau agenda.' }).default('semua'),
  halaman: z.coerce
    .number({ message: 'Nomor halaman harus angka.' })
    .int('Nomor halaman harus bilangan bulat.')
    .min(1, 'Nomor halaman dimulai dari 1.')
    .max(1000, 'Nomor halaman terlalu besar.')
    .default(1),
});
export type PublicPostListQuery = z.infer<typeof PublicPostListQuery>;

export const PostSlugParam = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Alamat berita tidak valid.')
  .max(120);

// ---------------------------------------------------------------- admin forms (shared with the JSON API docs)

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const optionalDateTime = (message: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .transform((v, ctx) => {
        const ms = witaLocalToMs(v);
        if (ms === null) {
          ctx.addIssue({ code: 'custom', message });
          return z.NEVER;
        }
        return ms;
      })
      .optional(),
  );

const optionalDate = (message: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .refine((v) => parseDateKey(v) !== null, message)
      .transform((v) => witaDateToMs(v))
      .optional(),
  );

/** The post editor (create and edit). `region_code` is only read on create; a post never moves region. */
export const PostForm = z
  .object({
    region_code: z.preprocess(emptyToUndefined, RegionCodeSchema.optional()),
    kind: z.enum(POST_KINDS, { message: 'Pilih jenis tulisan.' }),
    page_slug: z.preprocess(emptyToUndefined, z.enum(FIXED_PAGE_SLUGS, { message: 'Pilih halaman tetap.' }).optional()),
    title: z.string({ message: 'Isi judul.' }).trim().min(5, 'Judul minimal 5 karakter.').max(200, 'Judul maksimal 200 karakter.'),
    summary: z.string().trim().max(300, 'Ringkasan maksimal 300 karakter.').default(''),
    body_md: z
      .string({ message: 'Isi tulisan tidak boleh kosong.' })
      .max(100_000, 'Isi tulisan terlalu panjang (maksimal 100.000 karakter).')
      .refine((v) => v.trim().length > 0, 'Isi tulisan tidak boleh kosong.'),
    cover_alt: z.string().trim().max(200, 'Keterangan foto maksimal 200 karakter.').default(''),
    remove_cover: z.preprocess(emptyToUndefined, z.literal('1').optional()),
    publish_at: optionalDateTime('Waktu terbit tidak valid. Isi tanggal dan jam.'),
    valid_from: optionalDate('Tanggal mulai berlaku tidak valid.'),
    valid_until: optionalDate('Tanggal akhir berlaku tidak valid.'),
    event_starts_at: optionalDateTime('Waktu acara tidak valid. Isi tanggal dan jam.'),
    event_place: z.preprocess(emptyToUndefined, z.string().trim().max(200, 'Tempat acara maksimal 200 karakter.').optional()),
    aksi: z.enum(FORM_ACTION_NAMES, { message: 'Tindakan tidak dikenal.' }).default('simpan'),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'halaman' && !v.page_slug) ctx.addIssue({ code: 'custom', path: ['page_slug'], message: 'Pilih halaman tetap yang ditulis.' });
    if (v.kind === 'agenda' && v.event_starts_at === undefined)
      ctx.addIssue({ code: 'custom', path: ['event_starts_at'], message: 'Isi waktu acara untuk agenda.' });
    if (v.kind === 'agenda' && !v.event_place) ctx.addIssue({ code: 'custom', path: ['event_place'], message: 'Isi tempat acara untuk agenda.' });
    if (v.valid_from !== undefined && v.valid_until !== undefined && v.valid_until < v.valid_from) {
      ctx.addIssue({ code: 'custom', path: ['valid_until'], message: 'Tanggal akhir berlaku tidak boleh sebelum tanggal mulai.' });
    }
  }, WHEN_OBJECT);
export type PostFormData = z.output<typeof PostForm>;

export const AdminPostListQuery = z.object({
  wilayah: RegionCodeSchema.optional().catch(undefined),
  status: z.enum(POST_STATUSES).optional().catch(undefined),
  jenis: z.enum(POST_KINDS).optional().catch(undefined),
  penulis: z.literal('saya').optional().catch(undefined),
  halaman: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});

export const PostIdParam = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
