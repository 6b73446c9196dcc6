// Domain rules for places: the one publishing workflow decides who prepares and who publishes (a local operator
// submits, a reviewer approves; only `terbit` places are public); the point must lie in the region's boundary
// (200 m tolerance), photos are images (sniffed) stored under public/places/, every change audited, and a change the
// public can see purges the region's cached pages (its ancestors' maps roll its places up).
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { purgeRegionPages, type PurgeDeps } from '../../cache/purge';
import type { Db } from '../../db/client';
import { places, regions } from '../../db/schema';
import { AppError, type FieldError } from '../../lib/errors';
import { newId, randomString } from '../../lib/ids';
import { checkUpload } from '../../lib/upload';
import { saveImage } from '../../media/store';
import { regionTitle } from '../../regions/labels';
import { authorize } from '../../regions/guard';
import { hasAnyRight, publishRights } from '../../publishing/rights';
import { restoreFields, restoreRefusal, softDeleteFields } from '../../publishing/trash';
import {
  AUDIT_SUFFIX,
  AUDIT_VERBS,
  editActions,
  FORM_ACTIONS,
  planTransitions,
  type PublishAction,
  type PublishRights,
  type PublishStatus,
} from '../../publishing/workflow';
import type { ActionContext } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { distanceToBoundaryMeters, pointWithinRegion, type BoundaryGeometry, type Position } from '../../lib/geometry';
import { PLACE_PHOTO_MAX_BYTES, type PlaceInput } from './places-schemas';
import { categoryExists, findPlace, type PlaceView } from './places-repo';

export interface PlaceDeps {
  db: Db;
  files: R2Bucket;
  env: PurgeDeps['env'];
}

/** Tolerance for points near a (simplified) boundary. */
export const PLACE_BOUNDARY_TOLERANCE_M = 200;
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function invalid(fieldErrors: FieldError[]): AppError {
  return new AppError('validation', 'Periksa kembali isian yang ditandai.', { fieldErrors });
}

/** '350 m', '4,2 km' */
export function formatDistance(meters: number): string {
  if (meters < 1000) return `${Math.max(1, Math.round(meters / 10) * 10)} m`;
  return `${(meters / 1000).toLocaleString('id-ID', { maximumFractionDigits: 1 })} km`;
}

const fmtCoord = (v: number) => v.toLocaleString('id-ID', { maximumFractionDigits: 6 });

/**
 * null when the point may be used for a place of this region, else the Indonesian message explaining why not
 * (including the common mistake of swapped latitude and longitude).
 */
export function pointRefusal(point: Position, boundary: BoundaryGeometry, regionName: string): string | null {
  if (pointWithinRegion(point, boundary, PLACE_BOUNDARY_TOLERANCE_M)) return null;
  const [lng, lat] = point;
  if (Math.abs(lng) <= 90 && pointWithinRegion([lat, lng], boundary, PLACE_BOUNDARY_TOLERANCE_M)) {
    const swapped = `lintang ${fmtCoord(lng)} dan bujur ${fmtCoord(lat)}`;
    return `Lintang dan bujur tampaknya tertukar: titik itu berada di ${regionName} bila ${swapped}. Tukar kedua isian lalu simpan lagi.`;
  }
  const distance = formatDistance(distanceToBoundaryMeters(point, boundary));
  const where = `Titik ${fmtCoord(lat)}, ${fmtCoord(lng)} berada di luar batas ${regionName} (sekitar ${distance} dari batas wilayah).`;
  return `${where} Pilih titik di dalam wilayah, atau pilih wilayah yang benar.`;
}

async function regionBoundary(db: Db, code: string): Promise<BoundaryGeometry> {
  const row = await db.select({ boundary: regions.boundary }).from(regions).where(eq(regions.code, code)).get();
  if (!row) throw new AppError('not_found', 'Wilayah tidak ditemukan.');
  return JSON.parse(row.boundary) as BoundaryGeometry;
}

function plan(from: PublishStatus, actions: readonly PublishAction[], rights: PublishRights): PublishStatus {
  const t = planTransitions(from, actions, rights, 'tempat');
  if (!t.ok) throw new AppError(t.reason === 'state' ? 'conflict' : 'forbidden', t.message);
  return t.to;
}

/** Authorizes and checks category and point; returns the region. Throws 422 with field errors. */
async function checkPlace(db: Db, input: PlaceInput, ctx: ActionContext) {
  const region = await authorize(db, ctx.actor, 'dashboard.view', input.region_code);
  if (!hasAnyRight(publishRights(ctx.actor, region))) throw new AppError('forbidden', 'Peran Anda tidak mengizinkan mengelola tempat di wilayah ini.');
  const errors: FieldError[] = [];
  if (!(await categoryExists(db, input.category))) errors.push({ field: 'category', message: 'Pilih kategori tempat dari daftar.' });
  const refusal = pointRefusal([input.lng, input.lat], await regionBoundary(db, region.code), regionTitle(region));
  if (refusal) errors.push({ field: 'lat', message: refusal });
  if (errors.length) throw invalid(errors);
  return region;
}

