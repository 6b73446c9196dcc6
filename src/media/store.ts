/**
 * Storing processed images in R2 and serving their derivatives. One function writes every file of an image and
 * returns its manifest; one deletes them; one answers a request for a size with the format the browser accepts.
 */
import { AppError } from '../lib/errors';
import { type DerivativeFormat, type DerivativeSize, FORMAT_MIME, SIZE_NAMES } from './limits';
import { allKeys, derivativeKey, manifestOf, type MediaManifest, originalKey, parseManifest } from './manifest';
import { type PipelineOptions, type ProcessedImage, processImage } from './pipeline';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Writes the original and every derivative under `base`; on failure removes what was written and rethrows. */
export async function storeImage(bucket: R2Bucket, base: string, p: ProcessedImage): Promise<MediaManifest> {
  const manifest = manifestOf(base, p);
  const writes: [string, Uint8Array, string][] = [
    [originalKey(manifest), p.original, p.header.mime],
    ...p.derivatives.map((d): [string, Uint8Array, string] => [derivativeKey(base, d.size, d.format), d.bytes, FORMAT_MIME[d.format]]),
  ];
  try {
    for (const [key, bytes, contentType] of writes) await bucket.put(key, bytes, { httpMetadata: { contentType, cacheControl: IMMUTABLE } });
  } catch (err) {
    await deleteImage(bucket, manifest).catch(() => undefined);
    throw err;
  }
  return manifest;
}

export async function deleteImage(bucket: R2Bucket, m: MediaManifest | null | undefined): Promise<void> {
  if (m) await bucket.delete(allKeys(m));
}

/** Every upload path: the pipeline, then R2 under `base` (e.g. public/posts/{id}); resolves the manifest. */
export async function saveImage(bucket: R2Bucket, base: string, bytes: Uint8Array, opts: PipelineOptions = {}): Promise<MediaManifest> {
  return storeImage(bucket, base, await processImage(bytes, opts));
}

/**
 * Removes an image a row points at: every file of its manifest, or the single object of a row stored before the
 * pipeline (`key` alone). Never throws: a leftover object is logged, the row's change stands.
 */
export async function removeImage(bucket: R2Bucket, key: string | null | undefined, mediaJson: string | null | undefined): Promise<void> {
  const m = parseManifest(mediaJson);
  const keys = m ? allKeys(m) : key ? [key] : [];
  if (keys.length === 0) return;
  await bucket.delete(keys).catch((err: unknown) => console.error(JSON.stringify({ msg: 'r2 delete failed', keys, err: String(err) })));
}

/** WebP when the browser says it accepts it (every current browser does), else JPEG. */
export function negotiateFormat(accept: string | undefined | null): DerivativeFormat {
  return /\bimage\/webp\b/i.test(accept ?? '') ? 'webp' : 'jpeg';
}

const DERIVATIVE_PATH = new RegExp(`^(.+)/(${SIZE_NAMES.join('|')})(?:\\.(webp|jpg))?$`);

/** Splits `{base}/{size}[.ext]` (as in /media/…); null for anything else, including originals. */
export function parseDerivativePath(path: string): { base: string; size: DerivativeSize; format: DerivativeFormat | null } | null {
  const m = DERIVATIVE_PATH.exec(path);
  if (!m?.[1] || !m[2]) return null;
  return { base: m[1], size: m[2] as DerivativeSize, format: m[3] === 'webp' ? 'webp' : m[3] === 'jpg' ? 'jpeg' : null };
}

/**
 * A derivative for a request: the format from the path when it names one, else by Accept (Vary: Accept).
 * `cacheControl` decides who may keep it: immutable for public images, `private, no-store` for a reporter's photos.
 */
export async function derivativeResponse(
  bucket: R2Bucket,
  req: { base: string; size: DerivativeSize; format: DerivativeFormat | null },
  headers: Headers,
  cacheControl = IMMUTABLE,
): Promise<Response> {
  const format = req.format ?? negotiateFormat(headers.get('Accept'));
  const obj = await bucket.get(derivativeKey(req.base, req.size, format), { onlyIf: headers });
  if (!obj) throw new AppError('not_found', 'Gambar tidak ditemukan.');
  const out = new Headers({
    'Content-Type': FORMAT_MIME[format],
    'Cache-Control': cacheControl,
    ETag: obj.httpEtag,
    'X-Content-Type-Options': 'nosniff',
  });
  if (!req.format) out.set('Vary', 'Accept');
  if (!('body' in obj) || !obj.body) return new Response(null, { status: 304, headers: out });
  return new Response(obj.body, { headers: out });
}
