/**
 * URL ⇄ region mapping, decided from the path alone (no D1), so the page cache can key and purge pages by region.
 * `/` is the regency, `/{kecamatan}` a district, `/{kecamatan}/{desa}` a village; each has the same sections.
 * Slugs never equal a reserved word (enforced by scripts/generate-region-seed.mjs), so parsing is unambiguous.
 */
export const SECTIONS = ['berita', 'dokumen', 'layanan', 'pengaduan', 'ppid', 'peta', 'lelang'] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_LABELS: Record<Section, string> = {
  berita: 'Berita',
  dokumen: 'Dokumen',
  layanan: 'Layanan',
  pengaduan: 'Pengaduan',
  ppid: 'PPID',
  peta: 'Peta',
  lelang: 'Lelang',
};

/** Region sub-pages outside the section menu: `{prefix}/tentang/{profil|visi-misi|…}` (the region's fixed pages). */
export const PAGE_WORDS = ['tentang'] as const;

/**
 * Top-level words that are never region slugs: the sections and pages of every region, the app's own routes and the
 * static folders. Features add theirs (`reservedWords` in their descriptor); the app reserves them at startup
 * (`reserveTopLevelWords`). The seed generator's list (scripts/lib/reserved-slugs.mjs) must equal
 * `reservedWords()` with every registered feature — a test fails when they drift.
 */
export const CORE_TOP_LEVEL_WORDS: readonly string[] = [
  ...SECTIONS,
  ...PAGE_WORDS,
  'admin',
  'api',
  'healthz',
  'css',
  'js',
  'img',
  'vendor',
  'icons',
  'favicon.ico',
  'manifest.webmanifest',
  'sw.js',
];

const TOP_LEVEL_WORDS = new Set<string>(CORE_TOP_LEVEL_WORDS);

/** Adds the registered features' top-level words (called by createApp with the registry). */
export function reserveTopLevelWords(words: Iterable<string>): void {
  for (const w of words) TOP_LEVEL_WORDS.add(w);
}

/**
 * Adds the registered features' region sub-page words (`lacak`): reserved at the top level, and read as the start of
 * the rest at every level (`/{kec}/lacak` is Kecamatan {kec}'s tracking page, not a village named "lacak").
 */
export function reserveRegionWords(words: Iterable<string>): void {
  for (const w of words) {
    TOP_LEVEL_WORDS.add(w);
    SECTION_SET.add(w);
  }
}

/** Every reserved top-level word, sorted. */
export function reservedWords(): string[] {
  return [...TOP_LEVEL_WORDS].sort();
}

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SECTION_SET = new Set<string>([...SECTIONS, ...PAGE_WORDS]);

export interface ParsedRegionPath {
  /** Region path as stored in `regions.path`: '' (regency), 'kec', 'kec/desa'. */
  regionPath: string;
  /** Remaining segments after the region prefix (e.g. ['berita', 'judul-berita']). */
  rest: string[];
}

/**
 * Splits a pathname into the region prefix and the rest. Returns null when the path cannot belong to a region page
 * (reserved top-level word other than a section, malformed slug).
 */
export function parseRegionPath(pathname: string): ParsedRegionPath | null {
  const segments = pathname.split('/').filter((s) => s.length > 0);
  const regionSegments: string[] = [];
  for (const seg of segments) {
    if (regionSegments.length >= 2 || SECTION_SET.has(seg) || seg.endsWith('.xml')) break;
    if (regionSegments.length === 0 && TOP_LEVEL_WORDS.has(seg)) return null;
    if (!SLUG_RE.test(seg) || seg.length > 80) return null;
    regionSegments.push(seg);
  }
  return { regionPath: regionSegments.join('/'), rest: segments.slice(regionSegments.length) };
}

/** The public URL prefix of a region: '' for the regency, '/kec', '/kec/desa'. */
export function regionPrefix(regionPath: string): string {
  return regionPath === '' ? '' : `/${regionPath}`;
}

export function regionHref(regionPath: string, ...rest: string[]): string {
  const tail = rest.filter(Boolean).join('/');
  const prefix = regionPrefix(regionPath);
  if (!tail) return prefix === '' ? '/' : prefix;
  return `${prefix}/${tail}`;
}
