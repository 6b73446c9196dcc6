import { and, asc, count, desc, eq, isNotNull, isNull, like, type SQL } from 'drizzle-orm';
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
  const [rows, total] = await Promise.all([
    db
      .select(adminListColumns)
      .from(posts)
      .innerJoin(regions, eq(regions.code, posts.regionCode))
      .leftJoin(users, eq(users.id, posts.authorId))
      .where(where)
      .orderBy(desc(posts.updatedAt), desc(posts.id))
      .limit(f.limit)
      .offset(f.offset)
      .all(),
    db.select({ n: count() }).from(posts).where(where).get(),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export type AdminPostRow = Awaited<ReturnType<typeof listPostsForAdmin>>['rows'][number];

/** Posts waiting for review inside the roots (the caller keeps only those it may review, by region stage). */
export async function waitingForReview(db: Db, roots: string[], limit = 200) {
  return db
    .select(adminListColumns)
    .from(posts)
    .innerJoin(regions, eq(regions.code, posts.regionCode))
    .leftJoin(users, eq(users.id, posts.authorId))
    .where(and(inSubtrees(posts.regionCode, roots), eq(posts.status, 'menunggu_tinjauan'), isNull(posts.deletedAt)))
    .orderBy(asc(posts.updatedAt))
    .limit(limit)
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
