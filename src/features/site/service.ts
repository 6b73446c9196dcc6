import type { Db } from '../../db/client';
import type { RegionContext } from '../../regions/context';
import { listAllRegions, type RegionSummary } from '../../regions/repo';
import { listRegionMapDots } from '../geo/places-repo';
import { regionWithChildrenShapes, type RegionShape } from '../geo/repo';
import type { SvgMapPlace } from '../geo/svg-map';
import { listPublishedPosts, type PublicPostRow } from '../content/repo';
import { listPublicDocuments, type PublicDocumentRow } from '../documents/repo';

export interface RegionHome {
  ctx: RegionContext;
  profile: string;
  shapes: { self?: RegionShape; children: RegionShape[] };
  /** Places drawn as dots on the small map. */
  dots: SvgMapPlace[];
  news: PublicPostRow[];
  announcements: PublicPostRow[];
  /** Latest public documents rolled up from the subtree. */
  documents: PublicDocumentRow[];
}

/** Everything a region home shows: its own profile and the latest items rolled up from its subtree. */
export async function loadRegionHome(db: Db, ctx: RegionContext, now: number): Promise<RegionHome> {
  const [shapes, dots, news, announcements, documents] = await Promise.all([
    regionWithChildrenShapes(db, ctx.region.code),
    listRegionMapDots(db, ctx.region.code),
    listPublishedPosts(db, { regionCode: ctx.region.code, now, kinds: ['berita'], limit: 5 }),
    listPublishedPosts(db, { regionCode: ctx.region.code, now, kinds: ['pengumuman', 'agenda'], limit: 4 }),
    listPublicDocuments(db, { regionCode: ctx.region.code, limit: 3, order: 'latest' }),
  ]);
  return { ctx, profile: shapes.self?.profile ?? '', shapes, dots, news, announcements, documents };
}

export interface DistrictGroup {
  kecamatan: RegionSummary;
  villages: RegionSummary[];
  /** The kecamatan itself matched the search (so all its villages are listed). */
  kecamatanMatched: boolean;
}

/** The region directory grouped by kecamatan, optionally filtered by a name search. */
export async function regionDirectory(db: Db, q: string): Promise<{ groups: DistrictGroup[]; total: number }> {
  const all = await listAllRegions(db);
  const needle = q.trim().toLowerCase();
  const matches = (r: RegionSummary) => needle === '' || r.name.toLowerCase().includes(needle);
  const groups: DistrictGroup[] = [];
  for (const kec of all.filter((r) => r.level === 'kecamatan').sort((a, b) => a.name.localeCompare(b.name, 'id'))) {
    const kecamatanMatched = needle !== '' && matches(kec);
    const villages = all
      .filter((r) => r.parentCode === kec.code && (kecamatanMatched || matches(r)))
      .sort((a, b) => a.name.localeCompare(b.name, 'id'));
    if (needle === '' || kecamatanMatched || villages.length > 0) groups.push({ kecamatan: kec, villages, kecamatanMatched });
  }
  const total = groups.reduce((n, g) => n + g.villages.length + (g.kecamatanMatched || needle === '' ? 1 : 0), 0);
  return { groups, total };
}