/** Stores a checked photo in R2 under public/places/ and returns its key. */
/** A place photo goes through the image pipeline (upright, no metadata, thumb and article sizes); the key is its base. */
async function storePhoto(files: R2Bucket, photo: File): Promise<string> {
  const checked = await checkUpload(photo, 'photo', { maxBytes: PLACE_PHOTO_MAX_BYTES, kinds: ['image'] });
  const base = `public/places/${randomString(24, KEY_ALPHABET)}`;
  await saveImage(files, base, checked.bytes);
  return base;
}

/** Every file of a place photo: the pipeline's files under its base, or the single object stored before it. */
async function deletePhoto(files: R2Bucket, key: string): Promise<void> {
  const listed = await files.list({ prefix: `${key}/` });
  await files.delete([key, ...listed.objects.map((o) => o.key)]);
}

const auditShape = (p: { name: string; category: string; lat: number; lng: number; regionCode: string }) => ({
  name: p.name,
  category: p.category,
  lat: p.lat,
  lng: p.lng,
  region_code: p.regionCode,
});

/** Loads a place for editing: 404 when it does not exist or lies outside the actor's regions, 403 when not allowed. */
export async function placeForEdit(db: Db, id: string, ctx: ActionContext): Promise<PlaceView & { rights: PublishRights }> {
  const place = await findPlace(db, id);
  if (!place) throw new AppError('not_found', 'Tempat tidak ditemukan.');
  const region = await authorize(db, ctx.actor, 'dashboard.view', place.regionCode).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found') throw new AppError('not_found', 'Tempat tidak ditemukan.');
    throw err;
  });
  const rights = publishRights(ctx.actor, region);
  if (!hasAnyRight(rights)) throw new AppError('forbidden', 'Peran Anda tidak mengizinkan mengelola tempat di wilayah ini.');
  return { ...place, rights };
}

const isPublic = (status: PublishStatus) => status === 'terbit';

/** The columns a place form writes (create and update alike). */
function placeColumns(input: PlaceInput, regionCode: string, photoKey: string | null) {
  return {
    regionCode,
    name: input.name,
    category: input.category,
    lat: input.lat,
    lng: input.lng,
    address: input.address,
    description: input.description,
    openingHours: input.opening_hours,
    contact: input.contact,
    photoKey,
  };
}

