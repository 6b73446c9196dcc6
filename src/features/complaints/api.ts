import { z } from 'zod';
import { seqOfCursor } from '../../api/list-params';
import { jsonWithEtag } from '../../api/respond';
import { type ApiRouter, apiRoute, apiRouter, IDEMPOTENCY_KEY_HEADER, jsonBody } from '../../api/route';
import { PRIVATE_CODE_HEADER } from '../../api/security';
import { clientIp } from '../../auth/request';
import { AppError } from '../../lib/errors';
import { checkApiOptIn, offeredChannels } from '../../messaging/citizen-notice';
import { messagingOf } from '../../messaging/request-deps';
import { loadHolidayCalendar } from '../../lib/holiday-calendar';
import { findIdempotent } from '../../lib/idempotency';
import { originOf } from '../../lib/origin';
import { rateLimit } from '../../lib/rate-limit';
import { toIsoUtc } from '../../lib/time';
import { addWorkingDays } from '../../lib/working-days';
import { regionHref } from '../../regions/paths';
import { paths } from '../../regions/repo';
import {
  CategoryListJson,
  ChangesJson,
  ChangesQuery,
  ComplaintAnyJson,
  ComplaintPartnerJson,
  CreatedJson,
  ExternalLookupQuery,
  ExternalRefInput,
  ExternalUpdateInput,
  partnerJson,
  publicJson,
  reporterJson,
  TicketParams,
} from './api-json';
import { complaintDeps } from './deps';
import { laporIntakeApi } from './lapor-api';
import { LAPOR_STATUS_DOC } from './lapor-status';
import { recordExternalUpdate } from './lapor-updates';
import { changesPage, recordExternalRef } from './partner';
import { toPartnerView, toPublicView, toReporterView } from './present';
import { findComplaintByExternalRef, findComplaintByTicket, listCategories } from './repo';
import { ComplaintApiBody, TicketSchema } from './schemas';
import { CODE_LIMIT, IDEMPOTENCY_SCOPE, loadBundle, reporterAccess, SUBMIT_LIMIT, submitComplaint } from './service';
import { VERIFY_DAYS } from './status-machine';

const perMinutes = (l: { limit: number; windowMs: number }) => `${l.limit} per ${l.windowMs / 60_000} minutes`;

const createComplaintRoute = apiRoute({
  method: 'post',
  path: '/complaints',
  operationId: 'createComplaint',
  tag: 'Pengaduan',
  summary: 'File a complaint or aspiration (public, rate-limited, idempotent)',
  description:
    `Same fields as the web form (photos only through the web form). Rate-limited per IP (${perMinutes(SUBMIT_LIMIT)}). ` +
    'Send an `Idempotency-Key`: the same key with the same body answers 200 with the same body as the first 201 (even when the ' +
    'rate limit is spent); the same key with another body is 409. The response carries the reporter’s private code once: ' +
    'hand it to the reporter, never log it. Optional `notify` opts the reporter in to one message per status change on a channel ' +
    'this portal has configured (WhatsApp or e-mail; stored encrypted, never shown to officers, deleted after the final message).',
  access: { public: true },
  request: { headers: IDEMPOTENCY_KEY_HEADER, body: jsonBody(ComplaintApiBody) },
  responses: [
    { status: 201, description: 'Filed', schema: CreatedJson, headers: ['Location'] },
    { status: 200, description: 'Replay: this Idempotency-Key was already used for the same report', schema: CreatedJson, headers: ['Idempotent-Replayed'] },
  ],
  errors: [409, 429],
  rateLimits: [{ ...SUBMIT_LIMIT, per: 'alamat IP (kiriman baru; pengulangan dengan Idempotency-Key tidak dihitung)' }],
  errorNotes: {
    409: 'The Idempotency-Key was used for another report.',
    422: 'A field is missing or invalid, the region or category does not exist, or `notify` names a channel not configured or an invalid contact (`errors[]` names it).',
  },
});

const getComplaintRoute = apiRoute({
  method: 'get',
  path: '/complaints/{ticket}',
  operationId: 'getComplaint',
  tag: 'Pengaduan',
  summary: 'One complaint: public fields, or everything for its reporter (X-Complaint-Code) or a partner (complaints:read)',
  description:
    'Public answers never contain the reporter’s identity; content stays hidden for confidential, unverified, refused and archived reports. ' +
    `Private-code checks are rate-limited per IP (${perMinutes(CODE_LIMIT)}).`,
  access: { public: true, privateCode: true, partner: 'complaints:read' },
  request: {
    params: TicketParams,
    headers: z.object({
      [PRIVATE_CODE_HEADER]: z.string().optional().describe('The reporter’s private code (a header, not a query parameter, so it stays out of logs)'),
    }),
  },
  responses: [{ status: 200, description: 'The complaint as this caller may see it', schema: ComplaintAnyJson }],
  errors: [403, 404, 429],
  rateLimits: [{ ...CODE_LIMIT, per: 'alamat IP (pemeriksaan kode pribadi)' }],
  errorNotes: {
    403: 'The private code does not belong to this ticket.',
    404: 'No complaint has this ticket.',
    429: 'Too many private-code checks from this address.',
  },
});

