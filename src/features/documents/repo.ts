import { and, count, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { boundedCount, type BoundedTotal } from '../../db/bounded-count';
import type { Db } from '../../db/client';
import { auditLog, documents, documentVersions, regions, type DocumentCategory, type DocumentRow, type InfoCategory } from '../../db/schema';
import { inSubtrees as regionInSubtrees } from '../../regions/sql';
import { publicDocument } from '../../publishing/visibility';

/**
 * Document queries. PUBLIC means: published (`terbit`), not deleted, has a file, and not `dikecualikan` — the one condition every public
 * page, download and API answer goes through (`publicDocument`). Admin queries are narrowed to region subtrees first.
 */
export { publicDocument };

const listColumns = {
  id: documents.id,
  regionCode: documents.regionCode,
  title: documents.title,
  category: documents.category,
  year: documents.year,
  description: documents.description,
  infoCategory: documents.infoCategory,
  responsibleUnit: documents.responsibleUnit,
  retentionPeriod: documents.retentionPeriod,
  currentVersion: documents.currentVersion,
  currentMime: documents.currentMime,
  currentSize: documents.currentSize,
  currentSha256: documents.currentSha256,
  status: documents.status,
  pendingVersion: documents.pendingVersion,
  isDemo: documents.isDemo,
  createdAt: documents.createdAt,
  updatedAt: documents.updatedAt,
  regionName: regions.name,
  regionLevel: regions.level,
  regionPath: regions.path,
};

export type PublicDocumentRow = Awaited<ReturnType<typeof listPublicDocuments>>[number];

export interface PublicDocumentQuery {
  regionCode: string;
  category?: DocumentCategory;
  year?: number;
  limit: number;
  offset?: number;
  /** 'year' (list page: newest year first) or 'latest' (home: newest upload first). */
  order?: 'year' | 'latest';
}

function publicInSubtree(q: { regionCode: string; category?: DocumentCategory; year?: number }): SQL {
  const conds: SQL[] = [publicDocument(), regionInSubtrees(documents.regionCode, [q.regionCode])];
  if (q.category) conds.push(eq(documents.category, q.category));
  if (q.year !== undefined) conds.push(eq(documents.year, q.year));
  return and(...conds) as SQL;
}

/** Public documents of a region and its descendants (the rollup rule, like posts). */
export async function listPublicDocuments(db: Db, q: PublicDocumentQuery) {
  const order = q.order === 'latest' ? [desc(documents.updatedAt), desc(documents.id)] : [desc(documents.year), desc(documents.updatedAt), desc(documents.id)];
  // Two steps (bench/volume.md): the page's ids from an index that holds every filtered column, then only those rows.
  const page = db
    .select({ id: documents.id })
    .from(documents)
    .where(publicInSubtree(q))
    .orderBy(...order)
    .limit(q.limit)
    .offset(q.offset ?? 0);
  return db
    .select(listColumns)
    .from(documents)
    .innerJoin(regions, eq(regions.code, documents.regionCode))
    .where(inArray(documents.id, page))
    .orderBy(...order)
    .all();
}

/** Public documents of the filter, counted up to a bound past the page (src/db/bounded-count.ts). */
export async function countPublicDocuments(
  db: Db,
  q: { regionCode: string; category?: DocumentCategory; year?: number },
  page: { offset?: number; pageSize?: number; bound?: number } = {},
): Promise<BoundedTotal> {
  return boundedCount(db, documents, publicInSubtree(q), page);
}

/**
 * The years with public documents, newest first. One step per year (the largest year below the last one, read from
 * the top of an index in year order) instead of a DISTINCT over every public document (bench/volume.md).
 */
export async function publicDocumentYears(db: Db, regionCode: string): Promise<number[]> {
  const where = publicInSubtree({ regionCode });
  const rows = await db.all<{ year: number }>(sql`
    WITH RECURSIVE public_years(year) AS (
      SELECT (SELECT MAX(${documents.year}) FROM ${documents} WHERE ${where})
      UNION ALL
      SELECT (SELECT MAX(${documents.year}) FROM ${documents} WHERE ${where} AND ${documents.year} < public_years.year)
      FROM public_years WHERE public_years.year IS NOT NULL
    )
    SELECT year FROM public_years WHERE year IS NOT NULL`);
  return rows.map((r) => Number(r.year));
}

/** A public document of exactly this region (detail pages live under the document's own region). */
export async function findPublicDocument(db: Db, regionCode: string, id: string) {
  return db
    .select(listColumns)
    .from(documents)
    .innerJoin(regions, eq(regions.code, documents.regionCode))
    .where(and(eq(documents.id, id), eq(documents.regionCode, regionCode), publicDocument()))
    .get();
}

/** A public document by id (any region), for the JSON API. */
export async function findPublicDocumentById(db: Db, id: string) {
  return db
    .select(listColumns)
    .from(documents)
    .innerJoin(regions, eq(regions.code, documents.regionCode))
    .where(and(eq(documents.id, id), publicDocument()))
    .get();
}

/**
 * Approved versions of a document up to its current one, newest first — what the public may download (a claimed but
 * unfinished upload, a version waiting for review and a rejected one are never listed).
 */
export async function versionsOf(db: Db, documentId: string, upTo: number) {
  return db
    .select()
    .from(documentVersions)
    .where(and(eq(documentVersions.documentId, documentId), lte(documentVersions.version, upTo), eq(documentVersions.approved, true)))
    .orderBy(desc(documentVersions.version))
    .all();
}

/** Every committed version for officers, including one waiting for review (`upTo` = the pending version). */
export async function versionsForAdmin(db: Db, documentId: string, upTo: number) {
  return db
    .select()
    .from(documentVersions)
    .where(and(eq(documentVersions.documentId, documentId), lte(documentVersions.version, upTo)))
    .orderBy(desc(documentVersions.version))
    .all();
}

/** One version; `approvedOnly` for public downloads. */
export async function findVersion(db: Db, documentId: string, version: number, opts: { approvedOnly?: boolean } = {}) {
  const conds = [eq(documentVersions.documentId, documentId), eq(documentVersions.version, version)];
  if (opts.approvedOnly) conds.push(eq(documentVersions.approved, true));
  return db
    .select()
    .from(documentVersions)
    .where(and(...conds))
    .get();
}

/** How many public documents the sitemap lists. */
export async function countSitemapDocuments(db: Db): Promise<number> {
  const row = await db.select({ n: count() }).from(documents).where(publicDocument()).get();
  return row?.n ?? 0;
}

/** The id of the public document at `offset` in id order (where a child sitemap starts). */
export async function sitemapDocumentKeyAt(db: Db, offset: number): Promise<string | null> {
  const row = await db.select({ id: documents.id }).from(documents).where(publicDocument()).orderBy(documents.id).limit(1).offset(offset).get();
  return row?.id ?? null;
}

/** Public documents after `after` in id order (keyset page of the sitemap). */
export async function listSitemapDocuments(db: Db, after: string | null, limit: number) {
  const conds = [publicDocument(), ...(after === null ? [] : [gt(documents.id, after)])];
  return db
    .select({ id: documents.id, updatedAt: documents.updatedAt, regionPath: regions.path })
    .from(documents)
    .innerJoin(regions, eq(regions.code, documents.regionCode))
    .where(and(...conds))
    .orderBy(documents.id)
    .limit(limit)
    .all();
}

export interface ApiDocumentQuery {
  regionCode: string;
  category?: DocumentCategory;
  year?: number;
  since?: number;
  after?: { updatedAt: number; id: string };
  limit: number;
}

/** Keyset-paginated public documents for the JSON API (last changed first; cursor = last (updated_at, id)). */
export async function listDocumentsForApi(db: Db, q: ApiDocumentQuery) {
  const conds: SQL[] = [publicInSubtree(q)];
  if (q.since !== undefined) conds.push(gte(documents.updatedAt, q.since));
  if (q.after) conds.push(or(lt(documents.updatedAt, q.after.updatedAt), and(eq(documents.updatedAt, q.after.updatedAt), lt(documents.id, q.after.id))) as SQL);
  return db
    .select(listColumns)
    .from(documents)
    .innerJoin(regions, eq(regions.code, documents.regionCode))
    .where(and(...conds))
    .orderBy(desc(documents.updatedAt), desc(documents.id))
    .limit(q.limit)
    .all();
}

// ---------------------------------------------------------------- admin

export interface AdminDocumentFilter {
  roots: string[];
  regionCode?: string;
  status?: DocumentRow['status'];
  category?: DocumentCategory;
  infoCategory?: InfoCategory;
  limit: number;
  offset: number;
}

export async function listDocumentsForAdmin(db: Db, f: AdminDocumentFilter) {
  const conds: SQL[] = [regionInSubtrees(documents.regionCode, f.roots), isNull(documents.deletedAt)];
  if (f.regionCode) conds.push(regionInSubtrees(documents.regionCode, [f.regionCode]));
  if (f.category) conds.push(eq(documents.category, f.category));
  if (f.infoCategory) conds.push(eq(documents.infoCategory, f.infoCategory));
  // "Waiting for review" also means a new version of a published document waiting for its reviewer.
  if (f.status === 'menunggu_tinjauan') conds.push(or(eq(documents.status, 'menunggu_tinjauan'), isNotNull(documents.pendingVersion)) as SQL);
  else if (f.status) conds.push(eq(documents.status, f.status));
  const where = and(...conds);
  const order = [desc(documents.updatedAt), desc(documents.id)];
  // The page's ids first, from documents alone (bench/volume.md): joined with regions, SQLite may start from the
  // regions and sort every document instead of walking the last-changed index to the LIMIT.
  const page = db
    .select({ id: documents.id })
    .from(documents)
    .where(where)
    .orderBy(...order)
    .limit(f.limit)
    .offset(f.offset);
  const [rows, total] = await Promise.all([
    db
      .select(listColumns)
      .from(documents)
      .innerJoin(regions, eq(regions.code, documents.regionCode))
      .where(inArray(documents.id, page))
      .orderBy(...order)
      .all(),
    boundedCount(db, documents, where, { offset: f.offset, pageSize: f.limit }),
  ]);
  return { rows, total };
}

export type AdminDocumentRow = Awaited<ReturnType<typeof listDocumentsForAdmin>>['rows'][number];

/** Any non-deleted document by id with its region (the service checks the actor's reach). */
export async function findDocumentForAdmin(db: Db, id: string) {
  return db
    .select({ doc: documents, regionName: regions.name, regionLevel: regions.level, regionPath: regions.path })
    .from(documents)
    .innerJoin(regions, eq(regions.code, documents.regionCode))
    .where(and(eq(documents.id, id), isNull(documents.deletedAt)))
    .get();
}

/** A document in the trash by id with its region. */
export async function findDeletedDocument(db: Db, id: string) {
  return db
    .select({ doc: documents, regionName: regions.name, regionLevel: regions.level })
    .from(documents)
    .innerJoin(regions, eq(regions.code, documents.regionCode))
    .where(and(eq(documents.id, id), isNotNull(documents.deletedAt)))
    .get();
}

/** The trash: deleted documents inside the roots, newest deletion first. */
export async function listDeletedDocuments(db: Db, roots: string[], limit = 100) {
  return db
    .select({ id: documents.id, title: documents.title, deletedAt: documents.deletedAt, regionName: regions.name, regionLevel: regions.level })
    .from(documents)
    .innerJoin(regions, eq(regions.code, documents.regionCode))
    .where(and(regionInSubtrees(documents.regionCode, roots), isNotNull(documents.deletedAt)))
    .orderBy(desc(documents.deletedAt))
    .limit(limit)
    .all();
}

export async function documentHistory(db: Db, id: string) {
  return db
    .select({ at: auditLog.at, action: auditLog.action, actorName: auditLog.actorName, summary: auditLog.summary })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'document'), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(50)
    .all();
}

