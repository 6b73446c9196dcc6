// Officers' reads: lists narrowed to the actor's subtrees first (village packages) plus, for `tender.regency`
// holders, the regency's SPSE/SiRUP packages.
import { and, asc, count, desc, eq, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog, regions, tenders, type TenderSource } from '../../db/schema';
import { escapeLike } from '../../regions/repo';
import { inSubtrees } from '../../regions/sql';
import type { PublishStatus } from '../../publishing/workflow';

export interface AdminScope {
  /** Subtrees where the actor prepares or reviews village procurement. */
  villageRoots: string[];
  /** The actor enters regency packages (`tender.regency`). */
  regency: boolean;
}

function scopeCondition(s: AdminScope): SQL | null {
  const parts: SQL[] = [];
  if (s.villageRoots.length) parts.push(and(eq(tenders.source, 'desa'), inSubtrees(tenders.regionCode, s.villageRoots)) as SQL);
  if (s.regency) parts.push(inArray(tenders.source, ['spse', 'sirup']));
  if (parts.length === 0) return null;
  return (parts.length === 1 ? parts[0] : or(...parts)) as SQL;
}

export interface AdminListFilter {
  regionCode?: string;
  source?: TenderSource;
  publishStatus?: PublishStatus;
  overdueAt?: number;
  q?: string;
  limit: number;
  offset: number;
}

export async function listTendersForAdmin(db: Db, scope: AdminScope, f: AdminListFilter) {
  const scoped = scopeCondition(scope);
  if (!scoped) return { rows: [], total: 0 };
  const conds: SQL[] = [scoped, isNull(tenders.deletedAt)];
  if (f.regionCode) conds.push(inSubtrees(tenders.regionCode, [f.regionCode]));
  if (f.source) conds.push(eq(tenders.source, f.source));
  if (f.publishStatus) conds.push(eq(tenders.publishStatus, f.publishStatus));
  if (f.overdueAt !== undefined) conds.push(lte(tenders.updateDueAt, f.overdueAt));
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    conds.push(sql`(${tenders.name} LIKE ${like} ESCAPE '\\' OR ${tenders.externalCode} LIKE ${like} ESCAPE '\\')`);
  }
  const where = and(...conds);
  const [rows, total] = await Promise.all([
    db
      .select({
        id: tenders.id,
        source: tenders.source,
        externalCode: tenders.externalCode,
        name: tenders.name,
        ownerName: tenders.ownerName,
        pagu: tenders.pagu,
        status: tenders.status,
        publishStatus: tenders.publishStatus,
        updateDueAt: tenders.updateDueAt,
        fiscalYear: tenders.fiscalYear,
        updatedAt: tenders.updatedAt,
        regionCode: tenders.regionCode,
        regionName: regions.name,
        regionLevel: regions.level,
      })
      .from(tenders)
      .innerJoin(regions, eq(regions.code, tenders.regionCode))
      .where(where)
      .orderBy(desc(tenders.updatedAt), desc(tenders.id))
      .limit(f.limit)
      .offset(f.offset)
      .all(),
    db.select({ n: count() }).from(tenders).where(where).get(),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type AdminTenderRow = Awaited<ReturnType<typeof listTendersForAdmin>>['rows'][number];

/** Village packages waiting for review in some subtrees, oldest first (with the region's stage for the policy). */
export async function tendersWaitingForReview(db: Db, roots: string[]) {
  return db
    .select({ id: tenders.id, name: tenders.name, regionCode: tenders.regionCode, regionStage: regions.stage, updatedAt: tenders.updatedAt })
    .from(tenders)
    .innerJoin(regions, eq(regions.code, tenders.regionCode))
    .where(and(eq(tenders.source, 'desa'), eq(tenders.publishStatus, 'menunggu_tinjauan'), isNull(tenders.deletedAt), inSubtrees(tenders.regionCode, roots)))
    .orderBy(asc(tenders.updatedAt))
    .limit(200)
    .all();
}

/** Village packages of this author that a reviewer sent back. */
export async function countRejectedTendersOf(db: Db, userId: string): Promise<number> {
  const row = await db
    .select({ n: count() })
    .from(tenders)
    .where(and(eq(tenders.publishStatus, 'ditolak'), eq(tenders.createdBy, userId), isNull(tenders.deletedAt)))
    .get();
  return row?.n ?? 0;
}

/** Published packages whose expected update (winner, contract) is overdue, in the actor's scope, oldest first. */
export async function overdueTenders(db: Db, scope: AdminScope, now: number) {
  const scoped = scopeCondition(scope);
  if (!scoped) return [];
  return db
    .select({ id: tenders.id, name: tenders.name, regionCode: tenders.regionCode, updateDueAt: tenders.updateDueAt })
    .from(tenders)
    .where(and(scoped, lte(tenders.updateDueAt, now), eq(tenders.publishStatus, 'terbit'), isNull(tenders.deletedAt)))
    .orderBy(asc(tenders.updateDueAt))
    .limit(200)
    .all();
}

/** A package's audit history for its admin page (newest first). */
export async function tenderHistory(db: Db, id: string) {
  return db
    .select({ at: auditLog.at, actorName: auditLog.actorName, summary: auditLog.summary })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'tender'), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.at))
    .limit(30)
    .all();
}
