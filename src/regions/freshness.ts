import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { regions } from '../db/schema';
import { selfAndAncestors } from './codes';

/**
 * Public pages say "Diperbarui {n} hari lalu" only up to this many days; older content shows just the date.
 * Monitoring's settings require every `usang` threshold to be above it, so a `usang` region never shows "… hari lalu".
 */
export const PUBLIC_RELATIVE_MAX_DAYS = 14;

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
