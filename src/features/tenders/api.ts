import type { Context } from 'hono';
import type { z } from 'zod';
import { apiRegion, feedCursors, feedHead, parseSince, SYNC_CURSOR, seqOfCursor } from '../../api/list-params';
import { jsonWithEtag } from '../../api/respond';
import { pageOf } from '../../api/responses';
import { type ApiRouter, apiRoute, apiRouter, jsonBody } from '../../api/route';
import type { ActionContext } from '../../auth/actor';
import type { AppEnv } from '../../env';
import { notFound } from '../../lib/errors';
import { originOf } from '../../lib/origin';
import {
  TenderBatchInput,
  TenderBatchJson,
  TenderDetailJson,
  TenderIdParams,
  TenderInput,
  TenderJson,
  TenderKeyParams,
  TenderListQuery,
  TenderUpsertJson,
} from './api-schemas';
import { upsertBatch, upsertPackage } from './api-service';
import { fileHref, tenderHref } from './present';
import { filesOf, findPublicTenderById, listTendersForApi, type PublicTenderRow } from './repo';
import { parseSchedule } from './schedule';
import type { TenderDeps } from './service';
import { locationsOf } from './store';

// /api/v1/tenders: public packages as open data (list with filters, cursor and ETag; one package with its documents),
// and for partner systems with `tenders:write` an idempotent upsert by source + code and a batch of up to 100.

type TenderRowView = Omit<PublicTenderRow, 'nextDeadline'>;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function tenderJson(t: TenderRowView, locationCodes: string[], origin: string): z.infer<typeof TenderJson> {
  return {
    id: t.id,
    source: t.source,
    code: t.externalCode,
    name: t.name,
    owner_name: t.ownerName,
    region_code: t.regionCode,
    url: `${origin}${tenderHref(t)}`,
    procurement_type: t.procurementType,
    method: t.method,
    fiscal_year: t.fiscalYear,
    funding_source: t.fundingSource,
    pagu: t.pagu,
    hps: t.hps,
    status: t.status,
    stage_label: t.stageLabel,
    schedule: parseSchedule(t.scheduleJson).map((w) => ({ stage: w.stage, start: iso(w.s)!, end: iso(w.e)! })),
    winner_name: t.winnerName,
    contract_value: t.contractValue,
    contract_start: iso(t.contractStartAt),
    contract_end: iso(t.contractEndAt),
    location_codes: locationCodes,
    location_text: t.locationText,
    lat: t.lat,
    lng: t.lng,
    source_url: t.sourceUrl,
    description: t.description,
    is_demo: t.isDemo,
    created_at: iso(t.createdAt)!,
    updated_at: iso(t.updatedAt)!,
  };
}

async function detailJson(c: Context<AppEnv>, id: string): Promise<z.infer<typeof TenderDetailJson> | null> {
  const db = c.get('db');
  const t = await findPublicTenderById(db, id);
  if (!t) return null;
  const [locations, files] = await Promise.all([locationsOf(db, [id]), filesOf(db, id)]);
  const origin = originOf(c);
  return {
    ...tenderJson(t, locations.get(id) ?? [], origin),
    documents: files.map((f) => ({ id: f.id, title: f.title, mime: f.mime, size: f.size, url: `${origin}${fileHref(t, f.id)}` })),
  };
}

const deps = (c: Context<AppEnv>): TenderDeps => ({ db: c.get('db'), env: c.env, files: c.env.FILES });

function partnerContext(c: Context<AppEnv>): ActionContext {
  const partner = c.get('partner')!;
  return { actor: { kind: 'partner', id: partner.id, name: partner.name, scopes: partner.scopes }, requestId: c.get('requestId'), now: Date.now() };
}

const TenderListJson = pageOf(TenderJson).extend({ sync_cursor: SYNC_CURSOR });

const listTendersRoute = apiRoute({
  method: 'get',
  path: '/tenders',
  operationId: 'listTenders',
  tag: 'Lelang',
  summary: 'List published procurement packages',
  description:
    'Regency packages (SPSE/SiRUP) and village procurement of a region and everything under it (a package counts for its owner region and ' +
    'the regions where the work is carried out). Ordered by a change sequence (commit order, not time): start with `since` or nothing, ' +
    'follow `next_cursor` until null, then store `sync_cursor` and poll with it as `cursor` — no change committed late is skipped.',
  access: { public: true },
  request: { query: TenderListQuery },
  responses: [{ status: 200, description: 'One page of packages', schema: TenderListJson }],
  conditional: true,
  errors: [400, 404],
  errorNotes: { 400: 'The cursor is not one this API issued.', 404: 'No region has this code.' },
});

