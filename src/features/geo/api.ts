// /api/v1 GeoJSON endpoints: region boundaries, children, places and optional map layers.
// Responses are application/geo+json with a strong ETag (304 on If-None-Match) and a short public cache.
import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import { describeRoute } from '../../api/openapi';
import { decodeCursor, encodeCursor, jsonWithEtag } from '../../api/respond';
import type { AppEnv } from '../../env';
import { AppError, notFound } from '../../lib/errors';
import { originOf } from '../../lib/origin';
import { parseOrThrow, queryObject } from '../../lib/validation';
import { regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import { findRegionByCode } from '../../regions/repo';
import { mapLayersOf, type Registry } from '../descriptor';
import {
  GeoCodeParams,
  LayerFeatureCollectionJson,
  LayerParams,
  LayerQuery,
  PlaceFeatureCollectionJson,
  PlacesQuery,
  RegionFeatureCollectionJson,
  RegionFeatureJson,
  RegionGeoQuery,
} from './places-schemas';
import { categoryExists, listPlacesForApi, type PlaceView } from './places-repo';
import { regionWithChildrenShapes, type RegionShape } from './repo';

export const GEOJSON_TYPE = 'application/geo+json; charset=utf-8';
/** Open data that changes rarely: a minute fresh, then served stale while revalidating. */
export const GEO_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=3600';

export function regionFeature(r: RegionShape, origin: string): z.infer<typeof RegionFeatureJson> {
  return {
    type: 'Feature',
    id: r.code,
    bbox: r.bbox,
    geometry: r.boundary,
    properties: {
      code: r.code,
      name: r.name,
      title: regionTitle(r),
      level: r.level,
      parent_code: r.parentCode,
      url: `${origin}${regionHref(r.path)}`,
      label_point: [r.lng, r.lat],
    },
  };
}

export function placeFeature(p: PlaceView, origin: string) {
  return {
    type: 'Feature' as const,
    id: p.id,
    geometry: { type: 'Point' as const, coordinates: [p.lng, p.lat] as [number, number] },
    properties: {
      name: p.name,
      category: p.category,
      category_label: p.categoryLabel,
      color: p.color,
      region_code: p.regionCode,
      address: p.address,
      description: p.description,
      opening_hours: p.openingHours,
      contact: p.contact,
      photo_url: p.photoKey ? `${origin}/media/${p.photoKey}/article.jpg` : null,
      url: `${origin}${regionHref(p.regionPath, 'peta')}#tempat-${p.id}`,
      updated_at: new Date(p.updatedAt).toISOString(),
    },
  };
}

const geo = (c: Context<AppEnv>, body: unknown) => jsonWithEtag(c, body, { contentType: GEOJSON_TYPE, cacheControl: GEO_CACHE_CONTROL });

describeRoute({
  method: 'get',
  path: '/geo/regions/{code}',
  tag: 'Peta',
  summary: 'Boundary of a region as a GeoJSON Feature, or its children as a FeatureCollection (?children=1)',
  description: 'Boundaries are simplified and indicative, not legally binding. Coordinates are WGS84 [lng, lat].',
  params: GeoCodeParams,
  query: RegionGeoQuery,
  response: RegionFeatureJson.or(RegionFeatureCollectionJson),
  responseContentType: 'application/geo+json',
});
describeRoute({
  method: 'get',
  path: '/places',
  tag: 'Peta',
  summary: 'Places (kantor, sekolah, puskesmas, pasar, …) as a GeoJSON FeatureCollection',
  query: PlacesQuery,
  response: PlaceFeatureCollectionJson,
  responseContentType: 'application/geo+json',
});
describeRoute({
  method: 'get',
  path: '/geo/layers/{layer}',
  tag: 'Peta',
  summary: 'Points of an optional map layer (e.g. public complaints) in a region, as GeoJSON',
  params: LayerParams,
  query: LayerQuery,
  response: LayerFeatureCollectionJson,
  responseContentType: 'application/geo+json',
});

export function geoApi(registry: Registry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const layers = mapLayersOf(registry);

  app.get('/geo/regions/:code', async (c) => {
    const { code } = parseOrThrow(GeoCodeParams, { code: c.req.param('code') });
    const q = parseOrThrow(RegionGeoQuery, queryObject(new URL(c.req.url)));
    const { self, children } = await regionWithChildrenShapes(c.get('db'), code);
    if (!self) throw notFound(`Wilayah dengan kode ${code} tidak ditemukan.`);
    const origin = originOf(c);
    if (q.children === '1') return geo(c, { type: 'FeatureCollection', features: children.map((ch) => regionFeature(ch, origin)) });
    return geo(c, regionFeature(self, origin));
  });

  app.get('/places', async (c) => {
    const q = parseOrThrow(PlacesQuery, queryObject(new URL(c.req.url)));
    const db = c.get('db');
    if (q.region && !(await findRegionByCode(db, q.region))) throw notFound(`Wilayah dengan kode ${q.region} tidak ditemukan.`);
    if (q.category && !(await categoryExists(db, q.category))) {
      const message = `Kategori "${q.category}" tidak dikenal.`;
      throw new AppError('validation', message, { fieldErrors: [{ field: 'category', message }] });
    }
    let afterId: string | undefined;
    if (q.cursor) {
      const cur = decodeCursor(q.cursor);
      if (!cur || typeof cur.after !== 'string') {
        throw new AppError('bad_request', 'cursor tidak valid.', { fieldErrors: [{ field: 'cursor', message: 'cursor tidak valid.' }] });
      }
      afterId = cur.after;
    }
    const rows = await listPlacesForApi(db, { regionCode: q.region, category: q.category, bbox: q.bbox, afterId, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    const origin = originOf(c);
    return geo(c, {
      type: 'FeatureCollection',
      features: page.map((p) => placeFeature(p, origin)),
      next_cursor: rows.length > q.limit && last ? encodeCursor({ after: last.id }) : null,
    });
  });

  app.get('/geo/layers/:layer', async (c) => {
    const { layer: id } = parseOrThrow(LayerParams, { layer: c.req.param('layer') });
    const layer = layers.find((l) => l.id === id);
    if (!layer) throw notFound(`Lapisan peta "${id}" tidak tersedia.`);
    const q = parseOrThrow(LayerQuery, queryObject(new URL(c.req.url)));
    if (!(await findRegionByCode(c.get('db'), q.region))) throw notFound(`Wilayah dengan kode ${q.region} tidak ditemukan.`);
    const points = await layer.load(c.get('db'), q.region);
    const origin = originOf(c);
    return geo(c, {
      type: 'FeatureCollection',
      features: points.map((p) => ({
        type: 'Feature',
        id: p.id,
        geometry: { type: 'Point', coordinates: [p.lng, p.lat] },
        properties: { title: p.title, subtitle: p.subtitle, url: p.url ? `${origin}${p.url}` : null },
      })),
    });
  });

  return app;
}
