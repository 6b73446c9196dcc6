import { z } from 'zod';

/** Public list filters: `?jenis=berita|pengumuman|agenda&halaman=2`. Unknown values answer a clear 400. */
export const PublicPostListQuery = z.object({
  jenis: z
    .enum(['semua', 'berita', 'pengumuman', 'agenda'], { message: 'Jenis harus berita, pengumuman atau agenda.' })
    .default('semua'),
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
