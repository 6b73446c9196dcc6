import { and, asc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { regions, type RegionLevel, type RegionRow } from '../db/schema';

/** Region columns without the (larger) geometry, for lists and breadcrumbs. */
export const summaryColumns = {
  code: regions.code,
  name: regions.name,
  level: regions.level,
  parentCode: regions.parentCode,
  slug: regions.slug,
  path: regions.path,
  lat: regions.lat,
  lng: regions.lng,
  stage: regions.stage,
  lastContentUpdate: regions.lastContentUpdate,
};

export type RegionSummary = Pick<RegionRow, 'code' | 'name' | 'level' | 'parentCode' | 'slug' | 'path' | 'lat' | 'lng' | 'stage' | 'lastContentUpdate'>;

export async function findRegionByCode(db: Db, code: string): Promise<RegionRow | undefined> {
  return db.select().from(regions).where(eq(regions.code, code)).get();
}

export async function findRootRegion(db: Db): Promise<RegionRow | undefined> {
  return db.select().from(regions).where(eq(regions.path, '')).get();
}

/** Ancestors (by code) and children of a region in one query. */
export async function findRelatives(db: Db, code: string, ancestorCodes: string[]): Promise<RegionSummary[]> {
  const cond = ancestorCodes.length ? or(inArray(regions.code, ancestorCodes), eq(regions.parentCode, code)) : eq(regions.parentCode, code);
  return db.select(summaryColumns).from(regions).where(cond).orderBy(asc(regions.name)).all();
}

export async function listAllRegions(db: Db): Promise<RegionSummary[]> {
  return db.select(summaryColumns).from(regions).orderBy(asc(regions.code)).all();
}

export async function paths(db: Db, codes: string[]): Promise<Array<{ code: string; path: string }>> {
  if (codes.length === 0) return [];
  return db.select({ code: regions.code, path: regions.path }).from(regions).where(inArray(regions.code, codes)).all();
}

export interface RegionListFilter {
  level?: RegionLevel;
  parent?: string;
  q?: string;
  afterCode?: string;
  limit: number;
}

/** Keyset-paginated listing ordered by code (the API's cursor is the last code). */
export async function listRegions(db: Db, f: RegionListFilter): Promise<RegionSummary[]> {
  const conds: SQL[] = [];
  if (f.level) conds.push(eq(regions.level, f.level));
  if (f.parent) conds.push(eq(regions.parentCode, f.parent));
  if (f.q) conds.push(nameContains(f.q));
  if (f.afterCode) conds.push(gt(regions.code, f.afterCode));
  return db
    .select(summaryColumns)
    .from(regions)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(regions.code))
    .limit(f.limit)
    .all();
}

/** Case-insensitive substring match on the name; user text is matched literally. */
export function nameContains(q: string): SQL {
  return sql`${regions.name} LIKE ${containsPattern(q)} ESCAPE '\\'`;
}

import { containsPattern } from '../lib/validation';

/** The regency's code (the region whose path is ''), for regency-wide authorisation. */
export async function rootRegionCode(db: Db): Promise<string> {
  const root = await db.select({ code: regions.code }).from(regions).where(eq(regions.path, '')).get();
  if (!root) throw new Error('Region data is not loaded (no root region).');
  return root.code;
}