const listChangesRoute = apiRoute({
  method: 'get',
  path: '/complaints',
  operationId: 'listComplaintChanges',
  tag: 'Pengaduan',
  summary: 'Partner change feed: changed complaints in commit order',
  description:
    'Paged by a change sequence, not by time: each write to a complaint takes the next sequence number in the same transaction, ' +
    'so the cursor (opaque) never skips a change committed late nor repeats one. Start with `since` (or nothing, for the whole ' +
    'history), follow `next_cursor` until it is null, store `sync_cursor` and poll with it as `cursor`. A complaint changed again ' +
    'appears again, once, at its new place. Identity only with the reporter’s consent; never for anonymous reports.',
  access: { partner: 'complaints:read' },
  request: { query: ChangesQuery },
  responses: [{ status: 200, description: 'One page of changed complaints', schema: ChangesJson }],
  errors: [400],
  errorNotes: { 400: 'The cursor is not one this API issued.' },
});

const putExternalRefRoute = apiRoute({
  method: 'put',
  path: '/complaints/{ticket}/external-ref',
  operationId: 'putComplaintExternalRef',
  tag: 'Pengaduan',
  summary: 'Record the SP4N-LAPOR tracking id and status of a forwarded complaint',
  description:
    'Idempotent: sending the same system, id and status again changes nothing — no timeline entry, `updated_at` stays, and the ' +
    'complaint does not reappear in the change feed — so a scheduled connector may send its whole state on every run. ' +
    'A new id or status adds one timeline entry. `external_status` is one of SP4N-LAPOR’s statuses (code or label, the table ' +
    'below); the portal’s own status is never moved by it.',
  access: { partner: 'complaints:write' },
  request: { params: TicketParams, body: jsonBody(ExternalRefInput) },
  valueMaps: [LAPOR_STATUS_DOC],
  responses: [{ status: 200, description: 'The complaint with its external references', schema: ComplaintPartnerJson }],
  errors: [404],
  errorNotes: { 404: 'No complaint has this ticket.' },
});

const postExternalUpdateRoute = apiRoute({
  method: 'post',
  path: '/complaints/{ticket}/external-updates',
  operationId: 'createComplaintExternalUpdate',
  tag: 'Pengaduan',
  summary: 'Write a follow-up answer from SP4N-LAPOR back to the complaint’s timeline',
  description:
    'Idempotent by `update_id`: the first delivery adds one timeline entry (201); the same id again changes nothing and answers 200 ' +
    'with `Idempotent-Replayed: true`, so a connector may resend its whole history. The text reaches the reporter and handlers only.',
  access: { partner: 'complaints:write' },
  request: { params: TicketParams, body: jsonBody(ExternalUpdateInput) },
  responses: [
    { status: 201, description: 'Recorded: the complaint with the new timeline entry', schema: ComplaintPartnerJson, headers: ['Location'] },
    { status: 200, description: 'Already recorded: nothing changed', schema: ComplaintPartnerJson, headers: ['Idempotent-Replayed'] },
  ],
  errors: [404, 409],
  errorNotes: { 404: 'No complaint has this ticket.', 409: 'This update_id is already recorded for another complaint.' },
});

const lookupRoute = apiRoute({
  method: 'get',
  path: '/complaint-lookup',
  operationId: 'findComplaintByExternalRef',
  tag: 'Pengaduan',
  summary: 'Find a forwarded complaint by its SP4N-LAPOR id',
  description: 'For connectors that know a report only by the national id recorded with PUT /complaints/{ticket}/external-ref.',
  access: { partner: 'complaints:read' },
  request: { query: ExternalLookupQuery },
  responses: [{ status: 200, description: 'The complaint', schema: ComplaintPartnerJson }],
  errors: [404],
  errorNotes: { 404: 'No complaint carries this external id.' },
});

const listCategoriesRoute = apiRoute({
  method: 'get',
  path: '/complaint-categories',
  operationId: 'listComplaintCategories',
  tag: 'Pengaduan',
  summary: 'The categories a report can be filed under (active ones, in form order)',
  access: { public: true },
  responses: [{ status: 200, description: 'All active categories', schema: CategoryListJson }],
  conditional: true,
});

function ticketOf(raw: string): string {
  const parsed = TicketSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('not_found', 'Pengaduan tidak ditemukan. Nomor berbentuk ADU-XXXX-XXXX.');
  return parsed.data;
}