/** Highest version number ever claimed for a document (committed or not). */
export async function maxVersion(db: Db, documentId: string): Promise<number> {
  const row = await db
    .select({ v: sql<number>`COALESCE(MAX(${documentVersions.version}), 0)` })
    .from(documentVersions)
    .where(eq(documentVersions.documentId, documentId))
    .get();
  return row?.v ?? 0;
}

/** Documents waiting for a reviewer in these subtrees: submitted documents and new versions of published ones. */
export async function documentsWaitingForReview(db: Db, roots: string[]) {
  return db
    .select({
      id: documents.id,
      title: documents.title,
      regionCode: documents.regionCode,
      regionStage: regions.stage,
      updatedAt: documents.updatedAt,
      pendingVersion: documents.pendingVersion,
    })
    .from(documents)
    .innerJoin(regions, eq(regions.code, documents.regionCode))
    .where(
      and(
        regionInSubtrees(documents.regionCode, roots),
        isNull(documents.deletedAt),
        or(eq(documents.status, 'menunggu_tinjauan'), isNotNull(documents.pendingVersion)),
      ),
    )
    .orderBy(documents.updatedAt)
    .limit(200)
    .all();
}

/** Documents of this author that a reviewer sent back. */
export async function countRejectedDocumentsOf(db: Db, userId: string): Promise<number> {
  const row = await db
    .select({ n: count() })
    .from(documents)
    .where(and(eq(documents.createdBy, userId), eq(documents.status, 'ditolak'), isNull(documents.deletedAt)))
    .get();
  return row?.n ?? 0;
}

/** The document a previous import made from this source key in the region (documents.import_key is unique per region). */
export async function findDocumentByImportKey(db: Db, regionCode: string, importKey: string) {
  return db
    .select()
    .from(documents)
    .where(and(eq(documents.regionCode, regionCode), eq(documents.importKey, importKey)))
    .get();
}
