/**
 * /api/v1 for letters (declared with apiRoute, documented from the same zod schemas): the region's catalogue, filing a
 * request (the same submitRequest as the public form and the counter), the public status of a request, and letter
 * verification. Nothing personal: no name, NIK or contact in any answer but the masked holder on a verified letter.
 */
import { z } from 'zod';
import { type ApiRouter, apiRoute, apiRouter, IDEMPOTENCY_KEY_HEADER, jsonBody } from '../../api/route';
import { clientIp } from '../../auth/request';
import { AppError } from '../../lib/errors';
import { originOf } from '../../lib/origin';
import { rateLimit } from '../../lib/rate-limit';
import { checkApiOptIn, NotifyApiField, offeredChannels } from '../../messaging/citizen-notice';
import { messagingOf } from '../../messaging/request-deps';
import { regionHref } from '../../regions/paths';
import { RegionCodeSchema } from '../../regions/schemas';
import { findRegionByCode } from '../../regions/repo';
import { displayCode } from './codes';
import { letterDeps } from './deps';
import { verifyLetter } from './letter-service';
import { publicStatus } from './present';
import { catalogueFor, eventsOf, findRequestByNumber, levelOf, templateVersion } from './repo';
import { SUBMIT_LIMIT } from './requester';
import { RequestInput, TrackingNumberSchema } from './schemas';
import { submitRequest } from './submit';
import { LETTER_STATUSES } from './status-machine';

const ServiceJson = z.object({
  id: z.string(),
  title: z.string(),
  purpose: z.string(),
  cost_rupiah: z.number().int(),
  service_days: z.number().int(),
  delivery: z.enum(['ambil', 'unduh', 'keduanya']),
  legal_basis: z.string(),
  requirements: z.array(z.object({ label: z.string(), required: z.boolean(), upload: z.boolean() })),
  fields: z.array(z.object({ key: z.string(), label: z.string(), type: z.string(), required: z.boolean() })),
});
const ServiceListJson = z.object({ region_code: z.string(), data: z.array(ServiceJson) });

const RequestStatusJson = z.object({
  number: z.string(),
  type: z.string(),
  region_code: z.string(),
  status: z.enum(LETTER_STATUSES),
  status_label: z.string(),
  submitted_at: z.string(),
  due_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  timeline: z.array(z.object({ at: z.string(), status: z.enum(LETTER_STATUSES).nullable(), label: z.string() })),
});

const RequestCreatedJson = z
  .object({
    number: z.string().describe('Tracking number, SRT-XXXX-XXXX'),
    private_code: z.string().describe('Private code, e.g. ABCD-EFGH-JKMN-PQRS: shown once; the requester keeps it to fix, cancel and download'),
    region_code: z.string(),
    type: z.string(),
    status: z.enum(LETTER_STATUSES),
    submitted_at: z.string(),
    due_at: z.string().nullable().describe('End of the service time in working days (paused while a correction is awaited)'),
    delivery: z.enum(['ambil', 'unduh']),
    to_bring: z.array(z.string()).describe('Requirements to bring to the office or send when the officer asks (files are not sent through JSON)'),
    track_url: z.string(),
  })
  .meta({ id: 'LetterRequestCreated' });

const VerificationJson = z.object({
  state: z.enum(['valid', 'dicabut', 'tidak_dikenal']),
  letter: z
    .object({
      type: z.string(),
      number: z.string(),
      region: z.string(),
      issued_at: z.string(),
      signatory: z.string(),
      holder_name: z.string().describe('Masked, e.g. B*** S*****'),
      holder_nik: z.string().describe('Masked, e.g. ************0001'),
      revoked_at: z.string().nullable(),
      revoke_reason: z.string().nullable(),
    })
    .nullable(),
});

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const listServicesRoute = apiRoute({
  method: 'get',
  path: '/services',
  operationId: 'listLetterServices',
  tag: 'Layanan',
  summary: "A region's letter services (catalogue)",
  access: { public: true },
  request: { query: z.object({ region: RegionCodeSchema.describe('Kemendagri code of a desa, kelurahan or kecamatan') }) },
  responses: [{ status: 200, description: 'The open services of the region', schema: ServiceListJson }],
  errors: [404],
  errorNotes: { 404: 'No region has this code.' },
});

