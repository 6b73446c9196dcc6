import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { notFound } from '../../lib/errors';
import { loadRegionContext } from '../../regions/context';
import { resolveOldLink } from '../../regions/old-links';

/**
 * `{region}/situs-lama/{old path}`: an old link of a region's retired site, on the portal's own origin. Imported
 * content points here when it links to an old page whose new place was not known yet at import time (imported later,
 * or never): the same answer as the old host gives — 301 to the new page, or the region's home with an explanation.
 */
export function oldSiteRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  for (const prefix of ['', '/:kec{[a-z0-9-]+}', '/:kec{[a-z0-9-]+}/:desa{[a-z0-9-]+}']) {
    app.get(`${prefix}/situs-lama/*`, async (c) => {
      const regionPath = [c.req.param('kec'), c.req.param('desa')].filter(Boolean).join('/');
      const ctx = await loadRegionContext(c.get('db'), regionPath);
      if (!ctx) throw notFound('Wilayah yang Anda cari tidak ditemukan.');
      const url = new URL(c.req.url);
      const old = url.pathname.slice(url.pathname.indexOf('/situs-lama') + '/situs-lama'.length) || '/';
      const answer = await resolveOldLink(c.get('db'), { code: ctx.region.code, path: ctx.region.path }, `${old}${url.search}`);
      c.header('Cache-Control', answer.permanent ? 'public, max-age=86400' : 'no-store');
      return c.redirect(answer.location, answer.permanent ? 301 : 302);
    });
  }
  return app;
}
