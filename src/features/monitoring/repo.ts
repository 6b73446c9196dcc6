import { and, asc, count, desc, eq, gt, gte, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { monitoringFlags, monitoringRegionStatus, regions } from '../../db/schema';
import { DAY_MS } from '../../lib/time';
import { inSubtrees } from '../../regions/sql';
import type { MonitoringQuery } from './schemas';

/** Columns of a monitoring table row (region + latest status). */
const rowColumns = {
  code: regions.code,
  name: regions.name,
  level: regions.level,
  parentCode: regions.parentCode,
  path: regions.path,
  stage: regions.stage,
  freshness: monitoringRegionStatus.freshness,
  lastContentAt: monitoringRegionStatus.lastContentAt,
  lastContentUpdate: regions.lastContentUpdate,
  freshSince: monitoringRegionStatus.freshSince,
  checklistTotal: monitoringRegionStatus.checklistTotal,
  checklistDone: monitoringRegionStatus.checklistDone,
  deadlinesNear: monitoringRegionStatus.deadlinesNear,
  deadlinesOverdue: monitoringRegionStatus.deadlinesOverdue,
  deadlinesLongOverdue: monitoringRegionStatus.deadlinesLongOverdue,
  deadlinesClosed: monitoringRegionStatus.deadlinesClosed,
  deadlinesClosedOnTime: monitoringRegionStatus.deadlinesClosedOnTime,
  onTimeSince: monitoringRegionStatus.onTimeSince,
  score: monitoringRegionStatus.score,
  rollupScore: monitoringRegionStatus.rollupScore,
};

/** SQL form of score.ts handoverReady (same rule, for filtering). */
export function readySql(readinessDays: number, now: number): SQL {
  const since = now - readinessDays * DAY_MS;
  return and(
    eq(regions.stage, 'pendampingan'),
    eq(monitoringRegionStatus.freshness, 'segar'),
    lte(monitoringRegionStatus.freshSince, since),
    lte(monitoringRegionStatus.onTimeSince, since),
    sql`COALESCE(${monitoringRegionStatus.deadlinesOverdue}, 0) = 0`,
    sql`COALESCE(${monitoringRegionStatus.deadlinesClosed}, 0) = COALESCE(${monitoringRegionStatus.deadlinesClosedOnTime}, 0)`,
  ) as SQL;
}

function filterSql(roots: string[], q: Partial<MonitoringQuery>, readiness: { days: number; now: number }): SQL {
  const conds: SQL[] = [inSubtrees(regions.code, roots)];
  if (q.kecamatan) conds.push(inSubtrees(regions.code, [q.kecamatan]));
  if (q.tingkat) conds.push(eq(regions.level, q.tingkat));
  if (q.tahap) conds.push(eq(regions.stage, q.tahap));
  if (q.kesegaran === 'belum') conds.push(isNull(monitoringRegionStatus.freshness));
  else if (q.kesegaran) conds.push(eq(monitoringRegionStatus.freshness, q.kesegaran));
  if (q.kelengkapan === 'kurang') conds.push(lt(monitoringRegionStatus.checklistDone, monitoringRegionStatus.checklistTotal));
  if (q.kelengkapan === 'lengkap') conds.push(gte(monitoringRegionStatus.checklistDone, monitoringRegionStatus.checklistTotal));
  if (q.siap) conds.push(readySql(readiness.days, readiness.now));
  return and(...conds) as SQL;
}

/**
 * How urgently a region needs someone (0 = most): long-overdue and overdue deadlines, stale content, missing mandatory
 * documents, deadlines near, content ageing; then regions without a scan yet; regions with nothing to do last.
 */
export const ATTENTION_NONE = 7;
const attentionRankSql = sql<number>`CASE
  WHEN COALESCE(${monitoringRegionStatus.deadlinesLongOverdue}, 0) > 0 THEN 0
  WHEN COALESCE(${monitoringRegionStatus.deadlinesOverdue}, 0) > 0 THEN 1
  WHEN ${monitoringRegionStatus.freshness} = 'usang' THEN 2
  WHEN ${monitoringRegionStatus.checklistDone} < ${monitoringRegionStatus.checklistTotal} THEN 3
  WHEN COALESCE(${monitoringRegionStatus.deadlinesNear}, 0) > 0 THEN 4
  WHEN ${monitoringRegionStatus.freshness} = 'perlu_pembaruan' THEN 5
  WHEN ${monitoringRegionStatus.freshness} IS NULL THEN 6
  ELSE ${ATTENTION_NONE} END`;

function orderSql(q: Pick<MonitoringQuery, 'urut' | 'arah'>): SQL[] {
  const dir = (c: SQL | AnySQLiteColumn) => (q.arah === 'turun' ? desc(c) : asc(c));
  const nullsLast = (c: SQL) => sql`(${c}) IS NULL`;
  switch (q.urut) {
    case 'nama':
      return [dir(regions.name), asc(regions.code)];
    case 'skor':
      return [asc(nullsLast(sql`${monitoringRegionStatus.score}`)), dir(sql`${monitoringRegionStatus.score}`), asc(regions.code)];
    case 'hari':
      // "naik" = longest without an update first (never updated before everything).
      return [
        q.arah === 'turun' ? desc(sql`COALESCE(${monitoringRegionStatus.lastContentAt}, 0)`) : asc(sql`COALESCE(${monitoringRegionStatus.lastContentAt}, 0)`),
        asc(regions.code),
      ];
    case 'kelengkapan':
      return [
        asc(nullsLast(sql`${monitoringRegionStatus.checklistTotal}`)),
        dir(sql`CAST(${monitoringRegionStatus.checklistDone} AS REAL) / MAX(${monitoringRegionStatus.checklistTotal}, 1)`),
        asc(regions.code),
      ];
    case 'tenggat':
      return [
        q.arah === 'turun'
          ? asc(sql`COALESCE(${monitoringRegionStatus.deadlinesOverdue}, 0)`)
          : desc(sql`COALESCE(${monitoringRegionStatus.deadlinesOverdue}, 0)`),
        desc(sql`COALESCE(${monitoringRegionStatus.deadlinesNear}, 0)`),
        asc(regions.code),
      ];
    case 'perhatian':
      return [q.arah === 'turun' ? desc(attentionRankSql) : asc(attentionRankSql), asc(sql`COALESCE(${monitoringRegionStatus.score}, 101)`), asc(regions.code)];
    default:
      return [dir(regions.code)];
  }
}

/** Rows per page: a phone scrolls a few screens, not sixty. */
export const PAGE_SIZE = 25;

/** One page of the monitoring table (filters and sort in SQL; works the same for 160 or 10,000 regions). */
export async function listMonitoringRows(db: Db, roots: string[], q: MonitoringQuery, readiness: { days: number; now: number }, pageSize: number = PAGE_SIZE) {
  const where = filterSql(roots, q, readiness);
  const parent = alias(regions, 'parent');
  const [rows, total, attention] = await Promise.all([
    db
      .select({ ...rowColumns, parentName: parent.name })
      .from(regions)
      .leftJoin(monitoringRegionStatus, eq(monitoringRegionStatus.regionCode, regions.code))
      .leftJoin(parent, eq(parent.code, regions.parentCode))
      .where(where)
      .orderBy(...orderSql(q))
      .limit(pageSize)
      .offset((q.halaman - 1) * pageSize)
      .all(),
    db.select({ n: count() }).from(regions).leftJoin(monitoringRegionStatus, eq(monitoringRegionStatus.regionCode, regions.code)).where(where).get(),
    db
      .select({
        needing: sql<number>`COALESCE(SUM(CASE WHEN ${attentionRankSql} < 6 THEN 1 ELSE 0 END), 0)`,
        unscanned: sql<number>`COALESCE(SUM(CASE WHEN ${monitoringRegionStatus.freshness} IS NULL THEN 1 ELSE 0 END), 0)`,
      })
      .from(regions)
      .leftJoin(monitoringRegionStatus, eq(monitoringRegionStatus.regionCode, regions.code))
      .where(where)
      .get(),
  ]);
  return { rows, total: total?.n ?? 0, needingAttention: attention?.needing ?? 0, unscanned: attention?.unscanned ?? 0 };
}
export type MonitoringRow = Awaited<ReturnType<typeof listMonitoringRows>>['rows'][number];

/** Kecamatan rollups in the actor's scope: one grouped query. */
export async function kecamatanRollups(db: Db, roots: string[]) {
  const village = alias(regions, 'village');
  const vs = alias(monitoringRegionStatus, 'vs');
  return db
    .select({
      code: regions.code,
      name: regions.name,
      score: monitoringRegionStatus.score,
      rollupScore: monitoringRegionStatus.rollupScore,
      villages: sql<number>`COUNT(${village.code})`,
      staleVillages: sql<number>`COALESCE(SUM(CASE WHEN ${vs.freshness} = 'usang' THEN 1 ELSE 0 END), 0)`,
      incompleteVillages: sql<number>`COALESCE(SUM(CASE WHEN ${vs.checklistDone} < ${vs.checklistTotal} THEN 1 ELSE 0 END), 0)`,
      overdue: sql<number>`COALESCE(SUM(${vs.deadlinesOverdue}), 0) + COALESCE(MAX(${monitoringRegionStatus.deadlinesOverdue}), 0)`,
    })
    .from(regions)
    .leftJoin(monitoringRegionStatus, eq(monitoringRegionStatus.regionCode, regions.code))
    .leftJoin(village, eq(village.parentCode, regions.code))
    .leftJoin(vs, eq(vs.regionCode, village.code))
    .where(and(eq(regions.level, 'kecamatan'), inSubtrees(regions.code, roots)))
    .groupBy(regions.code)
    .orderBy(asc(regions.name))
    .all();
}

export async function regionStatusOf(db: Db, code: string) {
  const parent = alias(regions, 'parent');
  return db
    .select({ ...rowColumns, parentName: parent.name })
    .from(regions)
    .leftJoin(monitoringRegionStatus, eq(monitoringRegionStatus.regionCode, regions.code))
    .leftJoin(parent, eq(parent.code, regions.parentCode))
    .where(eq(regions.code, code))
    .get();
}

export async function flagsOfRegion(db: Db, code: string, opts: { resolvedLimit: number }) {
  const [open, resolved] = await Promise.all([
    db
      .select()
      .from(monitoringFlags)
      .where(and(eq(monitoringFlags.regionCode, code), isNull(monitoringFlags.resolvedAt)))
      .orderBy(asc(monitoringFlags.kind), asc(monitoringFlags.openedAt))
      .all(),
    db
      .select()
      .from(monitoringFlags)
      .where(and(eq(monitoringFlags.regionCode, code), isNotNull(monitoringFlags.resolvedAt)))
      .orderBy(desc(monitoringFlags.resolvedAt))
      .limit(opts.resolvedLimit)
      .all(),
  ]);
  return { open, resolved };
}

/** Open flags of the regions in [fromCode, toCode] (a page of the API, by code range: no long IN lists). */
export async function openFlagsInRange(db: Db, fromCode: string, toCode: string) {
  return db
    .select()
    .from(monitoringFlags)
    .where(and(gte(monitoringFlags.regionCode, fromCode), lte(monitoringFlags.regionCode, toCode), isNull(monitoringFlags.resolvedAt)))
    .orderBy(asc(monitoringFlags.regionCode), asc(monitoringFlags.kind), asc(monitoringFlags.openedAt))
    .all();
}

export interface ApiFilter {
  level?: (typeof regions.level.enumValues)[number];
  kecamatan?: string;
  freshness?: 'segar' | 'perlu_pembaruan' | 'usang';
  afterCode?: string;
  limit: number;
}

/** Keyset page by code for the partner API. */
export async function listForApi(db: Db, f: ApiFilter) {
  const conds: SQL[] = [];
  if (f.level) conds.push(eq(regions.level, f.level));
  if (f.kecamatan) conds.push(inSubtrees(regions.code, [f.kecamatan]));
  if (f.freshness) conds.push(eq(monitoringRegionStatus.freshness, f.freshness));
  if (f.afterCode) conds.push(gt(regions.code, f.afterCode));
  return db
    .select(rowColumns)
    .from(regions)
    .leftJoin(monitoringRegionStatus, eq(monitoringRegionStatus.regionCode, regions.code))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(regions.code))
    .limit(f.limit)
    .all();
}

