import { Hono } from 'hono';
import type { z } from 'zod';
import { describeRoute } from './openapi';
import { decodeCursor, encodeCursor, jsonWithEtag } from './respond';
import type { AppEnv } from '../env';
import { AppError, notFound } from '../lib/errors';
import { parseOrThrow, queryObject } from '../lib/validation';
import { ancestorCodes } from '../regions/codes';
import { regionHref } from '../regions/paths';
import { findRegionByCode, findRelatives, listRegions, type RegionSummary } from '../regions/repo';
import { RegionCodeParams, RegionDetailJson, RegionJson, RegionListJson, RegionListQuery } from '../regions/schemas';
import { originOf } from '../lib/origin';

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

describeRoute({
  method: 'get',
  path: '/regions',
  tag: 'Wilayah',
  summary: 'List regions (kabupaten, kecamatan, desa, kelurahan)',
  query: RegionListQuery,
  response: RegionListJson,
});
describeRoute({
  method: 'get',
  path: '/regions/{code}',
  tag: 'Wilayah',
  summary: 'One region with its parent, ancestors and children',
  params: RegionCodeParams,
  response: RegionDetailJson,
});

export function regionsApi(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/regions', async (c) => {
    const q = parseOrThrow(RegionListQuery, queryObject(new URL(c.req.url)));
    let afterCode: string | undefined;
    if (q.cursor) {
      const cur = decodeCursor(q.cursor);
      if (!cur || typeof cur.after !== 'string') {
        throw new AppError('bad_request', 'cursor tidak valid.', { fieldErrors: [{ field: 'cursor', message: 'cursor tidak valid.' }] });
      }
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

  app.get('/regions/:code', async (c) => {
    const { code } = parseOrThrow(RegionCodeParams, { code: c.req.param('code') });
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
