// Reads of the procurement feature. PUBLIC means `publicTender()` (src/publishing/visibility.ts); a region's pages
// show the packages it owns or where the work is carried out, rolled up from its subtree (desa → kecamatan → kabupaten).
import { and, asc, count, desc, eq, exists, gt, gte, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { REGENCY } from '../../config';
import type { Db } from '../../db/client';
import { regions, tenderFiles, tenderLocations, tenders, type TenderStatus } from '../../db/schema';
import { publicTender } from '../../publishing/visibility';
import { inSubtrees } from '../../regions/sql';
import type { PublicTenderListFilter } from './schemas';

/** Packages owned in the subtree or carried out in it (every package for the regency). */
export function inRegionRollup(regionCode: string): SQL | undefined {
  if (regionCode === REGENCY.code) return undefined;
  return or(
    inSubtrees(tenders.regionCode, [regionCode]),
    exists(
      sql`(SELECT 1 FROM ${tenderLocations} WHERE ${tenderLocations.tenderId} = ${tenders.id} AND ${inSubtrees(tenderLocations.regionCode, [regionCode])})`,
    ),
  );
}

/** The nearest stage end still ahead (null when none): the public list's sort key, computed from the schedule. */
const nextDeadlineSql = (now: number) =>
  sql<number | null>`(SELECT MIN(json_extract(value, '$.e')) FROM json_each(${tenders.scheduleJson}) WHERE json_extract(value, '$.e') >= ${now})`;

export const publicColumns = {
  id: tenders.id,
  regionCode: tenders.regionCode,
  source: tenders.source,
  externalCode: tenders.externalCode,
  name: tenders.name,
  ownerName: tenders.ownerName,
  procurementType: tenders.procurementType,
  method: tenders.method,
  fiscalYear: tenders.fiscalYear,
  fundingSource: tenders.fundingSource,
  pagu: tenders.pagu,
  hps: tenders.hps,
  status: tenders.status,
  stageLabel: tenders.stageLabel,
  scheduleJson: tenders.scheduleJson,
  plannedFrom: tenders.plannedFrom,
  plannedTo: tenders.plannedTo,
  winnerName: tenders.winnerName,
  contractValue: tenders.contractValue,
  contractStartAt: tenders.contractStartAt,
  contractEndAt: tenders.contractEndAt,
  locationText: tenders.locationText,
  lat: tenders.lat,
  lng: tenders.lng,
  sourceUrl: tenders.sourceUrl,
  description: tenders.description,
  isDemo: tenders.isDemo,
  createdAt: tenders.createdAt,
  updatedAt: tenders.updatedAt,
  changeSeq: tenders.changeSeq,
  regionName: regions.name,
  regionLevel: regions.level,
  regionPath: regions.path,
};

export type PublicTenderRow = Awaited<ReturnType<typeof listPublicTenders>>[number];

type ListFilter = Pick<PublicTenderListFilter, 'tahun' | 'status' | 'jenis' | 'sumber'>;

function publicConditions(regionCode: string, f: Partial<ListFilter>): SQL {
  const conds: Array<SQL | undefined> = [publicTender(), inRegionRollup(regionCode)];
  if (f.tahun !== undefined) conds.push(eq(tenders.fiscalYear, f.tahun));
  if (f.status === 'buka') conds.push(eq(tenders.status, 'pengumuman'));
  else if (f.status && f.status !== 'semua') conds.push(eq(tenders.status, f.status));
  if (f.jenis && f.jenis !== 'semua') conds.push(eq(tenders.procurementType, f.jenis));
  if (f.sumber && f.sumber !== 'semua') conds.push(eq(tenders.source, f.sumber));
  return and(...conds) as SQL;
}

/** Public packages of a region's rollup, the nearest upcoming deadline first, then the latest changed. */
export async function listPublicTenders(db: Db, q: { regionCode: string; filter: Partial<ListFilter>; now: number; limit: number; offset?: number }) {
  const nd = nextDeadlineSql(q.now);
  return db
    .select({ ...publicColumns, nextDeadline: nd })
    .from(tenders)
    .innerJoin(regions, eq(regions.code, tenders.regionCode))
    .where(publicConditions(q.regionCode, q.filter))
    .orderBy(sql`${nd} IS NULL`, asc(nd), desc(tenders.updatedAt), desc(tenders.id))
    .limit(q.limit)
    .offset(q.offset ?? 0)
    .all();
}

export async function countPublicTenders(db: Db, regionCode: string, filter: Partial<ListFilter>): Promise<number> {
  const row = await db.select({ n: count() }).from(tenders).where(publicConditions(regionCode, filter)).get();
  return row?.n ?? 0;
}

export async function publicTenderYears(db: Db, regionCode: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: tenders.fiscalYear })
    .from(tenders)
    .where(and(publicConditions(regionCode, {}), isNotNull(tenders.fiscalYear)))
    .orderBy(desc(tenders.fiscalYear))
    .all();
  return rows.map((r) => r.year!).filter((y) => y !== null);
}

/** A public package owned by exactly this region (detail pages live under the owner's prefix). */
export async function findPublicTender(db: Db, regionCode: string, id: string) {
  return db
    .select(publicColumns)
    .from(tenders)
    .innerJoin(regions, eq(regions.code, tenders.regionCode))
    .where(and(eq(tenders.id, id), eq(tenders.regionCode, regionCode), publicTender()))
    .get();
}

/** A public package by id (any region), for the JSON API. */
export async function findPublicTenderById(db: Db, id: string) {
  return db
    .select(publicColumns)
    .from(tenders)
    .innerJoin(regions, eq(regions.code, tenders.regionCode))
    .where(and(eq(tenders.id, id), publicTender()))
    .get();
}