export async function createPlace(deps: PlaceDeps, input: PlaceInput, photo: File | null, ctx: ActionContext): Promise<{ id: string; status: PublishStatus }> {
  const region = await checkPlace(deps.db, input, ctx);
  const actions = FORM_ACTIONS[input.aksi];
  const status = plan('draft', actions, publishRights(ctx.actor, region));
  const photoKey = photo ? await storePhoto(deps.files, photo) : null;
  const id = newId(ctx.now);
  const row = {
    id,
    ...placeColumns(input, region.code, photoKey),
    status,
    createdBy: ctx.actor.id,
    updatedBy: ctx.actor.id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  try {
    await deps.db.batch([
      deps.db.insert(places).values(row),
      auditInsert(deps.db, ctx, {
        action: 'place.create',
        regionCode: region.code,
        entityType: 'place',
        entityId: id,
        summary: `Tempat "${input.name}" ditambahkan di ${regionTitle(region)}`,
        after: { ...auditShape(row), status },
      }),
      ...actions.map((a) =>
        auditInsert(deps.db, ctx, {
          action: AUDIT(a),
          regionCode: region.code,
          entityType: 'place',
          entityId: id,
          summary: `${AUDIT_VERBS[a]} tempat "${input.name}"`,
          before: { status: 'draft' },
          after: { status },
        }),
      ),
    ]);
  } catch (err) {
    if (photoKey) await deletePhoto(deps.files, photoKey);
    throw err;
  }
  if (isPublic(status)) await purgeRegionPages(deps, region.code);
  return { id, status };
}

export async function updatePlace(deps: PlaceDeps, id: string, input: PlaceInput, photo: File | null, ctx: ActionContext): Promise<{ status: PublishStatus }> {
  const before = await placeForEdit(deps.db, id, ctx);
  const region = await checkPlace(deps.db, input, ctx);
  const actions = editActions(before.status, input.aksi);
  // Moving a place to another region needs the same rights there as here.
  const status = plan(before.status, actions, region.code === before.regionCode ? before.rights : mergeRights(before.rights, publishRights(ctx.actor, region)));
  const newPhoto = photo ? await storePhoto(deps.files, photo) : null;
  const photoKey = newPhoto ?? (input.remove_photo ? null : before.photoKey);
  const changes = {
    ...placeColumns(input, region.code, photoKey),
    status,
    updatedBy: ctx.actor.id,
    updatedAt: ctx.now,
  };
  try {
    await deps.db.batch([
      deps.db.update(places).set(changes).where(eq(places.id, id)),
      auditInsert(deps.db, ctx, {
        action: 'place.update',
        regionCode: region.code,
        entityType: 'place',
        entityId: id,
        summary: `Tempat "${input.name}" diubah di ${regionTitle(region)}`,
        before: { ...auditShape(before), status: before.status },
        after: { ...auditShape(changes), status },
      }),
      ...actions.slice(1).map((a) =>
        auditInsert(deps.db, ctx, {
          action: AUDIT(a),
          regionCode: region.code,
          entityType: 'place',
          entityId: id,
          summary: `${AUDIT_VERBS[a]} tempat "${input.name}"`,
          before: { status: before.status },
          after: { status },
        }),
      ),
    ]);
  } catch (err) {
    if (newPhoto) await deletePhoto(deps.files, newPhoto);
    throw err;
  }
  if (before.photoKey && before.photoKey !== photoKey) await deletePhoto(deps.files, before.photoKey);
  if (isPublic(before.status) || isPublic(status)) {
    await purgeRegionPages(deps, region.code);
    if (before.regionCode !== region.code) await purgeRegionPages(deps, before.regionCode);
  }
  return { status };
}

/** Rights that hold in both regions (a move must be allowed at the source and at the destination). */
function mergeRights(a: PublishRights, b: PublishRights): PublishRights {
  return { draft: a.draft && b.draft, publish: a.publish && b.publish, review: a.review && b.review };
}

const AUDIT = (a: PublishAction) => `place.${AUDIT_SUFFIX[a]}`;

/** submit / approve / reject / publish / unpublish from the place page. `note` is the reviewer's note. */
export async function changePlaceStatus(
  deps: PlaceDeps,
  id: string,
  action: Exclude<PublishAction, 'save' | 'delete'>,
  ctx: ActionContext,
  note?: string,
): Promise<{ status: PublishStatus; place: PlaceView }> {
  const place = await placeForEdit(deps.db, id, ctx);
  const status = plan(place.status, [action], place.rights);
  const reviewNote = action === 'approve' || action === 'reject' ? (note ?? null) : place.reviewNote;
  const [res] = await deps.db.batch([
    deps.db
      .update(places)
      .set({ status, reviewNote, updatedBy: ctx.actor.id, updatedAt: ctx.now })
      .where(and(eq(places.id, id), eq(places.status, place.status))),
    auditInsert(deps.db, ctx, {
      action: AUDIT(action),
      regionCode: place.regionCode,
      entityType: 'place',
      entityId: id,
      summary: `${AUDIT_VERBS[action]} tempat "${place.name}"${note ? `: ${note}` : ''}`,
      before: { status: place.status },
      after: { status },
    }),
  ]);
  if (res.meta.changes === 0) throw new AppError('conflict', 'Status tempat ini baru saja diubah orang lain. Muat ulang halaman.');
  if (isPublic(place.status) || isPublic(status)) await purgeRegionPages(deps, place.regionCode);
  return { status, place };
}

/** Moves a place to the trash; a published one is taken off the map in the same step (which needs the right to unpublish). */
export async function deletePlace(deps: PlaceDeps, id: string, ctx: ActionContext): Promise<PlaceView> {
  const before = await placeForEdit(deps.db, id, ctx);
  plan(before.status, isPublic(before.status) ? ['unpublish', 'delete'] : ['delete'], before.rights);
  const [res] = await deps.db.batch([
    deps.db
      .update(places)
      .set(softDeleteFields(ctx))
      .where(and(eq(places.id, id), eq(places.status, before.status), isNull(places.deletedAt))),
    auditInsert(deps.db, ctx, {
      action: 'place.delete',
      regionCode: before.regionCode,
      entityType: 'place',
      entityId: id,
      summary: `Tempat "${before.name}" dihapus (ke Sampah) dari ${regionTitle({ level: before.regionLevel, name: before.regionName })}`,
      before: auditShape(before),
    }),
  ]);
  if (res.meta.changes === 0) throw new AppError('conflict', 'Tempat ini baru saja diubah orang lain. Muat ulang halaman.');
  if (isPublic(before.status)) await purgeRegionPages(deps, before.regionCode);
  return before;
}

/** Brings a place back from the trash as a draft (404 when not in the trash or outside the actor's regions). */
export async function restorePlace(deps: PlaceDeps, id: string, ctx: ActionContext): Promise<PlaceView> {
  const place = await findPlace(deps.db, id, { deleted: true });
  if (!place) throw new AppError('not_found', 'Tempat tidak ada di Sampah.');
  const region = await authorize(deps.db, ctx.actor, 'dashboard.view', place.regionCode).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found') throw new AppError('not_found', 'Tempat tidak ada di Sampah.');
    throw err;
  });
  const refusal = restoreRefusal(publishRights(ctx.actor, region), 'tempat');
  if (refusal) throw new AppError('forbidden', refusal);
  const [res] = await deps.db.batch([
    deps.db
      .update(places)
      .set(restoreFields(ctx))
      .where(and(eq(places.id, id), isNotNull(places.deletedAt))),
    auditInsert(deps.db, ctx, {
      action: 'place.restore',
      regionCode: place.regionCode,
      entityType: 'place',
      entityId: id,
      summary: `Tempat "${place.name}" dipulihkan dari Sampah sebagai draf`,
      after: { status: 'draft' },
    }),
  ]);
  if (res.meta.changes === 0) throw new AppError('conflict', 'Tempat ini baru saja dipulihkan orang lain.');
  return place;
}