/** Open flags that may concern a user (narrowed in SQL per membership; audience.ts decides exactly). */
export async function candidateFlagsFor(db: Db, conditions: SQL[], limit = 200) {
  if (conditions.length === 0) return [];
  return db
    .select({ flag: monitoringFlags, regionName: regions.name, regionLevel: regions.level, stage: regions.stage })
    .from(monitoringFlags)
    .innerJoin(regions, eq(regions.code, monitoringFlags.regionCode))
    .where(and(isNull(monitoringFlags.resolvedAt), or(...conditions)))
    .orderBy(
      sql`CASE ${monitoringFlags.state}
        WHEN 'lewat_lama' THEN 0 WHEN 'lewat' THEN 1 WHEN 'usang' THEN 2 WHEN 'mendekati' THEN 3 WHEN 'belum_ada' THEN 4 ELSE 5 END`,
      asc(monitoringFlags.subjectAt),
      asc(monitoringFlags.regionCode),
    )
    .limit(limit)
    .all();
}

export async function countStale(db: Db, roots: string[]) {
  const row = await db
    .select({ n: count() })
    .from(monitoringRegionStatus)
    .where(and(eq(monitoringRegionStatus.freshness, 'usang'), inSubtrees(monitoringRegionStatus.regionCode, roots)))
    .get();
  return row?.n ?? 0;
}

/** Deadline flags escalated to the regency (long past due) in the roots. */
export async function countEscalated(db: Db, roots: string[]) {
  const row = await db
    .select({ n: count() })
    .from(monitoringFlags)
    .where(
      and(
        eq(monitoringFlags.kind, 'tenggat'),
        eq(monitoringFlags.state, 'lewat_lama'),
        isNull(monitoringFlags.resolvedAt),
        inSubtrees(monitoringFlags.regionCode, roots),
      ),
    )
    .get();
  return row?.n ?? 0;
}
