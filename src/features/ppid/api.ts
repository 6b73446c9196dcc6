import type { z } from 'zod';
import { dataKeys } from '../../lib/data-key';
import { jsonWithEtag } from '../../api/respond';
import { type ApiRouter, apiRoute, apiRouter, IDEMPOTENCY_KEY_HEADER, jsonBody } from '../../api/route';
import { AppError } from '../../lib/errors';
import { checkApiOptIn, offeredChannels } from '../../messaging/citizen-notice';
import { messagingOf } from '../../messaging/request-deps';
import { randomToken } from '../../lib/ids';
import { originOf } from '../../lib/origin';
import { toIsoUtc } from '../../lib/time';
import { regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import { clientIp } from '../../auth/request';
import { dipDocumentHref, loadDip, PUBLIC_DIP_CATEGORIES, type DipEntry } from './dip';
import { findRegion } from './repo';
import { DipJson, DipQuery, InfoRequestApiBody, InfoRequestCreatedJson, InfoRequestNumberParams, InfoRequestStatusJson } from './schemas';
import { publicStatus, SUBMIT_LIMIT, submitRequest } from './service';
import { isLate } from './state';

/** Bodies over this answer 413. */
const MAX_BODY = 16 * 1024;

const createInfoRequestRoute = apiRoute({
  method: 'post',
  path: '/info-requests',
  operationId: 'createInfoRequest',
  tag: 'PPID',
  summary: 'File a public information request (Perki 1/2021 fields)',
  description:
    `Public and rate-limited per IP (${SUBMIT_LIMIT.limit} per ${SUBMIT_LIMIT.windowMs / 60_000} minutes). ` +
    'Send `Idempotency-Key` so a retry returns the same registration number and ' +
    'private code instead of a duplicate (same key with another body: 409); a retry is answered even when the rate limit is spent. ' +
    'The identity number is stored encrypted and never returned. Body at most 16 KB. Optional `notify` opts the requester in to ' +
    'one message per status change on a channel this portal has configured (WhatsApp or e-mail; stored encrypted).',
  access: { public: true },
  request: { headers: IDEMPOTENCY_KEY_HEADER, body: jsonBody(InfoRequestApiBody) },
  bodyLimit: MAX_BODY,
  responses: [
    { status: 201, description: 'Registered', schema: InfoRequestCreatedJson, headers: ['Location'] },
    {
      status: 200,
      description: 'Replay: this Idempotency-Key was already used for the same request',
      schema: InfoRequestCreatedJson,
      headers: ['Idempotent-Replayed'],
    },
  ],
  errors: [409, 429],
  rateLimits: [{ ...SUBMIT_LIMIT, per: 'alamat IP (permohonan baru; pengulangan dengan Idempotency-Key tidak dihitung)' }],
  errorNotes: {
    409: 'The Idempotency-Key was used for another request.',
    422: 'A field is missing or invalid, the region does not exist, or `notify` names a channel not configured or an invalid contact.',
  },
});

const getInfoRequestRoute = apiRoute({
  method: 'get',
  path: '/info-requests/{number}',
  operationId: 'getInfoRequest',
  tag: 'PPID',
  summary: 'Public status of an information request (no personal data, no answer text)',
  access: { public: true },
  request: { params: InfoRequestNumberParams },
  responses: [{ status: 200, description: 'The status', schema: InfoRequestStatusJson }],
  conditional: true,
  errors: [404, 422],
  errorNotes: { 404: 'No request has this number.', 422: 'The number is not of the form PPID-XXXX-XXXX.' },
});

const dipRoute = apiRoute({
  method: 'get',
  path: '/dip',
  operationId: 'getDip',
  tag: 'PPID',
  summary: 'Daftar Informasi Publik of a region, as open data',
  description: 'Public information grouped by category; `dikecualikan` lists only title, legal basis and consequence-test summary.',
  access: { public: true },
  request: { query: DipQuery },
  responses: [{ status: 200, description: 'The list', schema: DipJson }],
  conditional: true,
  errors: [404],
  errorNotes: { 404: 'No region has the `region` code.' },
});

function entryJson(e: DipEntry, origin: string) {
  return {
    kind: e.kind,
    id: e.id,
    title: e.title,
    summary: e.summary,
    responsible_unit: e.responsibleUnit,
    year: e.year,
    format: e.format,
    retention: e.retention,
    url: e.href ? (e.href.startsWith('/') ? `${origin}${e.href}` : e.href) : null,
    updated_at: toIsoUtc(e.updatedAt),
  };
}

export function ppidApi(): ApiRouter {
  const app = apiRouter();

  app.openapi(createInfoRequestRoute, async (c) => {
    const header = c.req.valid('header')['Idempotency-Key'];
    const { region, notify, ...input } = c.req.valid('json');
    const db = c.get('db');
    const target = await findRegion(db, region);
    if (!target) throw new AppError('validation', 'Wilayah tidak ditemukan.', { fieldErrors: [{ field: 'region', message: 'Wilayah tidak ditemukan.' }] });
    const optIn = checkApiOptIn(notify, offeredChannels(messagingOf(c)));
    if (!optIn.ok) throw new AppError('validation', 'Periksa kembali isian yang ditandai.', { fieldErrors: optIn.errors });
    const r = await submitRequest(
      { db, secret: c.env.SESSION_SECRET, dataKeys: dataKeys(c.env), now: Date.now(), requestId: c.get('requestId') },
      { regionCode: target.code, input, key: header ?? randomToken(24), ip: clientIp(c), channel: 'api', notify: optIn.choice },
    );
    const body: z.infer<typeof InfoRequestCreatedJson> = {
      number: r.number,
      private_code: r.code,
      region_code: r.regionCode,
      status: 'diterima',
      registered_at: toIsoUtc(r.registeredAt),
      due_at: toIsoUtc(r.dueAt),
      track_url: `${originOf(c)}${regionHref(target.path, 'ppid', 'lacak')}?nomor=${r.number}`,
    };
    c.header('Cache-Control', 'no-store');
    if (!r.created) {
      c.header('Idempotent-Replayed', 'true');
      return c.json(body, 200);
    }
    c.header('Location', `/api/v1/info-requests/${r.number}`);
    return c.json(body, 201);
  });

  app.openapi(getInfoRequestRoute, async (c) => {
    const { number } = c.req.valid('param');
    const found = await publicStatus(c.get('db'), number);
    if (!found) throw new AppError('not_found', `Permohonan ${number} tidak ditemukan.`);
    const { row, objection: o } = found;
    const body: z.infer<typeof InfoRequestStatusJson> = {
      number: row.number,
      region_code: row.regionCode,
      status: row.status,
      registered_at: toIsoUtc(row.registeredAt),
      due_at: toIsoUtc(row.dueAt),
      original_due_at: toIsoUtc(row.originalDueAt),
      extended: row.extendedAt !== null,
      extension_days: row.extensionDays,
      answered_at: row.answeredAt === null ? null : toIsoUtc(row.answeredAt),
      decision: row.decision,
      late: isLate(row, Date.now()),
      objection: o
        ? {
            status: o.status,
            filed_at: toIsoUtc(o.filedAt),
            due_at: toIsoUtc(o.dueAt),
            decided_at: o.decidedAt === null ? null : toIsoUtc(o.decidedAt),
            outcome: o.outcome,
            information_commission: o.commissionAt !== null,
          }
        : null,
    };
    return jsonWithEtag(c, body, { cacheControl: 'no-cache' });
  });

  app.openapi(dipRoute, async (c) => {
    const q = c.req.valid('query');
    const db = c.get('db');
    const region = await findRegion(db, q.region);
    if (!region) throw new AppError('not_found', `Wilayah dengan kode ${q.region} tidak ditemukan.`);
    const origin = originOf(c);
    const dip = await loadDip(db, region.code, dipDocumentHref(region.path));
    const body: z.infer<typeof DipJson> = {
      region: { code: region.code, name: regionTitle(region) },
      updated_at: dip.updatedAt === null ? null : toIsoUtc(dip.updatedAt),
      berkala: [],
      serta_merta: [],
      setiap_saat: [],
      dikecualikan: dip.excluded.map((e) => ({ kind: e.kind, id: e.id, title: e.title, legal_basis: e.legalBasis, consequence_test: e.consequenceTest })),
    };
    for (const cat of PUBLIC_DIP_CATEGORIES) body[cat] = dip.groups[cat].map((e) => entryJson(e, origin));
    return jsonWithEtag(c, body);
  });

  return app;
}
