// drizzle access to places and their categories. Every list is scoped by region first.
import { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { placeCategories, places, regions, type PlaceCategoryRow } from '../../db/schema';
import { containsPattern } from '../../lib/validation';
import type { Bbox } from '../../lib/geometry';
import { inSubtrees } from '../../regions/sql';
import { publicPlace } from '../../publishing/visibility';

const placeColumns = {
  id: places.id,
  regionCode: places.regionCode,
  name: places.name,
  category: places.category,
  lat: places.lat,
  lng: places.lng,
  address: places.address,
  description: places.description,
  openingHours: places.openingHours,
  contact: places.contact,
  photoKey: places.photoKey,
  status: places.status,
  reviewNote: places.reviewNote,
  isDemo: places.isDemo,
  updatedAt: places.updatedAt,
  categoryLabel: placeCategories.label,
  color: placeCategories.color,
  categoryOrder: placeCategories.sortOrder,
  regionName: regions.name,
  regionLevel: regions.level,
  regionPath: regions.path,
};

export type PlaceView = {
  id: string;
  regionCode: string;
  name: string;
  category: string;
  lat: number;
  lng: number;
  address: string;
  description: string;
  openingHours: string;
  contact: string;
  photoKey: string | null;
  status: 'draft' | 'menunggu_tinjauan' | 'terbit' | 'ditolak';
  reviewNote: string | null;
  isDemo: boolean;
  updatedAt: number;
  categoryLabel: string;
  color: string;
  categoryOrder: number;
  regionName: string;
  regionLevel: 'kabupaten' | 'kecamatan' | 'desa' | 'kelurahan';
  regionPath: string;
};

function baseSelect(db: Db) {
  return db
    .select(placeColumns)
    .from(places)
    .innerJoin(placeCategories, eq(placeCategories.code, places.category))
    .innerJoin(regions, eq(regions.code, places.regionCode));
}

export async function listCategories(db: Db): Promise<PlaceCategoryRow[]> {
  return db.select().from(placeCategories).orderBy(asc(placeCategories.sortOrder), asc(placeCategories.label)).all();
}

/** A place by id; a deleted one (in the trash) only with `{ deleted: true }`. */
export async function findPlace(db: Db, id: string, opts: { deleted?: boolean } = {}): Promise<PlaceView | undefined> {
  return baseSelect(db)
    .where(and(eq(places.id, id), opts.deleted ? isNotNull(places.deletedAt) : isNull(places.deletedAt)))
    .get();
}

/** The trash: deleted places inside the roots, newest deletion first. */
export async function listDeletedPlaces(db: Db, roots: string[], limit = 100) {
  return db
    .select({ id: places.id, name: places.name, deletedAt: places.deletedAt, regionName: regions.name, regionLevel: regions.level })
    .from(places)
    .innerJoin(regions, eq(regions.code, places.regionCode))
    .where(and(inSubtrees(places.regionCode, roots), isNotNull(places.deletedAt)))
    .orderBy(desc(places.deletedAt))
    .limit(limit)
    .all();
}

/** Places of a region and of its direct children: what its map shows (the rollup one level down). */
function regionAndChildren(regionCode: string): SQL {
  return and(
    publicPlace(),
    or(eq(places.regionCode, regionCode), inArray(places.regionCode, sql`(SELECT code FROM regions WHERE parent_code = ${regionCode})`)),
  ) as SQL;
}

export interface RegionPlacesFilter {
  regionCode: string;
  category?: string;
  limit: number;
  offset?: number;
}

/** The places a region's map and list show, ordered by category then name, with the total for paging. */
export async function listRegionMapPlaces(db: Db, f: RegionPlacesFilter): Promise<{ rows: PlaceView[]; total: number }> {
  const where = and(regionAndChildren(f.regionCode), f.category ? eq(places.category, f.category) : undefined);
  const [rows, total] = await Promise.all([
    baseSelect(db)
      .where(where)
      .orderBy(asc(placeCategories.sortOrder), asc(places.name), asc(places.id))
      .limit(f.limit)
      .offset(f.offset ?? 0)
      .all(),
    db.select({ n: count() }).from(places).where(where).get(),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Dots on a region's small SVG map (region + direct children's places), so the map stays a few KB. */
export const MAP_DOT_LIMIT = 150;

/** Dots for a region's small SVG map: name, point and category only. */
export async function listRegionMapDots(db: Db, regionCode: string, limit = MAP_DOT_LIMIT) {
  return db
    .select({ name: places.name, lat: places.lat, lng: places.lng, category: places.category })
    .from(places)
    .where(regionAndChildren(regionCode))
    .orderBy(asc(places.id))
    .limit(limit)
    .all();
}

export interface ApiPlacesFilter {
  regionCode?: string;
  category?: string;
  bbox?: Bbox;
  afterId?: string;
  limit: number;
}

/** Keyset-paginated places (ordered by id) for the open-data API. */
export async function listPlacesForApi(db: Db, f: ApiPlacesFilter): Promise<PlaceView[]> {
  const conds: SQL[] = [publicPlace()];
  if (f.regionCode) conds.push(inSubtrees(places.regionCode, [f.regionCode]));
  if (f.category) conds.push(eq(places.category, f.category));
  if (f.bbox) {
    const [minLng, minLat, maxLng, maxLat] = f.bbox;
    conds.push(gte(places.lat, minLat), lte(places.lat, maxLat), gte(places.lng, minLng), lte(places.lng, maxLng));
  }
  if (f.afterId) conds.push(gt(places.id, f.afterId));
  return baseSelect(db)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(places.id))
    .limit(f.limit)
    .all();
}

export interface AdminPlacesFilter {
  roots: string[];
  status?: PlaceView['status'];
  regionCode?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** Places an admin may see, narrowed to the subtrees where 'place.manage' may apply. */
export async function listAdminPlaces(db: Db, f: AdminPlacesFilter): Promise<{ rows: PlaceView[]; total: number }> {
  const conds: SQL[] = [inSubtrees(places.regionCode, f.roots), isNull(places.deletedAt)];
  if (f.regionCode) conds.push(inSubtrees(places.regionCode, [f.regionCode]));
  if (f.q) conds.push(sql`${places.name} LIKE ${containsPattern(f.q)} ESCAPE '\\'`);
  if (f.status) conds.push(eq(places.status, f.status));
  const where = and(...conds);
  const [rows, total] = await Promise.all([
    baseSelect(db).where(where).orderBy(asc(places.regionCode), asc(placeCategories.sortOrder), asc(places.name)).limit(f.limit).offset(f.offset).all(),
    db.select({ n: count() }).from(places).where(where).get(),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function categoryExists(db: Db, code: string): Promise<boolean> {
  return (await db.select({ code: placeCategories.code }).from(placeCategories).where(eq(placeCategories.code, code)).get()) !== undefined;
}

/** Places waiting for a reviewer in these subtrees, oldest first. */
export async function placesWaitingForReview(db: Db, roots: string[]) {
  return db
    .select({ id: places.id, name: places.name, regionCode: places.regionCode, regionStage: regions.stage, updatedAt: places.updatedAt })
    .from(places)
    .innerJoin(regions, eq(regions.code, places.regionCode))
    .where(and(inSubtrees(places.regionCode, roots), eq(places.status, 'menunggu_tinjauan'), isNull(places.deletedAt)))
    .orderBy(asc(places.updatedAt))
    .limit(200)
    .all();
}