const createRequestRoute = apiRoute({
  method: 'post',
  path: '/service-requests',
  operationId: 'createLetterRequest',
  tag: 'Layanan',
  summary: 'File a letter request',
  description:
    `Rate-limited per IP (${SUBMIT_LIMIT.limit} per ${SUBMIT_LIMIT.windowMs / 60_000} minutes). Send Idempotency-Key to make retries safe. ` +
    'NIK, KK and phone are stored encrypted and never returned. Requirement files (KTP, KK, …) are not sent through ' +
    'JSON: `to_bring` lists them; the officer checks them at the office or asks for them as a correction. Optional ' +
    '`notify` opts in to one message per status change on a channel this portal has configured (stored encrypted).',
  access: { public: true },
  request: { headers: IDEMPOTENCY_KEY_HEADER, body: jsonBody(RequestInput.extend({ notify: NotifyApiField })) },
  responses: [
    { status: 201, description: 'Filed', schema: RequestCreatedJson, headers: ['Location'] },
    { status: 200, description: 'Replay of an earlier request with this Idempotency-Key', schema: RequestCreatedJson, headers: ['Idempotent-Replayed'] },
  ],
  errors: [409, 429],
  rateLimits: [{ ...SUBMIT_LIMIT, per: 'alamat IP' }],
  errorNotes: {
    409: 'This Idempotency-Key was used with another body.',
    422: 'A field is invalid, the region or letter type is unknown there, a letter field is missing, or `notify` names a channel not configured or an invalid contact (`errors[]` names it).',
  },
});

const requestStatusRoute = apiRoute({
  method: 'get',
  path: '/service-requests/{number}',
  operationId: 'getLetterRequestStatus',
  tag: 'Layanan',
  summary: 'The public status of a letter request',
  description: 'Status and dates only. Everything else needs the private code, on the tracking page (POST body).',
  access: { public: true },
  request: { params: z.object({ number: TrackingNumberSchema.describe('SRT-XXXX-XXXX') }) },
  responses: [{ status: 200, description: 'The status', schema: RequestStatusJson }],
  errors: [404],
  errorNotes: { 404: 'No request has this number.' },
});

const verifyRoute = apiRoute({
  method: 'get',
  path: '/letters/verify/{code}',
  operationId: 'verifyLetter',
  tag: 'Layanan',
  summary: 'Verify a letter by the code of its QR code',
  description: '`valid`, `dicabut` (revoked, with date and reason) or `tidak_dikenal` (forged, altered or unknown).',
  access: { public: true },
  request: { params: z.object({ code: z.string().max(80).describe('The code after /verifikasi/ in the QR URL') }) },
  responses: [{ status: 200, description: 'The verification result (also for an unknown code)', schema: VerificationJson }],
});

