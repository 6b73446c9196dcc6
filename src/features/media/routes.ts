import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { notFound } from '../../lib/errors';
import { derivativeResponse, parseDerivativePath } from '../../media/store';

/**
 * Public images (post covers, place photos) from R2: only derivatives made by the image pipeline, only under the
 * `public/` prefix — `/media/{base}/{thumb|article}` answers WebP or JPEG by the browser's Accept header,
 * `/media/{base}/{size}.{webp|jpg}` a fixed format (feeds, Open Graph). Originals are never served here, and neither
 * is anything stored before the pipeline existed (it could still carry EXIF, GPS included).
 */
const BASE_RE = /^public\/[a-z0-9-]+\/[A-Za-z0-9]{10,40}$/;

export function mediaRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/media/*', async (c) => {
    let path: string;
    try {
      path = decodeURIComponent(c.req.path.slice('/media/'.length));
    } catch {
      throw notFound('Berkas tidak ditemukan.');
    }
    const req = parseDerivativePath(path);
    if (!req || !BASE_RE.test(req.base)) throw notFound('Berkas tidak ditemukan.');
    return derivativeResponse(c.env.FILES, req, c.req.raw.headers);
  });
  return app;
}
