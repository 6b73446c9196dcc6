import { Hono } from 'hono';
import type { z } from 'zod';
import { describeRoute } from '../../api/openapi';
import { jsonWithEtag } from '../../api/respond';
import type { AppEnv } from '../../env';
import { AppError } from '../../lib/errors';
import { IDEMPOTENCY_KEY_RE } from '../../lib/idempotency';
import { randomToken } from '../../lib/ids';
import { originOf } from '../../lib/origin';
import { toIsoUtc } from '../../lib/time';
import { parseOrThrow, queryObject } from '../../lib/validation';
import { regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import { clientIp } from '../../auth/request';
import { dipDocumentHref, loadDip, PUBLIC_DIP_CATEGORIES, type DipEntry } from './dip';
import { findRegion } from './repo';
import { DipJson, DipQuery, InfoRequestApiBody, InfoRequestCreatedJson, InfoRequestNumberParams, InfoRequestStatusJson } from './schemas';
import { publicStatus, submitRequest } from './service';
import { isLate } from './state';

describeRoute({
  method: 'post',
  path: '/info-requests',
  tag: 'PPID',
  summary: 'File a public information request (Perki 1/2021 fields)',
  description:
    'Public and rate-limited per IP. Send `Idempotency-Key` so a retry returns the same registration number and private code ' +
    'instead of a duplicate (same key with another body: 409). The identity number is stored encrypted and never returned.',
  body: InfoRequestApiBody,
  response: InfoRequestCreatedJson,
  headers: { 'Idempotency-Key': { description: '16–128 characters [A-Za-z0-9_-], unique per request' } },
});
describeRoute({
  method: 'get',
  path: '/info-requests/{number}',
  tag: 'PPID',
  summary: 'Public status of an information request (no personal data, no answer text)',
  params: InfoRequestNumberParams,
  response: InfoRequestStatusJson,
});
describeRoute({
  method: 'get',
  path: '/dip',
  tag: 'PPID',
  summary: 'Daftar Informasi Publik of a region, as open data',
  description: 'Public information grouped by category; `dikecualikan` lists only title, legal basis and consequence-test summary.',
  query: DipQuery,
  response: DipJson,
});

const MAX_BODY = 16 * 1024;

async function jsonBody(req: Request): Promise<unknown> {
  if (!(req.headers.get('Content-Type') ?? '').startsWith('application/json'))
    throw new AppError('unsupported_media_type', 'Kirim body sebagai application/json.');
  if (Number(req.headers.get('Content-Length') ?? '0') > MAX_BODY) throw new AppError('payload_too_large', 'Body terlalu besar (maksimal 16 KB).');
  const text = await req.text();
  if (text.length > MAX_BODY) throw new AppError('payload_too_large', 'Body terlalu besar (maksimal 16 KB).');
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return parsed;
  } catch {
    throw new AppError('bad_request', 'Body JSON tidak valid.');
  }
}

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

export function ppidApi(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/info-requests', async (c) => {
    const header = c.req.header('Idempotency-Key');
    if (header !== undefined && !IDEMPOTENCY_KEY_RE.test(header)) {
      throw new AppError('bad_request', 'Idempotency-Key harus 16–128 karakter huruf, angka, _ atau -.');
    }
    const { region, ...input } = parseOrThrow(InfoRequestApiBody, await jsonBody(c.req.raw));
    const db = c.get('db');
    const target = await findRegion(db, region);
    if (!target) throw new AppError('validation', 'Wilayah tidak ditemukan.', { fieldErrors: [{ field: 'region', message: 'Wilayah tidak ditemukan.' }] });
    const r = await submitRequest(
      { db, secret: c.env.SESSION_SECRET, now: Date.now(), requestId: c.get('requestId') },
      { regionCode: target.code, input, key: header ?? randomToken(24), ip: clientIp(c), channel: 'api' },
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
    if (!r.created) c.header('Idempotent-Replayed', 'true');
    return c.json(body, r.created ? 201 : 200);
  });

  app.get('/info-requests/:number', async (c) => {
    const { number } = parseOrThrow(InfoRequestNumberParams, { number: c.req.param('number') });
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

  app.get('/dip', async (c) => {
    const q = parseOrThrow(DipQuery, queryObject(new URL(c.req.url)));
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
