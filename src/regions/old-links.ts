/**
 * The retired sites of the regions: their host names and their old links (tables region_hosts and legacy_redirects).
 * One normalisation of old URLs, used both when the import records a redirect and when a request asks for an old
 * path, so the two always meet: OpenSID (`/artikel/2023/05/12/slug`, `/index.php/artikel/…`, `/first/artikel/…`),
 * WordPress (`/?p=12`, `/2023/05/slug/`, page slugs, `/wp-content/uploads/…`) and Blogspot (`/2023/05/slug.html`).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { legacyRedirects, regionHosts, regions, type ImportFormat } from '../db/schema';
import { PAGE_WORDS, SECTIONS, regionHref } from './paths';

/** Query keys that name a page on the old platforms (WordPress); every other key (utm_*, Blogspot's m=1) is dropped. */
const PAGE_QUERY_KEYS = ['p', 'page_id', 'attachment_id'] as const;
const MAX_OLD_PATH = 400;
const HOST_RE = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * An old URL (absolute, or a path with its query) in the form stored in legacy_redirects: lower case, decoded, without
 * `/index.php` and OpenSID's `/first` prefix, without a trailing slash, with only the query keys that name a page.
 * Null when it is not a usable path.
 */
export function normalizeOldPath(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim(), 'http://situs-lama.invalid');
  } catch {
    return null;
  }
  let path = safeDecode(url.pathname)
    .toLowerCase()
    .replace(/\/{2,}/g, '/');
  if (/[\u0000-\u001f\u007f]/.test(path)) return null;
  if (path === '/index.php' || path.startsWith('/index.php/')) path = path.slice('/index.php'.length) || '/';
  if (path === '/first' || path.startsWith('/first/')) path = path.slice('/first'.length) || '/';
  if (path.length > 1) path = path.replace(/\/+$/, '');
  const query = PAGE_QUERY_KEYS.flatMap((k) => {
    const v = url.searchParams.get(k);
    return v && /^\d{1,12}$/.test(v) ? [`${k}=${v}`] : [];
  }).join('&');
  const out = query ? `${path}?${query}` : path;
  return out.length <= MAX_OLD_PATH ? out : null;
}

/** A host name as typed or as seen in a request, in the form stored in region_hosts; null when it is not one. */
export function normalizeHost(input: string): string | null {
  const host = input
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '');
  return HOST_RE.test(host) ? host : null;
}

/** The region a host name points to (its code and URL path). */
export interface HostTarget {
  code: string;
  path: string;
}

export async function hostMapRows(db: Db): Promise<Array<HostTarget & { host: string }>> {
  return db
    .select({ host: regionHosts.host, code: regions.code, path: regions.path })
    .from(regionHosts)
    .innerJoin(regions, eq(regions.code, regionHosts.regionCode))
    .all();
}

export async function listRegionHosts(db: Db) {
  return db
    .select({
      host: regionHosts.host,
      regionCode: regionHosts.regionCode,
      regionName: regions.name,
      regionLevel: regions.level,
      regionPath: regions.path,
      note: regionHosts.note,
      createdAt: regionHosts.createdAt,
    })
    .from(regionHosts)
    .innerJoin(regions, eq(regions.code, regionHosts.regionCode))
    .orderBy(asc(regions.code), asc(regionHosts.host))
    .all();
}

export async function findRegionHost(db: Db, host: string) {
  return db.select().from(regionHosts).where(eq(regionHosts.host, host)).get();
}

export function insertRegionHost(db: Db, row: typeof regionHosts.$inferInsert) {
  return db.insert(regionHosts).values(row);
}

export function deleteRegionHost(db: Db, host: string) {
  return db.delete(regionHosts).where(eq(regionHosts.host, host));
}

export interface RedirectRow {
  regionCode: string;
  oldPath: string;
  target: string;
  source: ImportFormat;
}

/** Upserts of redirects (one statement each, for a db.batch); an old path keeps one target, the latest. */
export function upsertRedirect(db: Db, r: RedirectRow, now: number) {
  return db
    .insert(legacyRedirects)
    .values({ ...r, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [legacyRedirects.regionCode, legacyRedirects.oldPath], set: { target: r.target, source: r.source, updatedAt: now } });
}

/** Targets of already recorded old paths of a region (for rewriting links in imported content). */
export async function redirectTargets(db: Db, regionCode: string, oldPaths: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < oldPaths.length; i += 90) {
    const rows = await db
      .select({ oldPath: legacyRedirects.oldPath, target: legacyRedirects.target })
      .from(legacyRedirects)
      .where(and(eq(legacyRedirects.regionCode, regionCode), inArray(legacyRedirects.oldPath, oldPaths.slice(i, i + 90))))
      .all();
    for (const r of rows) out.set(r.oldPath, r.target);
  }
  return out;
}

export interface OldLinkAnswer {
  /** A path on the canonical origin. */
  location: string;
  /** 301 for a known place; 302 (not cached for ever) when the old page is unknown — a later import may add it. */
  permanent: boolean;
}

/** The notice on a region home for an old page with no known place: `?alamat-lama=/old/path`. */
export const OLD_PATH_PARAM = 'alamat-lama';

/**
 * Where an old path of a region's retired site goes: the region's home for '/', the recorded redirect, the same
 * section of the region for a portal-shaped path ({slug}.{regency domain}/berita/…), else the region's home with
 * a search and a short explanation (never a bare 404).
 */
export async function resolveOldLink(db: Db, region: HostTarget, pathAndQuery: string): Promise<OldLinkAnswer> {
  const home = regionHref(region.path);
  const normalized = normalizeOldPath(pathAndQuery);
  if (normalized === '/' || normalized === null) return { location: home, permanent: normalized === '/' };
  const row = await db
    .select({ target: legacyRedirects.target })
    .from(legacyRedirects)
    .where(and(eq(legacyRedirects.regionCode, region.code), eq(legacyRedirects.oldPath, normalized)))
    .get();
  if (row) return { location: row.target, permanent: true };
  const segments = normalized.split('?')[0]!.split('/').filter(Boolean);
  const words: readonly string[] = [...SECTIONS, ...PAGE_WORDS];
  if (segments.length > 0 && words.includes(segments[0]!) && segments.every((s) => /^[a-z0-9-]{1,80}$/.test(s))) {
    return { location: regionHref(region.path, ...segments), permanent: true };
  }
  const shown = pathAndQuery.slice(0, 200);
  return { location: `${home}?${new URLSearchParams({ [OLD_PATH_PARAM]: shown })}`, permanent: false };
}
