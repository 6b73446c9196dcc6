// Domain rules for places: who may edit (policy 'place.manage'), the point must lie in the region's boundary
// (200 m tolerance), photos are images (sniffed) stored under public/places/, every change audited and purging the
// region's cached pages (its ancestors' maps roll its places up).
import { eq } from 'drizzle-orm';
import { purgeRegionPages, type PurgeDeps } from '../../cache/purge';
import type { Db } from '../../db/client';
import { places, regions } from '../../db/schema';
import { AppError, type FieldError } from '../../lib/errors';
import { newId, randomString } from '../../lib/ids';
import { checkUpload } from '../../lib/upload';
import { regionTitle } from '../../regions/labels';
import { authorize } from '../../regions/guard';
import type { ActionContext } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { distanceToBoundaryMeters, pointWithinRegion, type BoundaryGeometry, type Position } from './geometry';
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
    return `Lintang dan bujur tampaknya tertukar: titik itu berada di ${regionName} bila lintang ${fmtCoord(lng)} dan bujur ${fmtCoord(lat)}. Tukar kedua isian lalu simpan lagi.`;
  }
  const distance = formatDistance(distanceToBoundaryMeters(point, boundary));
  return `Titik ${fmtCoord(lat)}, ${fmtCoord(lng)} berada di luar batas ${regionName} (sekitar ${distance} dari batas wilayah). Pilih titik di dalam wilayah, atau pilih wilayah yang benar.`;
}

async function regionBoundary(db: Db, code: string): Promise<BoundaryGeometry> {
  const row = await db.select({ boundary: regions.boundary }).from(regions).where(eq(regions.code, code)).get();
  if (!row) throw new AppError('not_found', 'Wilayah tidak ditemukan.');
  return JSON.parse(row.boundary) as BoundaryGeometry;
}

/** Authorizes and checks category and point; returns the region. Throws 422 with field errors. */
async function checkPlace(db: Db, input: PlaceInput, ctx: ActionContext) {
  const region = await authorize(db, ctx.actor, 'place.manage', input.region_code);
  const errors: FieldError[] = [];
  if (!(await categoryExists(db, input.category))) errors.push({ field: 'category', message: 'Pilih kategori tempat dari daftar.' });
  const refusal = pointRefusal([input.lng, input.lat], await regionBoundary(db, region.code), regionTitle(region));
  if (refusal) errors.push({ field: 'lat', message: refusal });
  if (errors.length) throw invalid(errors);
  return region;
}

/** Stores a checked photo in R2 under public/places/ and returns its key. */
async function storePhoto(files: R2Bucket, photo: File): Promise<string> {
  const checked = await checkUpload(photo, 'photo', { maxBytes: PLACE_PHOTO_MAX_BYTES, kinds: ['image'] });
  const key = `public/places/${randomString(24, KEY_ALPHABET)}.${checked.type.ext === 'jpeg' ? 'jpg' : checked.type.ext}`;
  await files.put(key, checked.bytes, { httpMetadata: { contentType: checked.type.mime, cacheControl: 'public, max-age=31536000, immutable' } });
  return key;
}

const auditShape = (p: { name: string; category: string; lat: number; lng: number; regionCode: string }) => ({
  name: p.name,
  category: p.category,
  lat: p.lat,
  lng: p.lng,
  region_code: p.regionCode,
});

/** Loads a place for editing: 404 when it does not exist or lies outside the actor's regions, 403 when not allowed. */
export async function placeForEdit(db: Db, id: string, ctx: ActionContext): Promise<PlaceView> {
  const place = await findPlace(db, id);
  if (!place) throw new AppError('not_found', 'Tempat tidak ditemukan.');
  await authorize(db, ctx.actor, 'place.manage', place.regionCode);
  return place;
}

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

export async function createPlace(deps: PlaceDeps, input: PlaceInput, photo: File | null, ctx: ActionContext): Promise<{ id: string }> {
  const region = await checkPlace(deps.db, input, ctx);
  const photoKey = photo ? await storePhoto(deps.files, photo) : null;
  const id = newId(ctx.now);
  const row = {
    id,
    ...placeColumns(input, region.code, photoKey),
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
        after: auditShape(row),
      }),
    ]);
  } catch (err) {
    if (photoKey) await deps.files.delete(photoKey);
    throw err;
  }
  await purgeRegionPages(deps, region.code);
  return { id };
}

export async function updatePlace(deps: PlaceDeps, id: string, input: PlaceInput, photo: File | null, ctx: ActionContext): Promise<void> {
  const before = await placeForEdit(deps.db, id, ctx);
  const region = await checkPlace(deps.db, input, ctx);
  const newPhoto = photo ? await storePhoto(deps.files, photo) : null;
  const photoKey = newPhoto ?? (input.remove_photo ? null : before.photoKey);
  const changes = {
    ...placeColumns(input, region.code, photoKey),
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
        before: auditShape(before),
        after: auditShape(changes),
      }),
    ]);
  } catch (err) {
    if (newPhoto) await deps.files.delete(newPhoto);
    throw err;
  }
  if (before.photoKey && before.photoKey !== photoKey) await deps.files.delete(before.photoKey);
  await purgeRegionPages(deps, region.code);
  if (before.regionCode !== region.code) await purgeRegionPages(deps, before.regionCode);
}

export async function deletePlace(deps: PlaceDeps, id: string, ctx: ActionContext): Promise<PlaceView> {
  const before = await placeForEdit(deps.db, id, ctx);
  await deps.db.batch([
    deps.db.delete(places).where(eq(places.id, id)),
    auditInsert(deps.db, ctx, {
      action: 'place.delete',
      regionCode: before.regionCode,
      entityType: 'place',
      entityId: id,
      summary: `Tempat "${before.name}" dihapus dari ${regionTitle({ level: before.regionLevel, name: before.regionName })}`,
      before: auditShape(before),
    }),
  ]);
  if (before.photoKey) await deps.files.delete(before.photoKey);
  await purgeRegionPages(deps, before.regionCode);
  return before;
}
