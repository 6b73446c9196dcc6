import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { monitoringRegionStatus, regions, type RegionStatusRow } from '../../db/schema';
import type { Statement } from './batch';
import { regionScore, rollupScores } from './score';

export interface RegionLite {
  code: string;
  name: string;
  level: 'kabupaten' | 'kecamatan' | 'desa' | 'kelurahan';
  parentCode: string | null;
  path: string;
  stage: 'diskominfo' | 'pendampingan' | 'mandiri';
}

/** Every region (small columns only): one query, ~160 rows today, 10,000 planned. */
export async function loadRegionsLite(db: Db): Promise<RegionLite[]> {
  return db
    .select({ code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode, path: regions.path, stage: regions.stage })
    .from(regions)
    .orderBy(asc(regions.code))
    .all();
}

export async function loadStatuses(db: Db): Promise<Map<string, RegionStatusRow>> {
  const rows = await db.select().from(monitoringRegionStatus).all();
  return new Map(rows.map((r) => [r.regionCode, r]));
}

export function emptyStatus(regionCode: string, now: number): RegionStatusRow {
  return {
    regionCode,
    freshness: null,
    lastContentAt: null,
    freshSince: null,
    checklistTotal: null,
    checklistDone: null,
    deadlinesNear: null,
    deadlinesOverdue: null,
    deadlinesLongOverdue: null,
    deadlinesClosed: null,
    deadlinesClosedOnTime: null,
    onTimeSince: null,
    score: null,
    rollupScore: null,
    updatedAt: now,
  };
}

/** Parent region whose officers a past-due item escalates to (kecamatan for a desa, the regency for a kecamatan). */
export function parentOf(r: RegionLite, rootCode: string): string {
  return r.parentCode ?? rootCode;
}

export type StatusColumn = Exclude<keyof RegionStatusRow, 'regionCode' | 'updatedAt' | 'score' | 'rollupScore'>;

/**
 * Recomputes every region's score and rollup from `next` (the job's new components over the previous snapshot) and
 * returns upserts for the rows that changed only. A job writes only its own columns plus the scores, so jobs that
 * overlap do not overwrite each other's components.
 */
export function statusWrites(
  db: Db,
  regionList: readonly RegionLite[],
  before: ReadonlyMap<string, RegionStatusRow>,
  next: Map<string, RegionStatusRow>,
  columns: readonly StatusColumn[],
  now: number,
): Statement[] {
  for (const r of regionList) {
    const row = next.get(r.code) ?? emptyStatus(r.code, now);
    row.score = regionScore(row);
    next.set(r.code, row);
  }
  const rollups = rollupScores(regionList.map((r) => ({ code: r.code, score: next.get(r.code)?.score ?? null })));
  const out: Statement[] = [];
  for (const r of regionList) {
    const row = next.get(r.code)!;
    row.rollupScore = rollups.get(r.code) ?? null;
    const prev = before.get(r.code);
    const changed = !prev || [...columns, 'score' as const, 'rollupScore' as const].some((k) => prev[k] !== row[k]);
    if (!changed) continue;
    row.updatedAt = now;
    const set: Partial<RegionStatusRow> = { score: row.score, rollupScore: row.rollupScore, updatedAt: now };
    for (const k of columns) (set as Record<string, unknown>)[k] = row[k];
    out.push(db.insert(monitoringRegionStatus).values(row).onConflictDoUpdate({ target: monitoringRegionStatus.regionCode, set }));
  }
  return out;
}

/** A mutable copy of the snapshot for a job to edit. */
export function cloneStatuses(before: ReadonlyMap<string, RegionStatusRow>): Map<string, RegionStatusRow> {
  return new Map([...before].map(([k, v]) => [k, { ...v }]));
}
