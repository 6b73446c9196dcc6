import { and, asc, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { publishedDocument } from '../../publishing/visibility';
import type { Db } from '../../db/client';
import { documents, INFO_REQUEST_STATUSES, infoObjections, infoRequestEvents, infoRequests, ppidInfoItems, ppidProfiles, regions } from '../../db/schema';
import { loadHolidayCalendar } from '../../lib/holiday-calendar';
import { inSubtrees } from '../../regions/sql';

/** Region scope: the shared rule in src/regions/sql.ts. */
export const inRegionTrees = inSubtrees;

/** The working-day calendar, loaded from the editable `holidays` table (one loader for every feature). */
export const loadCalendar = loadHolidayCalendar;

export function findProfile(db: Db, regionCode: string) {
  return db.select().from(ppidProfiles).where(eq(ppidProfiles.regionCode, regionCode)).get();
}

export function listInfoItems(db: Db, regionCode: string) {
  return db
    .select()
    .from(ppidInfoItems)
    .where(and(eq(ppidInfoItems.regionCode, regionCode), isNull(ppidInfoItems.deletedAt)))
    .orderBy(asc(ppidInfoItems.infoCategory), desc(ppidInfoItems.year), asc(ppidInfoItems.title))
    .all();
}

export function findInfoItem(db: Db, id: string) {
  return db
    .select()
    .from(ppidInfoItems)
    .where(and(eq(ppidInfoItems.id, id), isNull(ppidInfoItems.deletedAt)))
    .get();
}

/** Documents of the region that belong in the DIP (published, with at least one uploaded version). */
export function listDipDocuments(db: Db, regionCode: string) {
  return db
    .select({
      id: documents.id,
      title: documents.title,
      description: documents.description,
      category: documents.category,
      infoCategory: documents.infoCategory,
      responsibleUnit: documents.responsibleUnit,
      retentionPeriod: documents.retentionPeriod,
      year: documents.year,
      mime: documents.currentMime,
      size: documents.currentSize,
      exemptionLegalBasis: documents.exemptionLegalBasis,
      consequenceTestSummary: documents.consequenceTestSummary,
      updatedAt: documents.updatedAt,
    })
    .from(documents)
    .where(and(eq(documents.regionCode, regionCode), publishedDocument()))
    .orderBy(desc(documents.year), asc(documents.title))
    .all();
}
export type DipDocumentRow = Awaited<ReturnType<typeof listDipDocuments>>[number];

export function findRequestByNumber(db: Db, number: string) {
  return db.select().from(infoRequests).where(eq(infoRequests.number, number)).get();
}

export function findRequestById(db: Db, id: string) {
  return db.select().from(infoRequests).where(eq(infoRequests.id, id)).get();
}

export function findObjection(db: Db, regionCode: string, requestId: string) {
  return db
    .select()
    .from(infoObjections)
    .where(and(eq(infoObjections.regionCode, regionCode), eq(infoObjections.requestId, requestId)))
    .get();
}

export function listEvents(db: Db, regionCode: string, requestId: string) {
  return db
    .select()
    .from(infoRequestEvents)
    .where(and(eq(infoRequestEvents.regionCode, regionCode), eq(infoRequestEvents.requestId, requestId)))
    .orderBy(asc(infoRequestEvents.at), asc(infoRequestEvents.id))
    .all();
}

/** Columns for officer lists: no personal data beyond the requester's name. */
const listColumns = {
  id: infoRequests.id,
  number: infoRequests.number,
  regionCode: infoRequests.regionCode,
  regionName: regions.name,
  regionLevel: regions.level,
  status: infoRequests.status,
  requesterName: infoRequests.requesterName,
  information: infoRequests.information,
  registeredAt: infoRequests.registeredAt,
  dueAt: infoRequests.dueAt,
  answeredAt: infoRequests.answeredAt,
  decision: infoRequests.decision,
  objectionStatus: infoObjections.status,
  objectionDueAt: infoObjections.dueAt,
  isDemo: infoRequests.isDemo,
};

export type RequestListFilter = 'terbuka' | 'dijawab' | 'keberatan' | 'semua';

/** Statuses of a request still waiting for its answer (every status but `dijawab`). */
const OPEN_STATUSES = INFO_REQUEST_STATUSES.filter((s) => s !== 'dijawab');

export function listRequests(db: Db, roots: readonly string[], filter: RequestListFilter, limit = 200) {
  const conds: SQL[] = [inRegionTrees(infoRequests.regionCode, roots)];
  // Open requests as an IN list (not `<> 'dijawab'`): SQLite then reads only them through (status, due_at) instead of
  // every request of ten years (bench/volume.md).
  if (filter === 'terbuka') conds.push(inArray(infoRequests.status, OPEN_STATUSES));
  if (filter === 'dijawab') conds.push(eq(infoRequests.status, 'dijawab'));
  if (filter === 'keberatan') conds.push(eq(infoObjections.status, 'diajukan'));
  return db
    .select(listColumns)
    .from(infoRequests)
    .innerJoin(regions, eq(regions.code, infoRequests.regionCode))
    .leftJoin(infoObjections, eq(infoObjections.requestId, infoRequests.id))
    .where(and(...conds))
    .orderBy(
      filter === 'terbuka' || filter === 'keberatan' ? asc(sql`COALESCE(${infoObjections.dueAt}, ${infoRequests.dueAt})`) : desc(infoRequests.registeredAt),
    )
    .limit(limit)
    .all();
}
export type RequestListRow = Awaited<ReturnType<typeof listRequests>>[number];

/**
 * Per-region counts inside the roots: requests and pending objections are counted apart, each from an index that
 * holds every column it reads (region_code, status, due_at), and merged here. One join of every request of ten years
 * with its objection read each request's row (bench/volume.md). An objection belongs to its request's region.
 */
export async function regionFigures(db: Db, roots: readonly string[], now: number) {
  const counted = db
    .select({
      regionCode: infoRequests.regionCode,
      total: sql<number>`COUNT(*)`.as('total'),
      open: sql<number>`SUM(CASE WHEN ${infoRequests.status} <> 'dijawab' THEN 1 ELSE 0 END)`.as('open'),
      overdue: sql<number>`SUM(CASE WHEN ${infoRequests.status} <> 'dijawab' AND ${infoRequests.dueAt} < ${now} THEN 1 ELSE 0 END)`.as('overdue'),
      answered: sql<number>`SUM(CASE WHEN ${infoRequests.status} = 'dijawab' THEN 1 ELSE 0 END)`.as('answered'),
    })
    .from(infoRequests)
    .where(inRegionTrees(infoRequests.regionCode, roots))
    .groupBy(infoRequests.regionCode)
    .as('counted');
  const [requests, objections] = await Promise.all([
    db
      .select({
        regionCode: counted.regionCode,
        regionName: regions.name,
        regionLevel: regions.level,
        total: counted.total,
        open: counted.open,
        overdue: counted.overdue,
        answered: counted.answered,
      })
      .from(counted)
      .innerJoin(regions, eq(regions.code, counted.regionCode))
      .orderBy(asc(counted.regionCode))
      .all(),
    db
      .select({ regionCode: infoObjections.regionCode, pending: sql<number>`COUNT(*)` })
      .from(infoObjections)
      .where(and(inRegionTrees(infoObjections.regionCode, roots), eq(infoObjections.status, 'diajukan')))
      .groupBy(infoObjections.regionCode)
      .all(),
  ]);
  const pending = new Map(objections.map((o) => [o.regionCode, o.pending]));
  return requests.map((r) => ({ ...r, objectionsPending: pending.get(r.regionCode) ?? 0 }));
}

export type RegionFigureRow = Awaited<ReturnType<typeof regionFigures>>[number];

/** Everything the annual report needs for one subtree and one window of registration instants. */
export function reportRows(db: Db, regionCode: string, from: number, to: number) {
  return db
    .select({
      regionCode: infoRequests.regionCode,
      status: infoRequests.status,
      requesterType: infoRequests.requesterType,
      registeredAt: infoRequests.registeredAt,
      dueAt: infoRequests.dueAt,
      extendedAt: infoRequests.extendedAt,
      answeredAt: infoRequests.answeredAt,
      decision: infoRequests.decision,
      refusalReason: infoRequests.refusalReason,
      objectionStatus: infoObjections.status,
      objectionOutcome: infoObjections.outcome,
      objectionFiledAt: infoObjections.filedAt,
      objectionDueAt: infoObjections.dueAt,
      objectionDecidedAt: infoObjections.decidedAt,
      commissionAt: infoObjections.commissionAt,
    })
    .from(infoRequests)
    .leftJoin(infoObjections, eq(infoObjections.requestId, infoRequests.id))
    .where(and(inRegionTrees(infoRequests.regionCode, [regionCode]), gte(infoRequests.registeredAt, from), lt(infoRequests.registeredAt, to)))
    .all();
}
export type ReportRow = Awaited<ReturnType<typeof reportRows>>[number];

/** Counts for the admin "Perlu tindakan" list. */
export function attentionCounts(db: Db, roots: readonly string[], now: number, soon: number) {
  return db
    .select({
      overdue: sql<number>`COALESCE(SUM(CASE WHEN ${infoRequests.status} <> 'dijawab' AND ${infoRequests.dueAt} < ${now} THEN 1 ELSE 0 END), 0)`,
      nearDue: sql<number>`COALESCE(SUM(CASE WHEN ${infoRequests.status} <> 'dijawab'
        AND ${infoRequests.dueAt} >= ${now} AND ${infoRequests.dueAt} <= ${soon} THEN 1 ELSE 0 END), 0)`,
      objections: sql<number>`COALESCE(SUM(CASE WHEN ${infoObjections.status} = 'diajukan' THEN 1 ELSE 0 END), 0)`,
      objectionsOverdue: sql<number>`COALESCE(SUM(CASE WHEN ${infoObjections.status} = 'diajukan' AND ${infoObjections.dueAt} < ${now} THEN 1 ELSE 0 END), 0)`,
    })
    .from(infoRequests)
    .leftJoin(infoObjections, eq(infoObjections.requestId, infoRequests.id))
    .where(inRegionTrees(infoRequests.regionCode, roots))
    .get();
}

/** Region rows for pickers (code, name, level) inside the roots, outermost first. */
export function regionsWithin(db: Db, roots: readonly string[], maxDepth: 'kecamatan' | 'all' = 'all') {
  const conds: SQL[] = [inRegionTrees(regions.code, roots)];
  if (maxDepth === 'kecamatan') conds.push(sql`${regions.level} IN ('kabupaten', 'kecamatan')`);
  return db
    .select({ code: regions.code, name: regions.name, level: regions.level, path: regions.path })
    .from(regions)
    .where(and(...conds))
    .orderBy(asc(regions.code))
    .all();
}

export function findRegion(db: Db, code: string) {
  return db
    .select({ code: regions.code, name: regions.name, level: regions.level, path: regions.path, stage: regions.stage })
    .from(regions)
    .where(eq(regions.code, code))
    .get();
}
