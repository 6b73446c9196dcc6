import { and, desc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { posts, regions, type PostKind } from '../../db/schema';
import { subtreeRange } from '../../regions/codes';

/** Public post listing row: the post plus the name and path of the region it belongs to (for rollups). */
export interface PublicPostRow {
  id: string;
  kind: PostKind;
  slug: string;
  title: string;
  summary: string;
  coverKey: string | null;
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
  const { from, to } = subtreeRange(regionCode);
  return and(
    gte(posts.regionCode, from),
    lt(posts.regionCode, to),
    eq(posts.status, 'terbit'),
    lte(posts.publishedAt, now),
  ) as SQL;
}

export interface PublicPostQuery {
  regionCode: string;
  now: number;
  kinds: PostKind[];
  limit: number;
  offset?: number;
}

export async function listPublishedPosts(db: Db, q: PublicPostQuery): Promise<PublicPostRow[]> {
  return db
    .select(publicColumns)
    .from(posts)
    .innerJoin(regions, eq(regions.code, posts.regionCode))
    .where(and(publishedInSubtree(q.regionCode, q.now), inArray(posts.kind, q.kinds)))
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(q.limit)
    .offset(q.offset ?? 0)
    .all();
}

export async function countPublishedPosts(db: Db, q: Omit<PublicPostQuery, 'limit' | 'offset'>): Promise<number> {
  const row = await db
    .select({ n: sql<number>`count(*)` })
    .from(posts)
    .where(and(publishedInSubtree(q.regionCode, q.now), inArray(posts.kind, q.kinds)))
    .get();
  return row?.n ?? 0;
}

/** A published post of exactly this region (detail pages live under the post's own region). */
export async function findPublishedPost(db: Db, regionCode: string, slug: string, now: number) {
  return db
    .select({ ...publicColumns, bodyMd: posts.bodyMd })
    .from(posts)
    .innerJoin(regions, eq(regions.code, posts.regionCode))
    .where(
      and(eq(posts.regionCode, regionCode), eq(posts.slug, slug), eq(posts.status, 'terbit'), lte(posts.publishedAt, now)),
    )
    .get();
}
