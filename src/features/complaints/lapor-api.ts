/** POST /api/v1/complaint-intake: SP4N-LAPOR reports becoming complaints here (a partner's connector, idempotent). */
import { type ApiRouter, apiRoute, jsonBody } from '../../api/route';
import { ComplaintPartnerJson, LaporIntakeInput, partnerJson } from './api-json';
import { complaintDeps } from './deps';
import { intakeFromLapor } from './lapor-intake';
import { LAPOR_STATUS_DOC } from './lapor-status';
import { toPartnerView } from './present';
import { loadBundle } from './service';

const intakeRoute = apiRoute({
  method: 'post',
  path: '/complaint-intake',
  operationId: 'createComplaintFromLapor',
  tag: 'Pengaduan',
  summary: 'Create a complaint from a SP4N-LAPOR report for this regency (idempotent on the LAPOR id)',
  description:
    'Same fields as the web form plus `external_id` (LAPOR’s tracking id) and optionally `external_status`. The first delivery ' +
    'creates the complaint with channel `sp4n_lapor` and its external reference (201); the same `external_id` again creates ' +
    'nothing and answers 200 with `Idempotent-Replayed: true` and the complaint made the first time, so a connector may send ' +
    'its whole inbox on every run. `anonymous`, `confidential` and `identity_consent` are kept as sent.',
  access: { partner: 'complaints:write' },
  request: { body: jsonBody(LaporIntakeInput) },
  valueMaps: [{ ...LAPOR_STATUS_DOC, id: 'status-lapor-masuk' }],
  responses: [
    { status: 201, description: 'Created', schema: ComplaintPartnerJson, headers: ['Location'] },
    { status: 200, description: 'This LAPOR id already has its complaint: nothing changed', schema: ComplaintPartnerJson, headers: ['Idempotent-Replayed'] },
  ],
  errors: [409],
  errorNotes: {
    409: 'Two deliveries of the same LAPOR id with different content raced each other: send again.',
    422: 'A field is missing or invalid, the region or category does not exist, or external_status is not a SP4N-LAPOR status.',
  },
});

export function laporIntakeApi(app: ApiRouter): void {
  app.openapi(intakeRoute, async (c) => {
    const partner = c.get('partner')!;
    const deps = complaintDeps(c);
    const { complaint, created } = await intakeFromLapor(deps, c.req.valid('json'), {
      actor: { kind: 'partner', id: partner.id, name: partner.name, scopes: partner.scopes },
      requestId: c.get('requestId'),
      now: Date.now(),
    });
    const body = partnerJson(toPartnerView(await loadBundle(deps.db, complaint)));
    c.header('Cache-Control', 'private, no-store');
    if (!created) {
      c.header('Idempotent-Replayed', 'true');
      return c.json(body, 200);
    }
    c.header('Location', `/api/v1/complaints/${complaint.ticket}`);
    return c.json(body, 201);
  });
}
