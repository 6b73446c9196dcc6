import { Hono, type Context } from 'hono';
import { describeRoute } from '../../api/openapi';
import { optionalPartner, requireScope } from '../../api/auth';
import { decodeCursor, encodeCursor } from '../../api/respond';
import type { AppEnv } from '../../env';
import { AppError } from '../../lib/errors';
import { IDEMPOTENCY_KEY_RE } from '../../lib/idempotency';
import { originOf } from '../../lib/origin';
import { rateLimit } from '../../lib/rate-limit';
import { toIsoUtc } from '../../lib/time';
import { addWorkingDays } from '../../lib/working-days';
import { parseOrThrow, queryObject } from '../../lib/validation';
import { regionHref } from '../../regions/paths';
import { paths } from '../../regions/repo';
import { clientIp } from '../../auth/request';
import { loadHolidayCalendar } from '../../lib/holiday-calendar';
import {
  ChangesJson,
  ChangesQuery,
  ComplaintAnyJson,
  ComplaintPartnerJson,
  CreatedJson,
  ExternalRefInput,
  partnerJson,
  publicJson,
  reporterJson,
  TicketParams,
} from './api-json';
import { complaintDeps } from './deps';
import { changesSince, recordExternalRef } from './partner';
import { toPartnerView, toPublicView, toReporterView } from './present';
import { findComplaintByTicket } from './repo';
import { ComplaintInput, TicketSchema } from './schemas';
import { loadBundle, reporterAccess, SUBMIT_LIMIT, submitComplaint } from './service';
import { VERIFY_DAYS } from './status-machine';

const CODE_HEADER = 'X-Complaint-Code';

describeRoute({
  method: 'post',
  path: '/complaints',
  tag: 'Pengaduan',
  summary: 'File a complaint or aspiration (public, rate-limited, idempotent)',
  description:
    'Same fields as the web form (photos only through the web form). Send an `Idempotency-Key` (16–128 of A–Z a–z 0–9 _ -): ' +
    'the same key with the same body answers 200 with the same body as the first 201; the same key with another body is 409. ' +
    'The response carries the reporter’s private code once: hand it to the reporter, never log it.',
  body: ComplaintInput,
  response: CreatedJson,
  headers: { 'Idempotency-Key': { description: 'Makes retries safe: one report per key' } },
});
describeRoute({
  method: 'get',
  path: '/complaints/{ticket}',
  tag: 'Pengaduan',
  summary: 'One complaint: public fields, or everything for its reporter (X-Complaint-Code) or a partner (complaints:read)',
  description: 'Public answers never contain the reporter’s identity; content stays hidden for confidential, unverified, refused and archived reports.',
  params: TicketParams,
  response: ComplaintAnyJson,
  headers: { [CODE_HEADER]: { description: 'The reporter’s private code (instead of a query parameter, so it stays out of logs)' } },
});
describeRoute({
  method: 'get',
  path: '/complaints',
  tag: 'Pengaduan',
  summary: 'Partner change feed: complaints changed since a time, oldest change first',
  description: 'Anonymous reporters’ identity is never included. Page with next_cursor until it is null.',
  query: ChangesQuery,
  response: ChangesJson,
  scopes: ['complaints:read'],
});
describeRoute({
  method: 'put',
  path: '/complaints/{ticket}/external-ref',
  tag: 'Pengaduan',
  summary: 'Record the SP4N-LAPOR tracking id and status of a forwarded complaint',
  params: TicketParams,
  body: ExternalRefInput,
  response: ComplaintPartnerJson,
  scopes: ['complaints:write'],
});

async function jsonBody(c: Context<AppEnv>): Promise<unknown> {
  if (!(c.req.header('Content-Type') ?? '').startsWith('application/json')) {
    throw new AppError('unsupported_media_type', 'Kirim body sebagai application/json.');
  }
  if (Number(c.req.header('Content-Length') ?? '0') > 64 * 1024) throw new AppError('payload_too_large', 'Body terlalu besar (maksimal 64 KB).');
  const text = await c.req.text();
  if (text.length > 64 * 1024) throw new AppError('payload_too_large', 'Body terlalu besar (maksimal 64 KB).');
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return parsed;
  } catch {
    throw new AppError('bad_request', 'Body JSON tidak valid.');
  }
}

function ticketParam(c: Context<AppEnv>): string {
  const parsed = TicketSchema.safeParse(c.req.param('ticket'));
  if (!parsed.success) throw new AppError('not_found', 'Pengaduan tidak ditemukan. Nomor berbentuk ADU-XXXX-XXXX.');
  return parsed.data;
}

