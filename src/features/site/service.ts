import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { regions } from '../../db/schema';
import { matchScore } from '../../lib/name-match';
import { listAllRegions, type RegionSummary } from '../../regions/repo';

/** A region's short profile (shown on its home page and as its description). */
export async function loadRegionProfile(db: Db, code: string): Promise<string> {
  const row = await db.select({ profile: regions.profile }).from(regions).where(eq(regions.code, code)).get();
  return row?.profile ?? '';
}

export interface DistrictGroup {
  kecamatan: RegionSummary;
  villages: RegionSummary[];
  /** The kecamatan itself matched the search (so all its villages are listed). */
  kecamatanMatched: boolean;
}

/**
 * The region directory grouped by kecamatan, optionally filtered by a name search that tolerates what people type
 * (src/lib/name-match.ts): no spaces, misspellings, "desa …"/"kec. …" in front, any case and accents.
 */
export async function regionDirectory(db: Db, q: string): Promise<{ groups: DistrictGroup[]; total: number }> {
  const all = await listAllRegions(db);
  const needle = q.trim().toLowerCase();
  const matches = (r: RegionSummary) => needle === '' || matchScore(needle, r.name) > 0;
  const groups: DistrictGroup[] = [];
  for (const kec of all.filter((r) => r.level === 'kecamatan').sort((a, b) => a.name.localeCompare(b.name, 'id'))) {
    const kecamatanMatched = needle !== '' && matches(kec);
    const villages = all.filter((r) => r.parentCode === kec.code && (kecamatanMatched || matches(r))).sort((a, b) => a.name.localeCompare(b.name, 'id'));
    if (needle === '' || kecamatanMatched || villages.length > 0) groups.push({ kecamatan: kec, villages, kecamatanMatched });
  }
  const total = groups.reduce((n, g) => n + g.villages.length + (g.kecamatanMatched || needle === '' ? 1 : 0), 0);
  return { groups, total };
}
