import { and, asc, desc, eq, gt, gte, inArray, isNotNull, lte, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { boundedCount, type BoundedTotal } from '../../db/bounded-count';
import type { Db } from '../../db/client';
import {
  complaintAttachments,
  complaintCategories,
  complaintEvents,
  complaintExternalRefs,
  complaintRatings,
  complaints,
  regions,
  type ComplaintStatus,
} from '../../db/schema';
import type { EXTERNAL_SYSTEMS } from '../../db/schema/complaints';

type ExternalSystem = (typeof EXTERNAL_SYSTEMS)[number];
import { inSubtrees } from '../../regions/sql';

/** Region scope: the shared rule in src/regions/sql.ts. */
export const inTrees = inSubtrees;

export function listCategories(db: Db, opts: { activeOnly?: boolean } = {}) {
  return db
    .select()
    .from(complaintCategories)
    .where(opts.activeOnly ? eq(complaintCategories.isActive, true) : undefined)
    .orderBy(asc(complaintCategories.sortOrder), asc(complaintCategories.name))
    .all();
}

export function findCategory(db: Db, id: string) {
  return db.select().from(complaintCategories).where(eq(complaintCategories.id, id)).get();
}

export function findComplaintByTicket(db: Db, ticket: string) {
  return db.select().from(complaints).where(eq(complaints.ticket, ticket)).get();
}

/** The complaint a national system knows by `externalId` (SP4N-LAPOR connectors look reports up this way). */
export async function findComplaintByExternalRef(db: Db, system: ExternalSystem, externalId: string) {
  const hit = await db
    .select({ complaint: complaints })
    .from(complaintExternalRefs)
    .innerJoin(complaints, eq(complaints.id, complaintExternalRefs.complaintId))
    .where(and(eq(complaintExternalRefs.system, system), eq(complaintExternalRefs.externalId, externalId)))
    .get();
  return hit?.complaint;
}

export function findComplaintById(db: Db, id: string) {
  return db.select().from(complaints).where(eq(complaints.id, id)).get();
}

/** Timeline, attachments, ratings and external references of one report, in parallel. */
export async function loadRelated(db: Db, complaintId: string) {
  const [events, attachments, ratings, refs] = await Promise.all([
    db.select().from(complaintEvents).where(eq(complaintEvents.complaintId, complaintId)).orderBy(asc(complaintEvents.seq)).all(),
    db.select().from(complaintAttachments).where(eq(complaintAttachments.complaintId, complaintId)).orderBy(asc(complaintAttachments.createdAt)).all(),
    db.select().from(complaintRatings).where(eq(complaintRatings.complaintId, complaintId)).orderBy(asc(complaintRatings.round)).all(),
    db.select().from(complaintExternalRefs).where(eq(complaintExternalRefs.complaintId, complaintId)).all(),
  ]);
  return { events, attachments, ratings, refs };
}

export function regionLabels(db: Db, codes: string[]) {
  const unique = [...new Set(codes.filter(Boolean))];
  if (unique.length === 0) return Promise.resolve([]);
  return db
    .select({ code: regions.code, name: regions.name, level: regions.level, path: regions.path })
    .from(regions)
    .where(inArray(regions.code, unique))
    .all();
}

/** Columns of list rows: never the reporter's identity or the secret hash. */
const listColumns = {
  id: complaints.id,
  ticket: complaints.ticket,
  regionCode: complaints.regionCode,
  originRegionCode: complaints.originRegionCode,
  classification: complaints.classification,
  categoryId: complaints.categoryId,
  title: complaints.title,
  status: complaints.status,
  isAnonymous: complaints.isAnonymous,
  isConfidential: complaints.isConfidential,
  dueAt: complaints.dueAt,
  onTime: complaints.onTime,
  unit: complaints.unit,
  isDemo: complaints.isDemo,
  createdAt: complaints.createdAt,
  updatedAt: complaints.updatedAt,
  regionName: regions.name,
  regionLevel: regions.level,
  regionPath: regions.path,
};

export interface HandlerListFilter {
  roots: string[];
  statuses?: ComplaintStatus[] | undefined;
  dueBefore?: number | undefined;
  dueFrom?: number | undefined;
  limit: number;
  offset?: number;
}

function handlerWhere(f: Omit<HandlerListFilter, 'limit' | 'offset'>): SQL {
  const conds: SQL[] = [inTrees(complaints.regionCode, f.roots)];
  if (f.statuses) conds.push(inArray(complaints.status, f.statuses));
  if (f.dueBefore !== undefined) conds.push(isNotNull(complaints.dueAt), lte(complaints.dueAt, f.dueBefore));
  if (f.dueFrom !== undefined) conds.push(gte(complaints.dueAt, f.dueFrom));
  return and(...conds) as SQL;
}

export function listForHandler(db: Db, f: HandlerListFilter) {
  const order = [sql`coalesce(${complaints.dueAt}, 9007199254740991)`, desc(complaints.createdAt)];
  // Two steps (bench/volume.md): the page's ids from an index that holds the filtered and sorted columns, then only
  // those rows (in one step SQLite reads every open report's row to sort them before the LIMIT).
  const page = db
    .select({ id: complaints.id })
    .from(complaints)
    .where(handlerWhere(f))
    .orderBy(...order)
    .limit(f.limit)
    .offset(f.offset ?? 0);
  return db
    .select(listColumns)
    .from(complaints)
    .innerJoin(regions, eq(regions.code, complaints.regionCode))
    .where(inArray(complaints.id, page))
    .orderBy(...order)
    .all();
}

/** The officers' list total, counted up to a bound past the page (src/db/bounded-count.ts). */
export function boundedCountForHandler(
  db: Db,
  f: Omit<HandlerListFilter, 'limit' | 'offset'>,
  page: { offset: number; pageSize: number },
): Promise<BoundedTotal> {
  return boundedCount(db, complaints, handlerWhere(f), page);
}

/** One page of a handler's export: keyset on the id (received order), so every row comes exactly once. */
export function exportPageForHandler(db: Db, f: Omit<HandlerListFilter, 'limit' | 'offset'>, afterId: string, limit: number) {
  return db
    .select(listColumns)
    .from(complaints)
    .innerJoin(regions, eq(regions.code, complaints.regionCode))
    .where(and(handlerWhere(f), gt(complaints.id, afterId)))
    .orderBy(asc(complaints.id))
    .limit(limit)
    .all();
}

export async function countForHandler(db: Db, f: Omit<HandlerListFilter, 'limit' | 'offset'>): Promise<number> {
  const row = await db.select({ n: sql<number>`count(*)` }).from(complaints).where(handlerWhere(f)).get();
  return row?.n ?? 0;
}

/** Public content rule in SQL: not confidential, verified, not refused or archived. Keep in sync with present.ts. */
export function publiclyListed(): SQL {
  return and(eq(complaints.isConfidential, false), isNotNull(complaints.verifiedAt), notInArray(complaints.status, ['ditolak', 'diarsipkan'])) as SQL;
}

export interface PublicListFilter {
  regionCode: string;
  statuses?: ComplaintStatus[] | undefined;
  limit: number;
  offset?: number;
}

function publicWhere(f: PublicListFilter): SQL {
  const conds: SQL[] = [inTrees(complaints.originRegionCode, [f.regionCode]), publiclyListed()];
  if (f.statuses) conds.push(inArray(complaints.status, f.statuses));
  return and(...conds) as SQL;
}

export function listPublic(db: Db, f: PublicListFilter) {
  return db
    .select({ ...listColumns, regionName: regions.name, regionLevel: regions.level, regionPath: regions.path, categoryName: complaintCategories.name })
    .from(complaints)
    .innerJoin(regions, eq(regions.code, complaints.originRegionCode))
    .innerJoin(complaintCategories, eq(complaintCategories.id, complaints.categoryId))
    .where(publicWhere(f))
    .orderBy(desc(complaints.createdAt), desc(complaints.id))
    .limit(f.limit)
    .offset(f.offset ?? 0)
    .all();
}

export async function countPublic(db: Db, f: Omit<PublicListFilter, 'limit' | 'offset'>): Promise<number> {
  const row = await db
    .select({ n: sql<number>`count(*)` })
    .from(complaints)
    .where(publicWhere({ ...f, limit: 0 }))
    .get();
  return row?.n ?? 0;
}

/** Counts by status and on-time flag over a region's subtree (confidential reports included: numbers only). */
export function figureRows(db: Db, regionCode: string, childCodeLength?: number) {
  const group = childCodeLength ? sql<string>`substr(${complaints.originRegionCode}, 1, ${childCodeLength})` : sql<string>`''`;
  return db
    .select({ group, status: complaints.status, onTime: complaints.onTime, n: sql<number>`count(*)` })
    .from(complaints)
    .where(and(inTrees(complaints.originRegionCode, [regionCode]), ne(complaints.status, 'diarsipkan'), isNotNull(complaints.verifiedAt)))
    .groupBy(group, complaints.status, complaints.onTime)
    .all();
}

export function publicPoints(db: Db, regionCode: string) {
  return db
    .select({
      ticket: complaints.ticket,
      title: complaints.title,
      status: complaints.status,
      lat: complaints.lat,
      lng: complaints.lng,
      isAnonymous: complaints.isAnonymous,
      exactLocationPublic: complaints.exactLocationPublic,
    })
    .from(complaints)
    .where(and(inTrees(complaints.originRegionCode, [regionCode]), publiclyListed(), isNotNull(complaints.lat), isNotNull(complaints.lng)))
    .orderBy(desc(complaints.createdAt))
    .limit(500)
    .all();
}

export function dueForAutoclose(db: Db, now: number, limit = 200) {
  return db
    .select()
    .from(complaints)
    .where(and(eq(complaints.status, 'ditindaklanjuti'), isNotNull(complaints.autocloseAt), lte(complaints.autocloseAt, now)))
    .orderBy(asc(complaints.autocloseAt))
    .limit(limit)
    .all();
}

/** Reports whose deadlines depend on the calendar (open ones, and finished ones still within the reopen window). */
export function withRunningClocks(db: Db, now: number) {
  return db
    .select()
    .from(complaints)
    .where(
      or(
        inArray(complaints.status, ['diterima', 'diverifikasi', 'didisposisikan', 'ditindaklanjuti']),
        and(eq(complaints.status, 'selesai'), gt(complaints.reopenUntil, now - 30 * 86_400_000)),
      ),
    )
    .all();
}

/** Partner change feed: ordered by (updated_at, id) for a stable keyset cursor. */
/** The partner feed: changes after sequence `afterSeq` in commit order (first page: changed at/after `since`). */
export function changesAfter(db: Db, q: { since: number | null; afterSeq: number | null; limit: number }) {
  const where = q.afterSeq !== null ? gt(complaints.changeSeq, q.afterSeq) : q.since !== null ? gte(complaints.updatedAt, q.since) : undefined;
  return db.select().from(complaints).where(where).orderBy(asc(complaints.changeSeq)).limit(q.limit).all();
}

export function findAttachmentById(db: Db, attachmentId: string) {
  return db.select().from(complaintAttachments).where(eq(complaintAttachments.id, attachmentId)).get();
}

export function findAttachment(db: Db, complaintId: string, attachmentId: string) {
  return db
    .select()
    .from(complaintAttachments)
    .where(and(eq(complaintAttachments.complaintId, complaintId), eq(complaintAttachments.id, attachmentId)))
    .get();
}
