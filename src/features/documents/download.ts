import type { Context } from 'hono';
import type { DocumentVersionRow } from '../../db/schema';
import type { AppEnv } from '../../env';
import { notFound } from '../../lib/errors';
import { contentDisposition, safeDownloadName } from '../../lib/file-type';

/**
 * Streams one document version from R2 with the sniffed Content-Type, an attachment Content-Disposition built from
 * the document title (never the uploader's raw file name), a strong ETag (the SHA-256 of the bytes) and 304 on
 * If-None-Match without touching R2.
 */
export async function serveVersion(
  c: Context<AppEnv>,
  v: Pick<DocumentVersionRow, 'r2Key' | 'mime' | 'ext' | 'size' | 'sha256' | 'version'>,
  title: string,
  options: { cacheControl: string; latest: boolean },
): Promise<Response> {
  const etag = `"${v.sha256}"`;
  const filename = safeDownloadName(options.latest ? title : `${title} (versi ${v.version})`, v.ext);
  const headers = new Headers({
    'Content-Type': v.mime,
    'Content-Disposition': contentDisposition(filename),
    ETag: etag,
    'Cache-Control': options.cacheControl,
    'X-Content-Type-Options': 'nosniff',
  });
  const inm = c.req.header('If-None-Match');
  if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*')) {
    return new Response(null, { status: 304, headers });
  }
  const obj = await c.env.FILES.get(v.r2Key);
  if (!obj) throw notFound('Berkas dokumen tidak ditemukan. Hubungi pengelola situs wilayah ini.');
  headers.set('Content-Length', String(obj.size));
  return new Response(c.req.method === 'HEAD' ? null : obj.body, { status: 200, headers });
}
