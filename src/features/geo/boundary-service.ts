// Diskominfo replaces a region's boundary by uploading GeoJSON (policy 'region.boundary'). The upload is validated
// (type, closed rings, coordinate ranges, inside the regency's bbox — taken from the root region row, never
// hard-coded), simplified for storage, and the previous geometry is kept in region_boundary_history. Audited; purges
// the region's and its ancestors' cached pages (the parent's map draws this region as a child).
import { and, desc, eq } from 'drizzle-orm';
import { purgeRegionPages, type PurgeDeps } from '../../cache/purge';
import type { Db } from '../../db/client';
import { places, regionBoundaryHistory, regions } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { regionTitle } from '../../regions/labels';
import { authorize } from '../../regions/guard';
import { findRootRegion } from '../../regions/repo';
import type { ActionContext } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { countPositions, geometryBbox, pointWithinRegion, type Bbox, type BoundaryGeometry } from '../../lib/geometry';
import { boundaryUploadSchema } from './schemas';
import { regionAnchor, rewindGeometry, roundBboxOutward, simplifyGeometry } from './simplify';

export interface BoundaryDeps {
  db: Db;
  env: PurgeDeps['env'];
}

export interface BoundaryResult {
  positionsUploaded: number;
  positionsStored: number;
  /** Places of the region that now lie outside its boundary (they stay; operators should check them). */
  placesOutside: number;
}

/** The regency bbox from the root region row (the data decides, not the code). */
export async function regencyBbox(db: Db): Promise<Bbox> {
  const root = await findRootRegion(db);
  if (!root) throw new Error('Region data is not loaded (no root region).');
  return JSON.parse(root.bbox) as Bbox;
}

function pathLabel(path: PropertyKey[]): string {
  return path.length
    ? `${path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '')}: `
    : '';
}

/** Validates uploaded GeoJSON (object or text) against the regency bbox. Errors go to `field`. */
export async function parseBoundaryUpload(db: Db, input: unknown, field: string): Promise<BoundaryGeometry> {
  const result = boundaryUploadSchema(await regencyBbox(db)).safeParse(input);
  if (result.success) return result.data;
  const messages = [...new Set(result.error.issues.slice(0, 5).map((i) => `${pathLabel(i.path)}${i.message}`))];
  throw new AppError('validation', 'GeoJSON batas wilayah belum benar.', {
    fieldErrors: [{ field, message: messages.join(' · ') }],
  });
}

async function applyBoundary(
  deps: BoundaryDeps,
  regionCode: string,
  geometry: BoundaryGeometry,
  bbox: Bbox,
  note: string,
  action: string,
  ctx: ActionContext,
): Promise<BoundaryResult & { region: { name: string; level: string } }> {
  const region = await authorize(deps.db, ctx.actor, 'region.boundary', regionCode);
  const current = await deps.db
    .select({ boundary: regions.boundary, bbox: regions.bbox, lat: regions.lat, lng: regions.lng })
    .from(regions)
    .where(eq(regions.code, regionCode))
    .get();
  if (!current) throw new AppError('not_found', 'Wilayah tidak ditemukan.');
  const oldGeometry = JSON.parse(current.boundary) as BoundaryGeometry;
  const [lng, lat] = regionAnchor(geometry, [current.lng, current.lat]);
  const title = regionTitle(region);
  await deps.db.batch([
    deps.db.insert(regionBoundaryHistory).values({
      id: newId(ctx.now),
      regionCode,
      boundary: current.boundary,
      bbox: current.bbox,
      lat: current.lat,
      lng: current.lng,
      positions: countPositions(oldGeometry),
      replacedAt: ctx.now,
      replacedBy: ctx.actor.id,
      note,
    }),
    deps.db
      .update(regions)
      .set({ boundary: JSON.stringify(geometry), bbox: JSON.stringify(bbox), lat, lng })
      .where(eq(regions.code, regionCode)),
    auditInsert(deps.db, ctx, {
      action,
      regionCode,
      entityType: 'region',
      entityId: regionCode,
      summary: `Batas ${title} diganti${note ? `: ${note}` : ''}`.slice(0, 500),
      before: { positions: countPositions(oldGeometry), bbox: JSON.parse(current.bbox) as Bbox, centroid: [current.lng, current.lat] },
      after: { positions: countPositions(geometry), bbox, centroid: [lng, lat] },
    }),
  ]);
  await purgeRegionPages(deps, regionCode, ctx.requestId);
  const own = await deps.db.select({ lat: places.lat, lng: places.lng }).from(places).where(eq(places.regionCode, regionCode)).all();
  const placesOutside = own.filter((p) => !pointWithinRegion([p.lng, p.lat], geometry, 200)).length;
  return { positionsUploaded: countPositions(geometry), positionsStored: countPositions(geometry), placesOutside, region };
}

/** Replaces a region's boundary with an uploaded geometry (already parsed by parseBoundaryUpload). */
export async function replaceBoundary(
  deps: BoundaryDeps,
  regionCode: string,
  uploaded: BoundaryGeometry,
  note: string,
  ctx: ActionContext,
): Promise<BoundaryResult> {
  const stored = simplifyGeometry(uploaded); // also turns outer rings counter-clockwise (RFC 7946)
  const result = await applyBoundary(deps, regionCode, stored, roundBboxOutward(geometryBbox(uploaded)), note, 'region.boundary.replace', ctx);
  return { ...result, positionsUploaded: countPositions(uploaded) };
}

/** Restores a boundary from the history (the current one goes to the history in turn). */
export async function restoreBoundary(deps: BoundaryDeps, regionCode: string, historyId: string, ctx: ActionContext): Promise<BoundaryResult> {
  await authorize(deps.db, ctx.actor, 'region.boundary', regionCode);
  const old = await deps.db
    .select()
    .from(regionBoundaryHistory)
    .where(and(eq(regionBoundaryHistory.id, historyId), eq(regionBoundaryHistory.regionCode, regionCode)))
    .get();
  if (!old) throw new AppError('not_found', 'Riwayat batas tidak ditemukan.');
  const geometry = rewindGeometry(JSON.parse(old.boundary) as BoundaryGeometry);
  return applyBoundary(deps, regionCode, geometry, JSON.parse(old.bbox) as Bbox, `dipulihkan dari versi ${old.id}`, 'region.boundary.restore', ctx);
}

export async function boundaryHistory(db: Db, regionCode: string, limit = 10) {
  return db
    .select({
      id: regionBoundaryHistory.id,
      positions: regionBoundaryHistory.positions,
      replacedAt: regionBoundaryHistory.replacedAt,
      note: regionBoundaryHistory.note,
    })
    .from(regionBoundaryHistory)
    .where(eq(regionBoundaryHistory.regionCode, regionCode))
    .orderBy(desc(regionBoundaryHistory.replacedAt), desc(regionBoundaryHistory.id))
    .limit(limit)
    .all();
}
