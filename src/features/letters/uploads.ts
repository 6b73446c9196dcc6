/**
 * Requirement uploads (photo or PDF of KTP, KK, …): limits enforced on the server whatever the browser did (count,
 * bytes, magic bytes, pixel size), image metadata stripped, stored in R2 under `letters/<requestId>/<id>.<ext>`.
 * Never public, never cached: only officers in scope and the requester with the private code fetch them.
 */
import { AppError } from '../../lib/errors';
import { sha256Hex } from '../../lib/encoding';
import { imageDimensions, sniffFileType } from '../../lib/file-type';
import { newId } from '../../lib/ids';
import type { RequirementDef } from './template';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_FILES = 10;
export const MAX_SIDE = 10_000;
export const MAX_PIXELS = 40_000_000;
/** Upper bound of a whole multipart request: every file plus the text fields. */
export const MAX_REQUEST_BYTES = MAX_FILES * MAX_FILE_BYTES + 512 * 1024;
const ACCEPTED = new Set(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']);

export interface RequirementUpload {
  requirementKey: string;
  bytes: Uint8Array;
  mime: string;
  ext: string;
  sha256: string;
}

/** Removes metadata (EXIF GPS, comments) from an image; PDFs pass unchanged. */
export type StripMetadata = (bytes: Uint8Array, mime: string) => Uint8Array;

const fail = (field: string, message: string) => new AppError('validation', message, { fieldErrors: [{ field, message }] });

/**
 * Checks the files chosen for each requirement (`req_<key>` form fields or API parts) and cleans them. `required`
 * requirements with `upload` must have a file unless `optionalAll` (a fix round that only replaces some files).
 */
export async function readRequirementUploads(
  files: ReadonlyMap<string, File>,
  requirements: readonly RequirementDef[],
  strip: StripMetadata,
  opts: { optionalAll?: boolean } = {},
): Promise<RequirementUpload[]> {
  const known = new Map(requirements.filter((r) => r.upload).map((r) => [r.key, r]));
  if (files.size > MAX_FILES) throw fail('req', `Lampirkan paling banyak ${MAX_FILES} berkas.`);
  const out: RequirementUpload[] = [];
  for (const r of known.values()) {
    const file = files.get(r.key);
    const field = `req_${r.key}`;
    if (!file) {
      if (r.required && !opts.optionalAll) throw fail(field, `Lampirkan ${r.label.toLowerCase()} (foto atau PDF).`);
      continue;
    }
    if (file.size > MAX_FILE_BYTES) throw fail(field, `${r.label}: berkas terlalu besar (maksimal ${MAX_FILE_BYTES / 1024 / 1024} MB).`);
    const raw = new Uint8Array(await file.arrayBuffer());
    const type = sniffFileType(raw);
    if (!type || !ACCEPTED.has(type.mime)) throw fail(field, `${r.label}: kirim foto (JPG, PNG, WebP) atau PDF.`);
    if (type.kind === 'image') {
      const dims = imageDimensions(raw);
      if (!dims) throw fail(field, `${r.label}: foto rusak atau tidak dapat dibaca.`);
      if (dims.width > MAX_SIDE || dims.height > MAX_SIDE || dims.width * dims.height > MAX_PIXELS) throw fail(field, `${r.label}: ukuran foto terlalu besar.`);
    }
    const bytes = type.kind === 'image' ? strip(raw, type.mime) : raw;
    out.push({ requirementKey: r.key, bytes, mime: type.mime, ext: type.ext, sha256: await sha256Hex(raw) });
  }
  return out;
}

export interface StoredUpload extends RequirementUpload {
  id: string;
  key: string;
}

/** Writes uploads to R2; `cleanup` removes them again when the database write did not happen. */
export async function storeUploads(bucket: R2Bucket, requestId: string, uploads: readonly RequirementUpload[], now: number) {
  const stored: StoredUpload[] = [];
  for (const u of uploads) {
    const id = newId(now);
    const key = `letters/${requestId}/${id}.${u.ext}`;
    await bucket.put(key, u.bytes, { httpMetadata: { contentType: u.mime } });
    stored.push({ ...u, id, key });
  }
  return { stored, cleanup: () => Promise.all(stored.map((s) => bucket.delete(s.key))).then(() => undefined) };
}

/** Streams a stored upload or scan; never cacheable. */
export async function privateFileResponse(bucket: R2Bucket, key: string, mime: string, downloadName?: string): Promise<Response> {
  const obj = await bucket.get(key);
  if (!obj) throw new AppError('not_found', 'Berkas tidak ditemukan.');
  return new Response(obj.body, {
    headers: {
      'Content-Type': ACCEPTED.has(mime) ? mime : 'application/octet-stream',
      'Cache-Control': 'private, no-store',
      'Content-Disposition': downloadName ? `attachment; filename="${downloadName.replace(/[^A-Za-z0-9._-]/g, '_')}"` : 'inline',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
