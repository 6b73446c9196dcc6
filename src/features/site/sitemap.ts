// The sitemap (sitemaps.org protocol). While every public URL fits in one file, /sitemap.xml is that file (a
// <urlset>); past that it becomes a <sitemapindex> of numbered child sitemaps, /sitemap-{part}-{n}.xml, each at most
// `urlsPerFile` URLs. A part is the region pages (every region's home and the section pages features list) or one
// feature's detail pages; a feature's pages are read in keyset pages of READ_CHUNK rows (id order), and a child starts
// after the key at its first position. With paths of at most a few hundred bytes a full child stays far below the
// protocol's 50 MB.
import type { Db } from '../../db/client';
import { regionHref } from '../../regions/paths';
import type { RegionSummary } from '../../regions/repo';
import type { SitemapEntry, SitemapSource } from '../descriptor';

/** The protocol's limit of URLs per sitemap file. */
export const SITEMAP_MAX_URLS = 50_000;
const READ_CHUNK = 5_000;
const REGION_PART = 'wilayah';

/** URLs per file: the protocol's 50,000, or fewer when SITEMAP_URLS_PER_FILE says so (tests prove the paging with it). */
export function urlsPerFile(configured: string | undefined): number {
  const n = Number.parseInt(configured ?? '', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, SITEMAP_MAX_URLS) : SITEMAP_MAX_URLS;
}

interface SitemapDeps {
  db: Db;
  now: number;
  regions: RegionSummary[];
  sources: SitemapSource[];
  size: number;
}

export interface SitemapPart {
  name: string;
  count: number;
  files: number;
}

/** Every region's home, then each source's section page in every region. */
function regionPages(regions: RegionSummary[], sources: SitemapSource[]): SitemapEntry[] {
  return [
    ...regions.map((r) => ({ path: regionHref(r.path), lastmod: r.lastContentUpdate })),
    ...sources.flatMap((s) => regions.map((r) => ({ path: regionHref(r.path, s.section), lastmod: r.lastContentUpdate }))),
  ];
}

/** The parts of the sitemap with their URL counts and number of child files. */
export async function sitemapParts(deps: SitemapDeps): Promise<SitemapPart[]> {
  const counts = await Promise.all(deps.sources.map((s) => s.count(deps.db, deps.now)));
  const parts = [
    { name: REGION_PART, count: deps.regions.length * (1 + deps.sources.length) },
    ...deps.sources.map((s, i) => ({ name: s.name, count: counts[i] ?? 0 })),
  ];
  return parts.map((p) => ({ ...p, files: Math.ceil(p.count / deps.size) }));
}

/** Reads up to `limit` detail pages of a source after `after`, in keyset pages. */
async function readSource(deps: SitemapDeps, source: SitemapSource, after: string | null, limit: number): Promise<SitemapEntry[]> {
  const out: SitemapEntry[] = [];
  let cursor = after;
  while (out.length < limit) {
    const want = Math.min(READ_CHUNK, limit - out.length);
    const rows = await source.page(deps.db, deps.now, cursor, want);
    for (const { path, lastmod } of rows) out.push({ path, lastmod });
    if (rows.length < want) break;
    cursor = rows[rows.length - 1]?.key ?? null;
  }
  return out;
}

/** The URLs of child sitemap `n` (1-based) of a part, or null when there is no such file. */
export async function sitemapChild(deps: SitemapDeps, part: string, n: number): Promise<SitemapEntry[] | null> {
  if (!Number.isInteger(n) || n < 1) return null;
  const offset = (n - 1) * deps.size;
  if (part === REGION_PART) {
    const pages = regionPages(deps.regions, deps.sources).slice(offset, offset + deps.size);
    return pages.length ? pages : null;
  }
  const source = deps.sources.find((s) => s.name === part);
  if (!source) return null;
  let after: string | null = null;
  if (n > 1) {
    after = await source.keyAt(deps.db, deps.now, offset - 1);
    if (after === null) return null;
  }
  const urls = await readSource(deps, source, after, deps.size);
  return urls.length ? urls : null;
}

/** Every URL, for a sitemap that fits in one file. */
export async function allSitemapUrls(deps: SitemapDeps): Promise<SitemapEntry[]> {
  const lists = await Promise.all(deps.sources.map((s) => readSource(deps, s, null, deps.size)));
  return [...regionPages(deps.regions, deps.sources), ...lists.flat()];
}

/** Child sitemap file names, e.g. `sitemap-berita-2.xml`. */
export function childFileNames(parts: SitemapPart[]): string[] {
  return parts.flatMap((p) => Array.from({ length: p.files }, (_, i) => `sitemap-${p.name}-${i + 1}.xml`));
}

/** Parses `sitemap-{part}-{n}.xml`. */
export function parseChildFileName(file: string): { part: string; n: number } | null {
  const m = /^sitemap-([a-z]+)-([1-9][0-9]{0,5})\.xml$/.exec(file);
  return m ? { part: m[1] as string, n: Number(m[2]) } : null;
}
