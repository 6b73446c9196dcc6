// Public map routes: `{prefix}/peta` (KV-cached SVG map + list of places, enhanced by maplibre) and the same-origin
// base map tiles (only when a base map is configured).
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../env';
import { notFound } from '../../lib/errors';
import { queryObject } from '../../lib/validation';
import { regionTitle } from '../../regions/labels';
import { regionPage } from '../../middleware/region-pages';
import { regionCrumbs } from '../../views/region-crumbs';
import { renderPage } from '../../views/render';
import { mapLayersOf, type Registry } from '../descriptor';
import { BASEMAP_TILE_PATH, basemapConfig, basemapTile, parseTileParams } from './basemap';
import { CATEGORY_CODE_RE } from './places-schemas';
import { listCategories, listRegionMapDots, listRegionMapPlaces, MAP_DOT_LIMIT } from './places-repo';
import { PetaPage } from './peta-views';
import { regionWithChildrenShapes } from './repo';

export const PLACE_PAGE_SIZE = 25;

const PetaQuery = z.object({
  kategori: z.string().regex(CATEGORY_CODE_RE).optional().catch(undefined),
  halaman: z.coerce.number().int().min(1).max(1000).default(1).catch(1),
});

export function geoRoutes(registry: Registry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const layers = mapLayersOf(registry);

  app.get(`${BASEMAP_TILE_PATH}/:z/:x/:y`, async (c) => {
    const config = basemapConfig(c.env);
    if (!config) throw notFound('Peta dasar tidak diaktifkan.');
    const zxy = parseTileParams(c.req.param('z'), c.req.param('x'), c.req.param('y').replace(/\.(png|jpe?g|webp|avif)$/, ''), config.maxZoom);
    if (!zxy) throw notFound('Ubin peta tidak ditemukan.');
    const res = await basemapTile(c.env, config, ...zxy);
    if (!res) throw notFound('Ubin peta tidak ditemukan.');
    return res;
  });

  regionPage(app, '/peta', async (c) => {
    const ctx = c.get('region');
    const db = c.get('db');
    const q = PetaQuery.parse(queryObject(new URL(c.req.url)));
    const [shapes, categories, dots] = await Promise.all([
      regionWithChildrenShapes(db, ctx.region.code),
      listCategories(db),
      listRegionMapDots(db, ctx.region.code, MAP_DOT_LIMIT),
    ]);
    const category = categories.some((cat) => cat.code === q.kategori) ? q.kategori : undefined;
    const list = await listRegionMapPlaces(db, { regionCode: ctx.region.code, category, limit: PLACE_PAGE_SIZE, offset: (q.halaman - 1) * PLACE_PAGE_SIZE });
    const v = c.env.APP_VERSION;
    const maplibre = { js: `/vendor/maplibre-gl.js?v=${v}`, css: `/vendor/maplibre-gl.css?v=${v}` };
    const title = regionTitle(ctx.region);
    return renderPage(
      c,
      {
        title: `Peta ${title}`,
        description: `Peta batas wilayah dan tempat penting ${title}: kantor, sekolah, fasilitas kesehatan, pasar dan lainnya.`,
        nav: { regionPath: ctx.region.path, regionName: title, current: 'peta' },
        breadcrumbs: regionCrumbs(ctx, { label: 'Peta' }),
        // The interactive map (~280 KB) loads only on request, for everyone: the SVG map and the list come first.
        scripts: [`/js/peta.js?v=${v}`],
      },
      <PetaPage
        ctx={ctx}
        shapes={shapes}
        dots={dots}
        places={list.rows}
        total={list.total}
        page={q.halaman}
        pageSize={PLACE_PAGE_SIZE}
        category={category}
        categories={categories}
        layers={layers}
        basemap={basemapConfig(c.env)}
        lazyMap={maplibre}
      />,
    );
  });

  return app;
}