export function complaintsApi(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/complaints', async (c) => {
    const key = c.req.header('Idempotency-Key');
    if (key !== undefined && !IDEMPOTENCY_KEY_RE.test(key)) {
      throw new AppError('bad_request', 'Idempotency-Key harus 16–128 karakter A–Z, a–z, 0–9, _ atau -.', {
        fieldErrors: [{ field: 'Idempotency-Key', message: 'Format kunci tidak valid.' }],
      });
    }
    const input = parseOrThrow(ComplaintInput, await jsonBody(c));
    const now = Date.now();
    await rateLimit(c.get('db'), `complaint-submit:${clientIp(c)}`, SUBMIT_LIMIT.limit, SUBMIT_LIMIT.windowMs, now);
    const deps = complaintDeps(c);
    const result = await submitComplaint(deps, input, [], { key, now });
    const [region] = await paths(deps.db, [result.complaint.originRegionCode]);
    const lacak = `${originOf(c)}${regionHref(region?.path ?? '', 'pengaduan', 'lacak')}`;
    // Built from creation-time facts only, so a replay answers with exactly the same body.
    const created = result.complaint.createdAt;
    const body = {
      ticket: result.ticket,
      private_code: result.code,
      received_at: toIsoUtc(created),
      verify_due_at: toIsoUtc(addWorkingDays(created, VERIFY_DAYS, await loadHolidayCalendar(deps.db))),
      tracking_url: `${lacak}?${new URLSearchParams({ nomor: result.ticket })}`,
      private_url: `${lacak}?${new URLSearchParams({ nomor: result.ticket, kode: result.code })}`,
    };
    c.header('Cache-Control', 'no-store');
    if (result.created) c.header('Location', `/api/v1/complaints/${result.ticket}`);
    return c.json(body, result.created ? 201 : 200);
  });

  app.get('/complaints/:ticket', optionalPartner(), async (c) => {
    const ticket = ticketParam(c);
    const db = c.get('db');
    const now = Date.now();
    const partner = c.get('partner');
    const code = c.req.header(CODE_HEADER);
    c.header('Vary', `Authorization, ${CODE_HEADER}`);
    if (code) {
      let row;
      try {
        row = await reporterAccess(db, ticket, code, clientIp(c), now);
      } catch (err) {
        if (err instanceof AppError && err.code === 'not_found') throw new AppError('forbidden', 'Nomor pengaduan atau kode pelapor tidak cocok.');
        throw err;
      }
      c.header('Cache-Control', 'private, no-store');
      c.header('Referrer-Policy', 'no-referrer');
      return c.json(reporterJson(toReporterView(await loadBundle(db, row), now)));
    }
    const row = await findComplaintByTicket(db, ticket);
    if (!row) throw new AppError('not_found', `Pengaduan ${ticket} tidak ditemukan.`);
    const bundle = await loadBundle(db, row);
    if (partner?.scopes.includes('complaints:read')) {
      c.header('Cache-Control', 'private, no-store');
      return c.json(partnerJson(toPartnerView(bundle)));
    }
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(publicJson(toPublicView(bundle)));
  });

  app.get('/complaints', requireScope('complaints:read'), async (c) => {
    const q = parseOrThrow(ChangesQuery, queryObject(new URL(c.req.url)));
    let after: { updatedAt: number; id: string } | null = null;
    if (q.cursor) {
      const cur = decodeCursor(q.cursor);
      if (!cur || typeof cur.u !== 'number' || typeof cur.id !== 'string') {
        throw new AppError('bad_request', 'cursor tidak valid.', { fieldErrors: [{ field: 'cursor', message: 'cursor tidak valid.' }] });
      }
      after = { updatedAt: cur.u, id: cur.id };
    }
    const page = await changesSince(complaintDeps(c), Date.parse(q.since), after, q.limit);
    c.header('Cache-Control', 'private, no-store');
    return c.json({ data: page.views.map(partnerJson), next_cursor: page.next ? encodeCursor({ u: page.next.updatedAt, id: page.next.id }) : null });
  });

  app.put('/complaints/:ticket/external-ref', requireScope('complaints:write'), async (c) => {
    const ticket = ticketParam(c);
    const input = parseOrThrow(ExternalRefInput, await jsonBody(c));
    const partner = c.get('partner')!;
    const view = await recordExternalRef(complaintDeps(c), ticket, input, {
      actor: { kind: 'partner', id: partner.id, name: partner.name, scopes: partner.scopes },
      requestId: c.get('requestId'),
      now: Date.now(),
    });
    c.header('Cache-Control', 'private, no-store');
    return c.json(partnerJson(view));
  });

  return app;
}
