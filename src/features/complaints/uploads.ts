/**
 * Complaint photos: limits enforced on the server whatever the browser did (count, bytes), then THE image pipeline
 * (src/media): orientation applied, all metadata stripped (GPS of an anonymous reporter included), thumbnail and
 * article derivatives. Stored in R2 under `complaints/<complaintId>/<attachmentId>/…`.
 *
 * Photos are NEVER stored under `public/` and never served by /media: they may show faces, house numbers or the
 * reporter's home, and no moderation step exists. Only the handlers in scope (admin route) and the reporter holding
 * the private code can fetch them, always with `Cache-Control: no-store`.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../env';
import { AppError } from '../../lib/errors';
import { sha256Hex } from '../../lib/encoding';
import { newId } from '../../lib/ids';
import { originalKey, parseManifest, serializeManifest } from '../../media/manifest';
import { type ProcessedImage, processImage } from '../../media/pipeline';
import { derivativeResponse, storeImage } from '../../media/store';

export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
/** Upper bound of a whole multipart request: all photos plus the text fields. */
export const MAX_REQUEST_BYTES = MAX_PHOTOS * MAX_PHOTO_BYTES + 512 * 1024;
const ACCEPTED = new Set(['image/jpeg', 'image/png', 'image/webp']);

export interface PhotoUpload {
  processed: ProcessedImage;
  /** The kept original, metadata stripped. */
  bytes: Uint8Array;
  mime: string;
  width: number;
  height: number;
  /** Of the bytes as sent: part of the submission's idempotency hash. */
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

/** Validates and processes the photos (the image pipeline); any refusal is a 422 with a `photos` field error. */
export async function readPhotos(files: File[], images?: ImagesBinding): Promise<PhotoUpload[]> {
  if (files.length > MAX_PHOTOS) throw photoError(`Lampirkan paling banyak ${MAX_PHOTOS} foto.`);
  const out: PhotoUpload[] = [];
  for (const [i, file] of files.entries()) {
    const n = i + 1;
    if (file.size > MAX_PHOTO_BYTES) throw photoError(`Foto ke-${n} terlalu besar (maksimal ${MAX_PHOTO_BYTES / 1024 / 1024} MB).`);
    const raw = new Uint8Array(await file.arrayBuffer());
    let processed: ProcessedImage;
    try {
      processed = await processImage(raw, { field: 'photos', images });
    } catch (err) {
      if (err instanceof AppError && err.fieldErrors.length) throw photoError(`Foto ke-${n}: ${err.message}`);
      throw err;
    }
    const h = processed.header;
    out.push({ processed, bytes: processed.original, mime: h.mime, ...processed.originalSize, sha256: await sha256Hex(raw) });
  }
  return out;
}

export interface StoredPhoto extends PhotoUpload {
  id: string;
  /** The kept original's key (rows stored before the pipeline have only this). */
  key: string;
  /** Manifest JSON of the derivatives. */
  media: string;
  keys: string[];
}

/** Writes photos to R2 and returns their rows' data; `cleanup` removes them again when the DB write did not happen. */
export async function storePhotos(files: R2Bucket, complaintId: string, photos: PhotoUpload[], now: number) {
  const stored: StoredPhoto[] = [];
  for (const p of photos) {
    const id = newId(now);
    const m = await storeImage(files, `complaints/${complaintId}/${id}`, p.processed);
    stored.push({
      ...p,
      id,
      key: originalKey(m),
      media: serializeManifest(m),
      keys: [originalKey(m), ...['thumb', 'article'].flatMap((s) => [`${m.base}/${s}.webp`, `${m.base}/${s}.jpg`])],
    });
  }
  return { stored, cleanup: () => Promise.all(stored.map((s) => files.delete(s.keys))).then(() => undefined) };
}

/**
 * A stored photo for the handlers in scope or the reporter: the article-size derivative (≤ 60 KB, what a phone needs)
 * or, for photos stored before the pipeline, the stripped original. Never cacheable.
 */
export async function attachmentResponse(files: R2Bucket, att: { r2Key: string; mime: string; media: string | null }, headers?: Headers): Promise<Response> {
  const m = parseManifest(att.media);
  if (!m) return photoResponse(files, att.r2Key, att.mime);
  const res = await derivativeResponse(files, { base: m.base, size: 'article', format: null }, headers ?? new Headers(), 'private, no-store');
  res.headers.set('Referrer-Policy', 'no-referrer');
  return res;
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
