import { and, asc, count, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { regions, type ManagementStage, type RegionLevel } from '../db/schema';
import { containsPattern, escapeLike } from '../lib/validation';
import { inSubtrees } from '../regions/sql';

/** A region in an officer's admin lists (home, stages). */
export interface ManagedRegion {
  code: string;
  name: string;
  level: RegionLevel;
  path: string;
  stage: ManagementStage;
  lastContentUpdate: number | null;
}

export interface RegionAdminFilter {
  roots: string[];
  kecamatan?: string;
  stage?: ManagementStage;
  level?: RegionLevel;
  /** Part of the name, or the start of a code ("64.08.04"). */
  search?: string;
  /** Only these codes (at most 90: D1 binds 100 parameters per statement). */
  codes?: string[];
  limit?: number;
  offset?: number;
}

export async function listManagedRegions(db: Db, f: RegionAdminFilter) {
  const conds: SQL[] = [inSubtrees(regions.code, f.roots)];
  if (f.kecamatan) conds.push(inSubtrees(regions.code, [f.kecamatan]));
  if (f.stage) conds.push(eq(regions.stage, f.stage));
  if (f.level) conds.push(eq(regions.level, f.level));
  if (f.codes) conds.push(inArray(regions.code, f.codes.slice(0, 90)));
  if (f.search) {
    const byName = sql`${regions.name} LIKE ${containsPattern(f.search, 'cari')} ESCAPE '\\'`;
    const byCode = /^[\d.]+$/.test(f.search) ? sql`${regions.code} LIKE ${`${escapeLike(f.search)}%`} ESCAPE '\\'` : undefined;
    conds.push(byCode ? (or(byCode, byName) as SQL) : byName);
  }
  const where = and(...conds);
  const [rows, total] = await Promise.all([
    db
      .select({
        code: regions.code,
        name: regions.name,
        level: regions.level,
        path: regions.path,
        stage: regions.stage,
        lastContentUpdate: regions.lastContentUpdate,
        parentCode: regions.parentCode,
      })
      .from(regions)
      .where(where)
      .orderBy(asc(regions.code))
      .limit(f.limit ?? 1000)
      .offset(f.offset ?? 0)
      .all(),
    db.select({ n: count() }).from(regions).where(where).get(),
  ]);
  return { rows, total: total?.n ?? 0 };
}
