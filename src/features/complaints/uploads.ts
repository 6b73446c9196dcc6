/**
 * Complaint photos: limits enforced on the server whatever the browser did (count, bytes, magic bytes, pixel size),
 * metadata stripped, stored in R2 under `complaints/<complaintId>/<attachmentId>.<ext>`.
 *
 * Photos are NEVER stored under `public/` and never served by /media: they may show faces, house numbers or the
 * reporter's home, and no moderation step exists. Only the handlers in scope (admin route) and the reporter holding
 * the private code can fetch them, always with `Cache-Control: no-store`.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../env';
import { AppError } from '../../lib/errors';
import { sha256Hex } from '../../lib/encoding';
import { imageDimensions, sniffFileType } from '../../lib/file-type';
import { newId } from '../../lib/ids';
import { stripMetadata } from '../../lib/photo-metadata';

export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
export const MAX_PHOTO_SIDE = 10_000;
export const MAX_PHOTO_PIXELS = 40_000_000;
/** Upper bound of a whole multipart request: all photos plus the text fields. */
export const MAX_REQUEST_BYTES = MAX_PHOTOS * MAX_PHOTO_BYTES + 512 * 1024;
const ACCEPTED = new Set(['image/jpeg', 'image/png', 'image/webp']);

export interface PhotoUpload {
  bytes: Uint8Array;
  mime: string;
  ext: string;
  width: number;
  height: number;
  sha256: string;
}

const photoError = (message: string) => new AppError('validation', message, { fieldErrors: [{ field: 'photos', message }] });

/** Rejects bodies that are too big before they are parsed (413). */
export function assertUploadSize(c: Context<AppEnv>): void {
  const length = Number(c.req.header('Content-Length') ?? '0');
  if (length > MAX_REQUEST_BYTES) {
    throw new AppError('payload_too_large', `Kiriman terlalu besar. Maksimal ${MAX_PHOTOS} foto, masing-masing ${MAX_PHOTO_BYTES / 1024 / 1024} MB.`);
  }
}

/** The non-empty files of a multipart field (an empty file input sends a nameless, empty File). */
export async function filesOf(c: Context<AppEnv>, field = 'photos'): Promise<File[]> {
  const type = c.req.header('Content-Type') ?? '';
  if (!type.startsWith('multipart/form-data')) return [];
  const body = await c.req.parseBody({ all: true });
  return [body[field]].flat().filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f && (f as File).size > 0);
}

/** Validates and cleans the photos; throws a 422 with a `photos` field error. */
export async function readPhotos(files: File[]): Promise<PhotoUpload[]> {
  if (files.length > MAX_PHOTOS) throw photoError(`Lampirkan paling banyak ${MAX_PHOTOS} foto.`);
  const out: PhotoUpload[] = [];
  for (const [i, file] of files.entries()) {
    const n = i + 1;
    if (file.size > MAX_PHOTO_BYTES) throw photoError(`Foto ke-${n} terlalu besar (maksimal ${MAX_PHOTO_BYTES / 1024 / 1024} MB).`);
    const raw = new Uint8Array(await file.arrayBuffer());
    const type = sniffFileType(raw);
    if (!type || !ACCEPTED.has(type.mime)) throw photoError(`Foto ke-${n} bukan gambar JPG, PNG atau WebP.`);
    const dims = imageDimensions(raw);
    if (!dims) throw photoError(`Foto ke-${n} rusak atau tidak dapat dibaca.`);
    if (dims.width > MAX_PHOTO_SIDE || dims.height > MAX_PHOTO_SIDE || dims.width * dims.height > MAX_PHOTO_PIXELS) {
      throw photoError(`Ukuran foto ke-${n} terlalu besar (maksimal ${MAX_PHOTO_SIDE.toLocaleString('id-ID')} piksel per sisi).`);
    }
    const bytes = stripMetadata(raw, type.mime);
    out.push({ bytes, mime: type.mime, ext: type.ext, width: dims.width, height: dims.height, sha256: await sha256Hex(raw) });
  }
  return out;
}

export interface StoredPhoto extends PhotoUpload {
  id: string;
  key: string;
}

/** Writes photos to R2 and returns their rows' data; `cleanup` removes them again when the DB write did not happen. */
export async function storePhotos(files: R2Bucket, complaintId: string, photos: PhotoUpload[], now: number) {
  const stored: StoredPhoto[] = [];
  for (const p of photos) {
    const id = newId(now);
    const key = `complaints/${complaintId}/${id}.${p.ext}`;
    await files.put(key, p.bytes, { httpMetadata: { contentType: p.mime } });
    stored.push({ ...p, id, key });
  }
  return { stored, cleanup: () => Promise.all(stored.map((s) => files.delete(s.key))).then(() => undefined) };
}

/** Streams a stored photo; never cacheable, never a download of something else than an image. */
export async function photoResponse(files: R2Bucket, key: string, mime: string): Promise<Response> {
  const obj = await files.get(key);
  if (!obj) throw new AppError('not_found', 'Foto tidak ditemukan.');
  return new Response(obj.body, {
    headers: {
      'Content-Type': ACCEPTED.has(mime) ? mime : 'application/octet-stream',
      'Cache-Control': 'private, no-store',
      'Content-Disposition': 'inline',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
