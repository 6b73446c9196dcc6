import type { Context } from 'hono';
import { etagOf } from '../cache/page-cache';
import { base64urlDecodeText, base64urlEncode } from '../lib/encoding';

/**
 * JSON response with a strong ETag and 304 on If-None-Match. `cacheControl` defaults to a short public cache,
 * suitable for open data; personal responses must pass 'no-store'.
 */
export async function jsonWithEtag(c: Context, data: unknown, options: { cacheControl?: string; contentType?: string } = {}): Promise<Response> {
  const body = JSON.stringify(data);
  const etag = await etagOf(body);
  const headers = new Headers({
    'Content-Type': options.contentType ?? 'application/json; charset=utf-8',
    ETag: etag,
    'Cache-Control': options.cacheControl ?? 'public, max-age=60',
  });
  const inm = c.req.header('If-None-Match');
  if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: 200, headers });
}

/** Opaque keyset cursor: base64url(JSON). Decoding failures are the caller's 400. */
export function encodeCursor(value: Record<string, string | number>): string {
  return base64urlEncode(JSON.stringify(value));
}

export function decodeCursor(cursor: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(base64urlDecodeText(cursor) ?? '');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
