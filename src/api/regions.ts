import type { z } from 'zod';
import { notFound } from '../lib/errors';
import { originOf } from '../lib/origin';
import { ancestorCodes } from '../regions/codes';
import { regionHref } from '../regions/paths';
import { findRegionByCode, findRelatives, listRegions, type RegionSummary } from '../regions/repo';
import { RegionCodeParams, RegionDetailJson, RegionJson, RegionListQuery } from '../regions/schemas';
import { badCursor } from './list-params';
import { decodeCursor, encodeCursor, jsonWithEtag } from './respond';
import { pageOf } from './responses';
import { type ApiRouter, apiRoute, apiRouter } from './route';

// The example of an /api/v1 module (docs/CONTRIBUTING.md, "Writing an API route"): each route is declared with
// apiRoute — parameters, every answer, access — and its handler reads the validated input with c.req.valid().

export function regionJson(r: RegionSummary, origin: string): z.infer<typeof RegionJson> {
  return {
    code: r.code,
    name: r.name,
    level: r.level,
    parent_code: r.parentCode,
    slug: r.slug,
    path: r.path,
    url: `${origin}${regionHref(r.path)}`,
    lat: r.lat,
    lng: r.lng,
  };
}

const RegionListJson = pageOf(RegionJson);

const listRegionsRoute = apiRoute({
  method: 'get',
  path: '/regions',
  operationId: 'listRegions',
  tag: 'Wilayah',
  summary: 'List regions (kabupaten, kecamatan, desa, kelurahan)',
  description: 'Ordered by region code. Filter by level, by parent (direct children) or by name.',
  access: { public: true },
  request: { query: RegionListQuery },
  responses: [{ status: 200, description: 'One page of regions', schema: RegionListJson }],
  conditional: true,
  errors: [400],
  errorNotes: { 400: 'The cursor is not one this API issued.', 422: 'An unknown parameter, or a value out of range (`errors[]` names it).' },
});

const getRegionRoute = apiRoute({
  method: 'get',
  path: '/regions/{code}',
  operationId: 'getRegion',
  tag: 'Wilayah',
  summary: 'One region with its parent, ancestors and children',
  access: { public: true },
  request: { params: RegionCodeParams },
  responses: [{ status: 200, description: 'The region', schema: RegionDetailJson }],
  conditional: true,
  errors: [404, 422],
  errorNotes: { 404: 'No region has this code.', 422: 'The code is not a Kemendagri region code.' },
});

export function regionsApi(): ApiRouter {
  const app = apiRouter();

  app.openapi(listRegionsRoute, async (c) => {
    const q = c.req.valid('query');
    let afterCode: string | undefined;
    if (q.cursor) {
      const cur = decodeCursor(q.cursor);
      if (!cur || typeof cur.after !== 'string') throw badCursor();
      afterCode = cur.after;
    }
    const rows = await listRegions(c.get('db'), { level: q.level, parent: q.parent, q: q.q, afterCode, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    const body: z.infer<typeof RegionListJson> = {
      data: page.map((r) => regionJson(r, originOf(c))),
      next_cursor: rows.length > q.limit && last ? encodeCursor({ after: last.code }) : null,
    };
    return jsonWithEtag(c, body);
  });

  app.openapi(getRegionRoute, async (c) => {
    const { code } = c.req.valid('param');
    const db = c.get('db');
    const region = await findRegionByCode(db, code);
    if (!region) throw notFound(`Wilayah dengan kode ${code} tidak ditemukan.`);
    const relatives = await findRelatives(db, code, ancestorCodes(code));
    const ancestors = relatives.filter((r) => r.code !== code && code.startsWith(`${r.code}.`)).sort((a, b) => a.code.length - b.code.length);
    const children = relatives.filter((r) => r.parentCode === code).sort((a, b) => a.code.localeCompare(b.code));
    const parent = ancestors[ancestors.length - 1];
    const body: z.infer<typeof RegionDetailJson> = {
      ...regionJson(region, originOf(c)),
      stage: region.stage,
      last_content_update: region.lastContentUpdate ? new Date(region.lastContentUpdate).toISOString() : null,
      parent: parent ? regionJson(parent, originOf(c)) : null,
      ancestors: ancestors.map((r) => regionJson(r, originOf(c))),
      children: children.map((r) => regionJson(r, originOf(c))),
    };
    return jsonWithEtag(c, body);
  });

  return app;
}