const getTenderRoute = apiRoute({
  method: 'get',
  path: '/tenders/{id}',
  operationId: 'getTender',
  tag: 'Lelang',
  summary: 'One published package with its documents',
  access: { public: true },
  request: { params: TenderIdParams },
  responses: [{ status: 200, description: 'The package', schema: TenderDetailJson }],
  conditional: true,
  errors: [404],
  errorNotes: { 404: 'No published package has this id.' },
});

const upsertTenderRoute = apiRoute({
  method: 'put',
  path: '/tenders/{source}/{code}',
  operationId: 'upsertTender',
  tag: 'Lelang',
  summary: 'Create or replace a regency package by its SPSE/SiRUP code',
  description:
    'Idempotent: the same content again answers 200 with `result: unchanged` and writes nothing (no new `updated_at`). ' +
    'The status follows the schedule unless `status` is given.',
  access: { partner: 'tenders:write' },
  request: { params: TenderKeyParams, body: jsonBody(TenderInput) },
  responses: [
    { status: 201, description: 'Created', schema: TenderUpsertJson, headers: ['Location'] },
    { status: 200, description: 'Changed, or unchanged (the same content was already stored)', schema: TenderUpsertJson },
  ],
  errors: [409],
  errorNotes: { 409: 'Another request changed this package at the same moment; send the request again.' },
});

const batchTendersRoute = apiRoute({
  method: 'post',
  path: '/tenders/batch',
  operationId: 'upsertTendersBatch',
  tag: 'Lelang',
  summary: 'Create or replace up to 100 regency packages',
  description: 'Each item (`source`, `code` and the fields of TenderInput) is checked and written on its own: the answer has a result per item.',
  access: { partner: 'tenders:write' },
  bodyLimit: 512 * 1024,
  request: { body: jsonBody(TenderBatchInput) },
  responses: [{ status: 200, description: 'A result per item, in order', schema: TenderBatchJson }],
});

export function tendersApi(): ApiRouter {
  const app = apiRouter();

  app.openapi(listTendersRoute, async (c) => {
    const q = c.req.valid('query');
    const afterSeq = seqOfCursor(q.cursor);
    const regionCode = await apiRegion(c, q.region);
    const status = q.open === 'true' ? 'buka' : q.status;
    const headBefore = await feedHead(c.get('db'), 'tenders');
    const rows = await listTendersForApi(c.get('db'), {
      regionCode,
      filter: { tahun: q.year, status, jenis: q.type, sumber: q.source },
      since: q.since === undefined ? undefined : (parseSince(q.since) ?? undefined),
      afterSeq,
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const locations = await locationsOf(
      c.get('db'),
      page.map((t) => t.id),
    );
    const body: z.infer<typeof TenderListJson> = {
      data: page.map((t) => tenderJson(t, locations.get(t.id) ?? [], originOf(c))),
      ...feedCursors(page, rows.length > q.limit, afterSeq, headBefore),
    };
    return jsonWithEtag(c, body);
  });

  app.openapi(getTenderRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = await detailJson(c, id);
    if (!body) throw notFound('Paket tidak ditemukan.');
    return jsonWithEtag(c, body);
  });

  app.openapi(batchTendersRoute, async (c) => {
    const { items } = c.req.valid('json');
    const results = await upsertBatch(deps(c), items, partnerContext(c));
    const countOf = (r: string) => results.filter((x) => x.result === r).length;
    c.header('Cache-Control', 'no-store');
    return c.json(
      { results, summary: { created: countOf('created'), changed: countOf('changed'), unchanged: countOf('unchanged'), failed: countOf('error') } },
      200,
    );
  });

  app.openapi(upsertTenderRoute, async (c) => {
    const { source, code } = c.req.valid('param');
    const done = await upsertPackage(deps(c), source, code, c.req.valid('json'), partnerContext(c));
    const tender = await detailJson(c, done.id);
    if (!tender) throw notFound('Paket tidak ditemukan.');
    c.header('Cache-Control', 'no-store');
    if (done.outcome === 'created') {
      c.header('Location', `/api/v1/tenders/${done.id}`);
      return c.json({ result: done.outcome, tender }, 201);
    }
    return c.json({ result: done.outcome, tender }, 200);
  });

  return app;
}
