/**
 * Every region has the same fixed pages (posts of kind `halaman`) at `{prefix}/tentang/{slug}`: content writes them,
 * monitoring's completeness checklist asks for some of them. In menu order.
 */
export const FIXED_PAGES = [
  { slug: 'profil', label: 'Profil' },
  { slug: 'visi-misi', label: 'Visi dan misi' },
  { slug: 'struktur-organisasi', label: 'Struktur organisasi' },
  { slug: 'kontak', label: 'Kontak' },
  { slug: 'maklumat-pelayanan', label: 'Maklumat pelayanan' },
] as const;
export type FixedPageSlug = (typeof FIXED_PAGES)[number]['slug'];
export const FIXED_PAGE_SLUGS = FIXED_PAGES.map((p) => p.slug) as [FixedPageSlug, ...FixedPageSlug[]];

export function fixedPageLabel(slug: string): string {
  return FIXED_PAGES.find((p) => p.slug === slug)?.label ?? slug;
}
