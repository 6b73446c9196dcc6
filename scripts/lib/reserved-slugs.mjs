// Slugs a region may never take.
//
// The URL router treats these words as sections of a region page
// (`/<kecamatan>/berita`, `/<kecamatan>/<desa>/layanan`, ...) or as top-level
// routes and static asset paths (`/admin`, `/api`, `/css/...`, `/sw.js`, ...).
// A region with one of these slugs would shadow, or be shadowed by, that route.
//
// The source of truth is the app: src/regions/paths.ts (CORE_TOP_LEVEL_WORDS)
// plus every registered feature's `reservedWords` (src/features.ts). This
// script cannot import TypeScript, so test/unit/reserved-slugs.test.ts fails
// when this list and the app's differ. The seed generator
// (scripts/generate-region-seed.mjs) imports it and names this file in the
// header of the generated SQL.

/** Repository-relative location of this list, printed in the generated SQL header. */
export const RESERVED_SLUGS_SOURCE = 'scripts/lib/reserved-slugs.mjs';

/** @type {readonly string[]} */
export const RESERVED_SLUGS = Object.freeze([
  // sections of a region page
  'berita',
  'dokumen',
  'layanan',
  'pengaduan',
  'ppid',
  'peta',
  'lelang',
  'wilayah',
  'cari',
  'tentang',
  // top-level routes
  'admin',
  'media',
  'masuk',
  'keluar',
  'api',
  'healthz',
  'sitemap.xml',
  'verifikasi',
  // static assets
  'css',
  'js',
  'img',
  'vendor',
  'icons',
  'favicon.ico',
  'robots.txt',
  'manifest.webmanifest',
  'sw.js',
]);

const RESERVED_SET = new Set(RESERVED_SLUGS);

/**
 * @param {string} slug
 * @returns {boolean} true when the slug equals a reserved word (exact, case-insensitive)
 */
export function isReservedSlug(slug) {
  return RESERVED_SET.has(String(slug).toLowerCase());
}
