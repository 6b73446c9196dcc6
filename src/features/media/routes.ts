import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { notFound } from '../../lib/errors';

/** Public media (post covers, place photos) stored in R2 under the `public/` prefix. Other prefixes are never served here. */
const MEDIA_KEY_RE = /^public\/[a-z0-9-]+\/[A-Za-z0-9]{10,40}\.(jpg|png|webp|gif)$/;

export function mediaRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/media/*', async (c) => {
    const key = decodeURIComponent(c.req.path.slice('/media/'.length));
    if (!MEDIA_KEY_RE.test(key)) throw notFound('Berkas tidak ditemukan.');
    const obj = await c.env.FILES.get(key, { onlyIf: c.req.raw.headers });
    if (!obj) throw notFound('Berkas tidak ditemukan.');
    const headers = new Headers();
    obj.writeHttpMetadata(headers);
    headers.set('ETag', obj.httpEtag);
    headers.set('Cache-Control', 'public, max-age=31536000, immutable');
    if (!('body' in obj) || !obj.body) return new Response(null, { status: 304, headers });
    return new Response(obj.body, { headers });
  });
  return app;
}
