import { inArray, sql } from 'drizzle-orm';
import { purgeRegionPages, type PurgeDeps } from '../cache/purge';
import type { Db } from '../db/client';
import { regions } from '../db/schema';
import { selfAndAncestors } from './codes';

/**
 * `regions.last_content_update` means "the public content shown on this region's pages last changed at". Region
 * pages roll up their descendants' posts and documents, so a change in a village also refreshes its kecamatan and
 * the regency (the same rule the demo seed and the page-cache purge follow). Staleness monitoring of a region's OWN
 * activity can still be computed from posts/documents by region_code.
 *
 * Returns the drizzle statement so callers put it in the same `db.batch` as the change. Never moves backwards.
 */
export function touchContentUpdate(db: Db, regionCode: string, at: number) {
  return db
    .update(regions)
    .set({ lastContentUpdate: sql`MAX(COALESCE(${regions.lastContentUpdate}, 0), ${at})` })
    .where(inArray(regions.code, selfAndAncestors(regionCode)));
}

/** After a public change: purge the KV pages of the region and its ancestors (errors are logged, never fatal). */
export async function purgeAfterChange(deps: PurgeDeps, regionCode: string, requestId?: string | null): Promise<void> {
  try {
    await purgeRegionPages(deps, regionCode);
  } catch (err) {
    // The change is saved; cached pages expire by TTL. Log so operators can purge by hand if KV misbehaves.
    console.error(JSON.stringify({ msg: 'purge failed', regionCode, requestId, err: String(err) }));
  }
}
