import { asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { regions } from '../db/schema';
import { summaryColumns, type RegionSummary } from './repo';

/** The region a public page belongs to, with its ancestors (outermost first) and children. */
export interface RegionContext {
  region: RegionSummary;
  ancestors: RegionSummary[];
  children: RegionSummary[];
  root: RegionSummary;
}

/** Paths of the region and its ancestors, derived from the path alone: 'a/b' → ['', 'a', 'a/b']. */
export function selfAndAncestorPaths(regionPath: string): string[] {
  const parts = regionPath === '' ? [] : regionPath.split('/');
  return ['', ...parts.map((_, i) => parts.slice(0, i + 1).join('/'))];
}

/** Loads the region tree around a path in ONE query (ancestors by path, children by parent). */
export async function loadRegionContext(db: Db, regionPath: string): Promise<RegionContext | null> {
  const paths = selfAndAncestorPaths(regionPath);
  const rows = await db
    .select(summaryColumns)
    .from(regions)
    .where(or(inArray(regions.path, paths), eq(regions.parentCode, sql`(SELECT code FROM regions WHERE path = ${regionPath})`)))
    .orderBy(asc(regions.name))
    .all();
  const byPath = new Map(rows.map((r) => [r.path, r]));
  const region = byPath.get(regionPath);
  const root = byPath.get('');
  if (!region || !root) return null;
  const ancestors = paths
    .slice(0, -1)
    .map((p) => byPath.get(p))
    .filter((r): r is RegionSummary => r !== undefined);
  const children = rows.filter((r) => r.parentCode === region.code);
  return { region, ancestors, children, root };
}