/** The location regions of packages (names and paths, for pages and the API). */
export async function locationRegionsOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, LocationRegion[]>();
  const rows = await db
    .select({
      tenderId: tenderLocations.tenderId,
      code: regions.code,
      name: regions.name,
      level: regions.level,
      path: regions.path,
      lat: regions.lat,
      lng: regions.lng,
    })
    .from(tenderLocations)
    .innerJoin(regions, eq(regions.code, tenderLocations.regionCode))
    .where(inArray(tenderLocations.tenderId, [...ids]))
    .orderBy(asc(regions.code))
    .all();
  const out = new Map<string, LocationRegion[]>();
  for (const { tenderId, ...r } of rows) out.set(tenderId, [...(out.get(tenderId) ?? []), r]);
  return out;
}
export interface LocationRegion {
  code: string;
  name: string;
  level: (typeof regions.$inferSelect)['level'];
  path: string;
  lat: number;
  lng: number;
}

/** The boundary of one region (the detail page's map). */
export async function regionShape(db: Db, code: string) {
  return db
    .select({ code: regions.code, name: regions.name, level: regions.level, bbox: regions.bbox, boundary: regions.boundary })
    .from(regions)
    .where(eq(regions.code, code))
    .get();
}

export async function filesOf(db: Db, tenderId: string) {
  return db.select().from(tenderFiles).where(eq(tenderFiles.tenderId, tenderId)).orderBy(asc(tenderFiles.uploadedAt), asc(tenderFiles.id)).all();
}

export async function findFile(db: Db, tenderId: string, fileId: string) {
  return db
    .select()
    .from(tenderFiles)
    .where(and(eq(tenderFiles.id, fileId), eq(tenderFiles.tenderId, tenderId)))
    .get();
}

/** Open packages (registration open or under way) of a region's rollup, nearest deadline first: the home block. */
export async function listOpenTenders(db: Db, regionCode: string, now: number, limit: number) {
  const nd = nextDeadlineSql(now);
  return db
    .select({ ...publicColumns, nextDeadline: nd })
    .from(tenders)
    .innerJoin(regions, eq(regions.code, tenders.regionCode))
    .where(and(publicConditions(regionCode, {}), inArray(tenders.status, ['pengumuman', 'berlangsung'] satisfies TenderStatus[])))
    .orderBy(sql`${nd} IS NULL`, asc(nd), desc(tenders.updatedAt))
    .limit(limit)
    .all();
}

/** The latest changed public packages of a rollup (RSS). */
export async function latestPublicTenders(db: Db, regionCode: string, limit: number) {
  return db
    .select(publicColumns)
    .from(tenders)
    .innerJoin(regions, eq(regions.code, tenders.regionCode))
    .where(publicConditions(regionCode, {}))
    .orderBy(desc(tenders.updatedAt), desc(tenders.id))
    .limit(limit)
    .all();
}

/** How many public packages the sitemap lists. */
export async function countSitemapTenders(db: Db): Promise<number> {
  const row = await db.select({ n: count() }).from(tenders).where(publicTender()).get();
  return row?.n ?? 0;
}

/** The id of the public package at `offset` in id order (where a child sitemap starts). */
export async function sitemapTenderKeyAt(db: Db, offset: number): Promise<string | null> {
  const row = await db.select({ id: tenders.id }).from(tenders).where(publicTender()).orderBy(asc(tenders.id)).limit(1).offset(offset).get();
  return row?.id ?? null;
}

/** Detail pages for the sitemap: public packages after `after` in id order (keyset page). */
export async function listSitemapTenders(db: Db, after: string | null, limit: number) {
  const conds = [publicTender(), ...(after === null ? [] : [gt(tenders.id, after)])];
  return db
    .select({ id: tenders.id, regionPath: regions.path, updatedAt: tenders.updatedAt })
    .from(tenders)
    .innerJoin(regions, eq(regions.code, tenders.regionCode))
    .where(and(...conds))
    .orderBy(asc(tenders.id))
    .limit(limit)
    .all();
}

/**
 * Map rows of a rollup with the location regions of packages without their own point. At most 500, latest first.
 */
export async function mapPointRows(db: Db, regionCode: string) {
  const rows = await db
    .select({ id: tenders.id, name: tenders.name, status: tenders.status, pagu: tenders.pagu, lat: tenders.lat, lng: tenders.lng, regionPath: regions.path })
    .from(tenders)
    .innerJoin(regions, eq(regions.code, tenders.regionCode))
    .where(
      and(publicConditions(regionCode, {}), inArray(tenders.status, ['rencana', 'pengumuman', 'berlangsung', 'evaluasi', 'pemenang_ditetapkan', 'kontrak'])),
    )
    .orderBy(desc(tenders.updatedAt))
    .limit(500)
    .all();
  const locations = await locationRegionsOf(
    db,
    rows.filter((r) => r.lat === null).map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, locations: locations.get(r.id) ?? [] }));
}

/** The API list: public packages of a rollup in change-sequence (commit) order; a partner syncs with the cursor. */
export async function listTendersForApi(
  db: Db,
  q: { regionCode: string; filter: Partial<ListFilter>; since?: number; afterSeq: number | null; limit: number },
) {
  const conds: Array<SQL | undefined> = [publicConditions(q.regionCode, q.filter)];
  // `since` picks the first page only: later pages follow the sequence, so a change committed late is never skipped.
  if (q.afterSeq !== null) conds.push(gt(tenders.changeSeq, q.afterSeq));
  else if (q.since !== undefined) conds.push(gte(tenders.updatedAt, q.since));
  return db
    .select(publicColumns)
    .from(tenders)
    .innerJoin(regions, eq(regions.code, tenders.regionCode))
    .where(and(...conds))
    .orderBy(asc(tenders.changeSeq))
    .limit(q.limit)
    .all();
}
