/**
 * Reading letter forms safely: the requirement files of a multipart body, a size check before parsing, and malformed
 * bodies answered 400 instead of 500. Shared by the public and the admin routes.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../env';
import { AppError } from '../../lib/errors';
import { MAX_REQUEST_BYTES } from './uploads';

type C = Context<AppEnv>;

/** Multipart files named `req_<key>` (an empty file input sends a nameless, empty File). */
export async function requirementFiles(c: C): Promise<Map<string, File>> {
  if (!(c.req.header('Content-Type') ?? '').startsWith('multipart/form-data')) return new Map();
  const body = await c.req.parseBody({ all: true });
  const out = new Map<string, File>();
  for (const [k, v] of Object.entries(body)) {
    const f = [v].flat().find((x): x is File => typeof x === 'object' && x !== null && 'arrayBuffer' in x && (x as File).size > 0);
    if (k.startsWith('req_') && f) out.set(k.slice(4), f);
  }
  return out;
}

/**
 * The shared form reader with malformed bodies (multipart without a boundary, truncated) answered 400 instead of 500.
 * (The shared reader gets the same guard with the multipart-limits work; this keeps letters safe meanwhile.)
 */
export async function safeForm<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('bad_request', 'Kiriman formulir rusak atau terpotong. Muat ulang halaman lalu kirim lagi.');
  }
}

export function assertLetterRequestSize(c: C): void {
  if (Number(c.req.header('Content-Length') ?? '0') > MAX_REQUEST_BYTES)
    throw new AppError('payload_too_large', 'Kiriman terlalu besar. Perkecil foto atau kirim lebih sedikit berkas.');
}
