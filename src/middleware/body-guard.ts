import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { AppError } from '../lib/errors';
import { uploadMaxBytes } from '../lib/upload';

/**
 * Reads every request body once, counting bytes WHILE reading: a body over its limit answers 413 as soon as the limit
 * is passed, whether it declared a Content-Length or came chunked/streamed (a declared length is not trusted). A form
 * body (urlencoded or multipart) is then parsed here, so a malformed one (no boundary, truncated) answers 400 before
 * any handler or the CSRF check touches it. Later reads (`c.req.parseBody()`, `text()`, `formData()`) use Hono's body
 * cache (or a copy of the Request holding the bytes) and never read the stream again.
 */
export const FORM_MAX_BYTES = 256 * 1024;
export const OTHER_MAX_BYTES = 1024 * 1024;
/** The largest multipart a form may send: one upload (UPLOAD_MAX_BYTES) or three complaint photos, plus the fields. */
const MULTIPART_FLOOR_BYTES = 25 * 1024 * 1024;
const MULTIPART_SLACK_BYTES = 1024 * 1024;

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function limitFor(mediaType: string, env: { UPLOAD_MAX_BYTES?: string }): number {
  if (mediaType === 'multipart/form-data') return Math.max(uploadMaxBytes(env), MULTIPART_FLOOR_BYTES) + MULTIPART_SLACK_BYTES;
  if (mediaType === 'application/x-www-form-urlencoded') return FORM_MAX_BYTES;
  return OTHER_MAX_BYTES;
}

function tooLarge(limit: number): AppError {
  const size = limit >= 1024 * 1024 ? `${Math.floor(limit / 1024 / 1024)} MB` : `${Math.floor(limit / 1024)} KB`;
  return new AppError('payload_too_large', `Kiriman terlalu besar (maksimal ${size}). Kecilkan berkas atau isian lalu kirim lagi.`);
}

/** The body's bytes, or 413 once more than `limit` bytes arrived (the rest is never read). */
export async function readLimited(body: ReadableStream<Uint8Array>, limit: number): Promise<ArrayBuffer> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out.buffer;
}

export function bodyGuard(): MiddlewareHandler<AppEnv> {
  return async function bodyGuardMiddleware(c, next) {
    const raw = c.req.raw;
    if (!BODY_METHODS.has(c.req.method) || !raw.body) return next();
    const contentType = c.req.header('Content-Type') ?? '';
    const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
    const limit = limitFor(mediaType, c.env);
    if (Number(c.req.header('Content-Length') ?? '0') > limit) throw tooLarge(limit);
    const buffer = await readLimited(raw.body, limit);
    // Handlers that read the raw Request (partner token, PPID API) get the same bytes from a fresh copy.
    c.req.raw = new Request(raw, { body: buffer });
    const cache = c.req.bodyCache as Record<string, Promise<unknown>>;
    cache.arrayBuffer = Promise.resolve(buffer);
    if (mediaType === 'multipart/form-data' || mediaType === 'application/x-www-form-urlencoded') {
      const normalised = contentType.replace(/^[^;]+/, (m) => m.toLowerCase());
      try {
        const form = await new Response(buffer, { headers: { 'Content-Type': normalised } }).formData();
        cache.formData = Promise.resolve(form);
      } catch {
        throw new AppError('bad_request', 'Formulir tidak dapat dibaca: datanya rusak atau tidak lengkap. Muat ulang halaman lalu kirim lagi.');
      }
    }
    await next();
  };
}
