import { and, asc, count, desc, eq, inArray, isNotNull, isNull, like, sql, type SQL } from 'drizzle-orm';
import { boundedCount } from '../../db/bounded-count';
import type { Db } from '../../db/client';
import { auditLog, posts, regions, users, type PostKind, type PostStatus } from '../../db/schema';
import { escapeLike } from '../../lib/validation';
import { inSubtrees } from '../../regions/sql';

/** Admin-side post queries. Every list is narrowed to the actor's region subtrees first (rows outside never show). */

const regionColumns = { regionName: regions.name, regionLevel: regions.level, regionPath: regions.path, regionStage: regions.stage };

/** A post by id with its region; deleted posts (the trash) only with `{ deleted: true }`. */
export async function findPostForAdmin(db: Db, id: string, opts: { deleted?: boolean } = {}) {
  return db
    .select({ post: posts, ...regionColumns, authorName: users.name })
    .from(posts)
    .innerJoin(regions, eq(regions.code, posts.regionCode))
    .leftJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.id, id), opts.deleted ? isNotNull(posts.deletedAt) : isNull(posts.deletedAt)))
    .get();
}

/** The trash: deleted posts inside the roots, newest deletion first. */
export async function listDeletedPosts(db: Db, roots: string[], limit = 100) {
  return db
    .select({ id: posts.id, title: posts.title, deletedAt: posts.deletedAt, ...regionColumns })
    .from(posts)
    .innerJoin(regions, eq(regions.code, posts.regionCode))
    .where(and(inSubtrees(posts.regionCode, roots), isNotNull(posts.deletedAt)))
    .orderBy(desc(posts.deletedAt))
    .limit(limit)
    .all();
}

export interface AdminPostFilter {
  roots: string[];
  regionCode?: string;
  status?: PostStatus;
  kind?: PostKind;
  authorId?: string;
  limit: number;
  offset: number;
}

const adminListColumns = {
  id: posts.id,
  title: posts.title,
  kind: posts.kind,
  slug: posts.slug,
  status: posts.status,
  regionCode: posts.regionCode,
  publishedAt: posts.publishedAt,
  updatedAt: posts.updatedAt,
  authorId: posts.authorId,
  authorName: users.name,
  ...regionColumns,
};

export async function listPostsForAdmin(db: Db, f: AdminPostFilter) {
  const conds: SQL[] = [inSubtrees(posts.regionCode, f.roots), isNull(posts.deletedAt)];
  if (f.regionCode) conds.push(inSubtrees(posts.regionCode, [f.regionCode]));
  if (f.status) conds.push(eq(posts.status, f.status));
  if (f.kind) conds.push(eq(posts.kind, f.kind));
  if (f.authorId) conds.push(eq(posts.authorId, f.authorId));
  const where = and(...conds);
  const order = [desc(posts.updatedAt), desc(posts.id)];
  // The page's ids first, from posts alone (bench/volume.md): joined with regions, SQLite may start from the regions
  // and sort every post of the regency instead of walking the last-changed index to the LIMIT.
  const page = db
    .select({ id: posts.id })
    .from(posts)
    .where(where)
    .orderBy(...order)
    .limit(f.limit)
    .offset(f.offset);
  const [rows, total] = await Promise.all([
    db
      .select(adminListColumns)
      .from(posts)
      .innerJoin(regions, eq(regions.code, posts.regionCode))
      .leftJoin(users, eq(users.id, posts.authorId))
      .where(inArray(posts.id, page))
      .orderBy(...order)
      .all(),
    boundedCount(db, posts, where, { offset: f.offset, pageSize: f.limit }),
  ]);
  return { rows, total };
}

export type AdminPostRow = Awaited<ReturnType<typeof listPostsForAdmin>>['rows'][number];

/** Posts waiting for review inside the roots (the caller keeps only those it may review, by region stage). */
export async function waitingForReview(db: Db, roots: string[], limit = 200) {
  // The ids first, from the review-queue index alone (migration 0098), then only those rows.
  const page = db
    .select({ id: posts.id })
    .from(posts)
    .where(and(inSubtrees(posts.regionCode, roots), eq(posts.status, 'menunggu_tinjauan'), isNull(posts.deletedAt)))
    .orderBy(asc(posts.updatedAt), asc(posts.id))
    .limit(limit);
  return db
    .select(adminListColumns)
    .from(posts)
    .innerJoin(regions, eq(regions.code, posts.regionCode))
    .leftJoin(users, eq(users.id, posts.authorId))
    .where(inArray(posts.id, page))
    .orderBy(asc(posts.updatedAt), asc(posts.id))
    .all();
}

/**
 * Waiting posts inside the roots, counted per region with the region's stage (the caller counts those it may review).
 * Read from the review-queue index (migration 0098); the list page shows only this number, not the rows.
 */
export async function waitingForReviewByRegion(db: Db, roots: string[]) {
  const counted = db
    .select({ regionCode: posts.regionCode, n: sql<number>`COUNT(*)`.as('n') })
    .from(posts)
    .where(and(inSubtrees(posts.regionCode, roots), eq(posts.status, 'menunggu_tinjauan'), isNull(posts.deletedAt)))
    .groupBy(posts.regionCode)
    .as('waiting');
  return db
    .select({ regionCode: counted.regionCode, regionStage: regions.stage, n: counted.n })
    .from(counted)
    .innerJoin(regions, eq(regions.code, counted.regionCode))
    .all();
}

export async function countRejectedOf(db: Db, authorId: string): Promise<number> {
  const row = await db
    .select({ n: count() })
    .from(posts)
    .where(and(eq(posts.authorId, authorId), eq(posts.status, 'ditolak'), isNull(posts.deletedAt)))
    .get();
  return row?.n ?? 0;
}

/** Slugs in the region that start like `base` (to pick a free one). */
export async function slugsLike(db: Db, regionCode: string, base: string): Promise<Set<string>> {
  const rows = await db
    .select({ slug: posts.slug })
    .from(posts)
    .where(and(eq(posts.regionCode, regionCode), like(posts.slug, `${escapeLike(base)}%`)))
    .all();
  return new Set(rows.map((r) => r.slug));
}

export async function fixedPagesOf(db: Db, regionCode: string) {
  return db
    .select({ id: posts.id, slug: posts.slug, title: posts.title, status: posts.status, updatedAt: posts.updatedAt })
    .from(posts)
    .where(and(eq(posts.regionCode, regionCode), eq(posts.kind, 'halaman'), isNull(posts.deletedAt)))
    .all();
}

/** The audit trail of one post, newest first (who drafted, submitted, approved, rejected, published). */
export async function postHistory(db: Db, postId: string) {
  return db
    .select({ at: auditLog.at, action: auditLog.action, actorName: auditLog.actorName, summary: auditLog.summary })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'post'), eq(auditLog.entityId, postId)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(50)
    .all();
}

/** The post a previous import made from this source key in the region (posts.import_key is unique per region). */
export async function findPostByImportKey(db: Db, regionCode: string, importKey: string) {
  return db
    .select()
    .from(posts)
    .where(and(eq(posts.regionCode, regionCode), eq(posts.importKey, importKey)))
    .get();
}
