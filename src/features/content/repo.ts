import { and, desc, eq, gt, gte, inArray, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { boundedCount, type BoundedTotal } from '../../db/bounded-count';
import type { Db } from '../../db/client';
import { posts, regions, type PostKind } from '../../db/schema';
import { subtreeCondition } from '../../regions/sql';
import { containsPattern } from '../../lib/validation';

/** Public post listing row: the post plus the name and path of the region it belongs to (for rollups). */
export interface PublicPostRow {
  id: string;
  kind: PostKind;
  slug: string;
  title: string;
  summary: string;
  coverKey: string | null;
  coverMedia: string | null;
  coverAlt: string | null;
  publishedAt: number | null;
  updatedAt: number;
  validUntil: number | null;
  eventStartsAt: number | null;
  eventPlace: string | null;
  isDemo: boolean;
  regionCode: string;
  regionName: string;
  regionPath: string;
}

const publicColumns = {
  id: posts.id,
  kind: posts.kind,
  slug: posts.slug,
  title: posts.title,
  summary: posts.summary,
  coverKey: posts.coverKey,
  coverMedia: posts.coverMedia,
  coverAlt: posts.coverAlt,
  publishedAt: posts.publishedAt,
  updatedAt: posts.updatedAt,
  validUntil: posts.validUntil,
  eventStartsAt: posts.eventStartsAt,
  eventPlace: posts.eventPlace,
  isDemo: posts.isDemo,
  regionCode: posts.regionCode,
  regionName: regions.name,
  regionPath: regions.path,
};

/** Published and visible now, anywhere in the subtree of `regionCode` (the rollup rule). */
export function publishedInSubtree(regionCode: string, now: number): SQL {
  return and(subtreeCondition(posts.regionCode, regionCode), eq(posts.status, 'terbit'), lte(posts.publishedAt, now)) as SQL;
}

export interface PublicPostQuery {
  regionCode: string;
  now: number;
  kinds: PostKind[];
  /** Words the title must contain (the news search; the landing of an old site's unknown link uses it). */
  titleContains?: string;
  /** Only the region's own posts, not its subtree's (the regency's own news beside a village's nearest news). */
  ownOnly?: boolean;
  limit: number;
  offset?: number;
}

export async function listPublishedPosts(db: Db, q: PublicPostQuery): Promise<PublicPostRow[]> {
  const where = and(
    publishedInSubtree(q.regionCode, q.now),
    inArray(posts.kind, q.kinds),
    ...(q.ownOnly ? [eq(posts.regionCode, q.regionCode)] : []),
    ...titleWords(q.titleContains),
  );
  const order = [desc(posts.publishedAt), desc(posts.id)];
  // Two steps (bench/volume.md): the page's ids from an index that holds every filtered column, then only those rows.
  // In one step SQLite reads every row of a kecamatan's subtree to sort them before the LIMIT.
  const page = db
    .select({ id: posts.id })
    .from(posts)
    .where(where)
    .orderBy(...order)
    .limit(q.limit)
    .offset(q.offset ?? 0);
  return db
    .select(publicColumns)
    .from(posts)
    .innerJoin(regions, eq(regions.code, posts.regionCode))
    .where(inArray(posts.id, page))
    .orderBy(...order)
    .all();
}

/** Published posts of the filter, counted up to a bound past the page (src/db/bounded-count.ts). */
export async function countPublishedPosts(
  db: Db,
  q: Omit<PublicPostQuery, 'limit' | 'offset'>,
  page: { offset?: number; pageSize?: number; bound?: number } = {},
): Promise<BoundedTotal> {
  return boundedCount(db, posts, and(publishedInSubtree(q.regionCode, q.now), inArray(posts.kind, q.kinds), ...titleWords(q.titleContains)), page);
}

/** Every word (at most five) must occur in the title, matched literally and case-insensitively. */
function titleWords(text: string | undefined): SQL[] {
  const words = (text ?? '').split(/\s+/).filter(Boolean).slice(0, 5);
  return words.map((w) => sql`${posts.title} LIKE ${containsPattern(w)} ESCAPE '\\'`);
}

/** A published post of exactly this region (detail pages live under the post's own region). */
export async function findPublishedPost(db: Db, regionCode: string, slug: string, now: number) {
  return db
    .select({ ...publicColumns, bodyMd: posts.bodyMd, byline: posts.byline })
    .from(posts)
    .innerJoin(regions, eq(regions.code, posts.regionCode))
    .where(and(eq(posts.regionCode, regionCode), eq(posts.slug, slug), ne(posts.kind, 'halaman'), eq(posts.status, 'terbit'), lte(posts.publishedAt, now)))
    .get();
}

/** A published fixed page (profil, visi-misi …) of exactly this region. */
export async function findPublishedPage(db: Db, regionCode: string, slug: string, now: number) {
  return db
    .select({ ...publicColumns, bodyMd: posts.bodyMd })
    .from(posts)
    .innerJoin(regions, eq(regions.code, posts.regionCode))
    .where(and(eq(posts.regionCode, regionCode), eq(posts.slug, slug), eq(posts.kind, 'halaman'), eq(posts.status, 'terbit'), lte(posts.publishedAt, now)))
    .get();
}

/** The published fixed pages of exactly this region (slug and title), for the /tentang index. */
export async function listPublishedPages(db: Db, regionCode: string, now: number) {
  return db
    .select({ slug: posts.slug, title: posts.title, summary: posts.summary, updatedAt: posts.updatedAt })
    .from(posts)
    .where(and(eq(posts.regionCode, regionCode), eq(posts.kind, 'halaman'), eq(posts.status, 'terbit'), lte(posts.publishedAt, now)))
    .all();
}

const sitemapPostCondition = (now: number) => and(eq(posts.status, 'terbit'), lte(posts.publishedAt, now)) as SQL;

/** How many published posts the sitemap lists. */
export async function countSitemapPosts(db: Db, now: number): Promise<number> {
  const row = await db.select({ n: sql<number>`count(*)` }).from(posts).where(sitemapPostCondition(now)).get();
  return row?.n ?? 0;
}

/** The id of the published post at `offset` in id order (where a child sitemap starts). */
export async function sitemapPostKeyAt(db: Db, now: number, offset: number): Promise<string | null> {
  const row = await db.select({ id: posts.id }).from(posts).where(sitemapPostCondition(now)).orderBy(posts.id).limit(1).offset(offset).get();
  return row?.id ?? null;
}

/** Published posts after `after` in id order (keyset page of the sitemap). */
export async function listSitemapPosts(db: Db, now: number, after: string | null, limit: number) {
  const conds = [sitemapPostCondition(now), ...(after === null ? [] : [gt(posts.id, after)])];
  return db
    .select({ id: posts.id, kind: posts.kind, slug: posts.slug, updatedAt: posts.updatedAt, publishedAt: posts.publishedAt, regionPath: regions.path })
    .from(posts)
    .innerJoin(regions, eq(regions.code, posts.regionCode))
    .where(and(...conds))
    .orderBy(posts.id)
    .limit(limit)
    .all();
}

export interface ApiPostQuery {
  regionCode: string;
  kind?: PostKind;
  /** Publication window (year filter), epoch ms, half-open. */
  publishedFrom?: number;
  publishedTo?: number;
  /** Created or changed at/after. */
  since?: number;
  after?: { publishedAt: number; id: string };
  limit: number;
  now: number;
}

/** Keyset-paginated public posts for the JSON API (newest first; the cursor is the last (published_at, id)). */
export async function listPostsForApi(db: Db, q: ApiPostQuery) {
  const conds: SQL[] = [publishedInSubtree(q.regionCode, q.now)];
  if (q.kind) conds.push(eq(posts.kind, q.kind));
  if (q.publishedFrom !== undefined) conds.push(gte(posts.publishedAt, q.publishedFrom));
  if (q.publishedTo !== undefined) conds.push(lt(posts.publishedAt, q.publishedTo));
  if (q.since !== undefined) conds.push(gte(posts.updatedAt, q.since));
  if (q.after) {
    conds.push(or(lt(posts.publishedAt, q.after.publishedAt), and(eq(posts.publishedAt, q.after.publishedAt), lt(posts.id, q.after.id))) as SQL);
  }
  const order = [desc(posts.publishedAt), desc(posts.id)];
  // The page's ids first, from posts alone: joined with regions, SQLite may start from the regions and sort.
  const page = db
    .select({ id: posts.id })
    .from(posts)
    .where(and(...conds))
    .orderBy(...order)
    .limit(q.limit);
  return db
    .select(publicColumns)
    .from(posts)
    .innerJoin(regions, eq(regions.code, posts.regionCode))
    .where(inArray(posts.id, page))
    .orderBy(...order)
    .all();
}

/** One published post by id (any region), with its body, for the JSON API. */
export async function findPublishedPostById(db: Db, id: string, now: number) {
  return db
    .select({ ...publicColumns, bodyMd: posts.bodyMd, validFrom: posts.validFrom })
    .from(posts)
    .innerJoin(regions, eq(regions.code, posts.regionCode))
    .where(and(eq(posts.id, id), eq(posts.status, 'terbit'), lte(posts.publishedAt, now)))
    .get();
}
