/**
 * Where each content flag is fixed: admin pages of the other features (deadline items carry their own link). Kept in one place so a renamed route is one edit.
 * Region codes are Kemendagri codes (safe in a query string, but still encoded).
 */
const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

export const fixLinks = {
  /** Write a news item for the region (freshness). */
  writePost: (regionCode: string) => `/admin/konten/baru?${q({ wilayah: regionCode, jenis: 'berita' })}`,
  /** Write one of the region's fixed pages (profil, struktur-organisasi, maklumat-pelayanan). */
  writePage: (regionCode: string, slug: string) => `/admin/konten/baru?${q({ wilayah: regionCode, jenis: 'halaman', halaman_tetap: slug })}`,
  /** Upload a document of a category and year. */
  uploadDocument: (regionCode: string, category: string | undefined, year: number | null) =>
    `/admin/dokumen/baru?${q({ wilayah: regionCode, ...(category ? { kategori: category } : {}), ...(year !== null ? { tahun: String(year) } : {}) })}`,
  ppidProfile: (regionCode: string) => `/admin/ppid/profil?${q({ wilayah: regionCode })}`,
  stage: (regionCode: string) => `/admin/wilayah/${regionCode}`,
};