export function lettersApi(): ApiRouter {
  const app = apiRouter();

  app.openapi(listServicesRoute, async (c) => {
    const { region: code } = c.req.valid('query');
    const db = c.get('db');
    const region = await findRegionByCode(db, code);
    if (!region) throw new AppError('not_found', `Wilayah dengan kode ${code} tidak ditemukan.`);
    const entries = levelOf(region) ? (await catalogueFor(db, region)).filter((e) => e.enabled) : [];
    const body: z.infer<typeof ServiceListJson> = {
      region_code: region.code,
      data: entries.map((e) => ({
        id: e.templateId,
        title: e.content.title,
        purpose: e.content.purpose,
        cost_rupiah: e.costRupiah,
        service_days: e.serviceDays,
        delivery: e.delivery,
        legal_basis: e.content.legalBasis,
        requirements: e.content.requirements.map((r) => ({ label: r.label, required: r.required, upload: r.upload })),
        fields: e.content.fields.map((f) => ({ key: f.key, label: f.label, type: f.type, required: f.required })),
      })),
    };
    return c.json(body, 200);
  });

  app.openapi(createRequestRoute, async (c) => {
    const input = c.req.valid('json');
    const key = c.req.valid('header')['Idempotency-Key'];
    const deps = letterDeps(c);
    const region = await findRegionByCode(deps.db, input.region_code);
    if (!region) {
      const message = 'Wilayah tidak ditemukan.';
      throw new AppError('validation', message, { fieldErrors: [{ field: 'region_code', message }] });
    }
    const now = Date.now();
    await rateLimit(deps.db, `letter-submit:${clientIp(c)}`, SUBMIT_LIMIT.limit, SUBMIT_LIMIT.windowMs, now);
    const optIn = checkApiOptIn(input.notify, offeredChannels(messagingOf(c)));
    if (!optIn.ok) throw new AppError('validation', 'Periksa kembali isian yang ditandai.', { fieldErrors: optIn.errors });
    const { notify: _notify, ...request } = input;
    const r = await submitRequest(deps, region, request, [], { key, now, channel: 'portal', notify: optIn.choice });
    const template = await templateVersion(deps.db, r.request.templateId, r.request.templateVersion);
    const body: z.infer<typeof RequestCreatedJson> = {
      number: r.trackingNumber,
      private_code: displayCode(r.code),
      region_code: region.code,
      type: template?.title ?? r.request.templateId,
      status: r.request.status,
      submitted_at: new Date(r.request.submittedAt).toISOString(),
      due_at: iso(r.request.dueAt),
      delivery: r.request.delivery,
      to_bring: (template?.requirements ?? []).map((req) => req.label),
      track_url: `${originOf(c)}${regionHref(region.path, 'layanan', 'lacak')}?${new URLSearchParams({ nomor: r.trackingNumber })}`,
    };
    c.header('Cache-Control', 'no-store');
    if (!r.created) {
      c.header('Idempotent-Replayed', 'true');
      return c.json(body, 200);
    }
    c.header('Location', `${originOf(c)}/api/v1/service-requests/${r.trackingNumber}`);
    return c.json(body, 201);
  });

  app.openapi(requestStatusRoute, async (c) => {
    const { number } = c.req.valid('param');
    const db = c.get('db');
    const row = await findRequestByNumber(db, number);
    if (!row) throw new AppError('not_found', 'Nomor permohonan tidak ditemukan.');
    const template = await templateVersion(db, row.templateId, row.templateVersion);
    const s = publicStatus(row, template?.title ?? row.templateId, await eventsOf(db, row.id));
    c.header('Cache-Control', 'no-store');
    const body: z.infer<typeof RequestStatusJson> = {
      number: s.trackingNumber,
      type: s.type,
      region_code: s.regionCode,
      status: s.status,
      status_label: s.statusLabel,
      submitted_at: new Date(s.submittedAt).toISOString(),
      due_at: iso(s.dueAt),
      finished_at: iso(s.finishedAt),
      timeline: s.timeline.map((t) => ({ at: new Date(t.at).toISOString(), status: t.status, label: t.label })),
    };
    return c.json(body, 200);
  });

  app.openapi(verifyRoute, async (c) => {
    const { code } = c.req.valid('param');
    const v = await verifyLetter(letterDeps(c), code);
    c.header('Cache-Control', 'no-store');
    const l = v.letter;
    const body: z.infer<typeof VerificationJson> = {
      state: v.state,
      letter: l
        ? {
            type: l.type,
            number: l.number,
            region: l.region,
            issued_at: new Date(l.issuedAt).toISOString(),
            signatory: [l.signatory, l.signatoryPosition].filter(Boolean).join(', '),
            holder_name: l.applicantName,
            holder_nik: l.applicantNik,
            revoked_at: iso(l.revokedAt),
            revoke_reason: l.revokeReason,
          }
        : null,
    };
    return c.json(body, 200);
  });

  return app;
}