export function complaintsApi(): ApiRouter {
  const app = apiRouter();

  app.openapi(createComplaintRoute, async (c) => {
    const key = c.req.valid('header')['Idempotency-Key'];
    const { notify, ...input } = c.req.valid('json');
    const now = Date.now();
    const deps = complaintDeps(c);
    const optIn = checkApiOptIn(notify, offeredChannels(messagingOf(c)));
    if (!optIn.ok) throw new AppError('validation', 'Periksa kembali isian yang ditandai.', { fieldErrors: optIn.errors });
    // A retry of a stored request gets its stored answer even when the quota is spent.
    if (!key || !(await findIdempotent(deps.db, IDEMPOTENCY_SCOPE, key))) {
      await rateLimit(deps.db, `complaint-submit:${clientIp(c)}`, SUBMIT_LIMIT.limit, SUBMIT_LIMIT.windowMs, now);
    }
    const result = await submitComplaint(deps, input, [], { key, now, notify: optIn.choice });
    const [region] = await paths(deps.db, [result.complaint.originRegionCode]);
    const lacak = `${originOf(c)}${regionHref(region?.path ?? '', 'pengaduan', 'lacak')}`;
    // Built from creation-time facts only, so a replay answers with exactly the same body.
    const created = result.complaint.createdAt;
    const body: z.infer<typeof CreatedJson> = {
      ticket: result.ticket,
      private_code: result.code,
      received_at: toIsoUtc(created),
      verify_due_at: toIsoUtc(addWorkingDays(created, VERIFY_DAYS, await loadHolidayCalendar(deps.db))),
      tracking_url: `${lacak}?${new URLSearchParams({ nomor: result.ticket })}`,
      private_url: `${lacak}?${new URLSearchParams({ nomor: result.ticket, kode: result.code })}`,
    };
    c.header('Cache-Control', 'no-store');
    if (!result.created) {
      c.header('Idempotent-Replayed', 'true');
      return c.json(body, 200);
    }
    c.header('Location', `/api/v1/complaints/${result.ticket}`);
    return c.json(body, 201);
  });

  app.openapi(getComplaintRoute, async (c) => {
    const ticket = ticketOf(c.req.valid('param').ticket);
    const db = c.get('db');
    const now = Date.now();
    const partner = c.get('partner');
    const code = c.req.valid('header')[PRIVATE_CODE_HEADER];
    c.header('Vary', `Authorization, ${PRIVATE_CODE_HEADER}`);
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
      return c.json(reporterJson(toReporterView(await loadBundle(db, row), now)), 200);
    }
    const row = await findComplaintByTicket(db, ticket);
    if (!row) throw new AppError('not_found', `Pengaduan ${ticket} tidak ditemukan.`);
    const bundle = await loadBundle(db, row);
    if (partner?.scopes.includes('complaints:read')) {
      c.header('Cache-Control', 'private, no-store');
      return c.json(partnerJson(toPartnerView(bundle)), 200);
    }
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(publicJson(toPublicView(bundle)), 200);
  });

  app.openapi(listChangesRoute, async (c) => {
    const q = c.req.valid('query');
    const page = await changesPage(complaintDeps(c), { since: q.since ? Date.parse(q.since) : null, afterSeq: seqOfCursor(q.cursor), limit: q.limit });
    c.header('Cache-Control', 'private, no-store');
    const body: z.infer<typeof ChangesJson> = { data: page.views.map(partnerJson), next_cursor: page.next_cursor, sync_cursor: page.sync_cursor };
    return c.json(body, 200);
  });

  app.openapi(putExternalRefRoute, async (c) => {
    const ticket = ticketOf(c.req.valid('param').ticket);
    const partner = c.get('partner')!;
    const { view } = await recordExternalRef(complaintDeps(c), ticket, c.req.valid('json'), {
      actor: { kind: 'partner', id: partner.id, name: partner.name, scopes: partner.scopes },
      requestId: c.get('requestId'),
      now: Date.now(),
    });
    c.header('Cache-Control', 'private, no-store');
    return c.json(partnerJson(view), 200);
  });

  app.openapi(postExternalUpdateRoute, async (c) => {
    const ticket = ticketOf(c.req.valid('param').ticket);
    const partner = c.get('partner')!;
    const { view, created } = await recordExternalUpdate(complaintDeps(c), ticket, c.req.valid('json'), {
      actor: { kind: 'partner', id: partner.id, name: partner.name, scopes: partner.scopes },
      requestId: c.get('requestId'),
      now: Date.now(),
    });
    c.header('Cache-Control', 'private, no-store');
    if (!created) {
      c.header('Idempotent-Replayed', 'true');
      return c.json(partnerJson(view), 200);
    }
    c.header('Location', `/api/v1/complaints/${ticket}`);
    return c.json(partnerJson(view), 201);
  });

  app.openapi(lookupRoute, async (c) => {
    const q = c.req.valid('query');
    const db = c.get('db');
    const row = await findComplaintByExternalRef(db, q.system, q.external_id);
    if (!row) throw new AppError('not_found', `Tidak ada pengaduan dengan nomor ${q.system} ${q.external_id}.`);
    c.header('Cache-Control', 'private, no-store');
    return c.json(partnerJson(toPartnerView(await loadBundle(db, row))), 200);
  });

  app.openapi(listCategoriesRoute, async (c) => {
    const rows = await listCategories(c.get('db'), { activeOnly: true });
    const body: z.infer<typeof CategoryListJson> = { data: rows.map((r) => ({ id: r.id, name: r.name, description: r.description })) };
    return jsonWithEtag(c, body);
  });

  laporIntakeApi(app);
  return app;
}
