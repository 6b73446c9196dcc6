/** JSON shapes of /api/v1/complaints (snake_case), built ONLY from the audience views in present.ts. */
import { z } from 'zod';
import { COMPLAINT_CHANNELS, COMPLAINT_CLASSIFICATIONS, COMPLAINT_STATUSES, EXTERNAL_SYSTEMS } from '../../db/schema/complaints';
import { SYNC_CURSOR } from '../../api/list-params';
import { pageOf } from '../../api/responses';
import { toIsoUtc } from '../../lib/time';
import { UNKNOWN_KEYS } from '../../lib/validation';
import { LAPOR_STATUSES, parseLaporStatus, portalStatusOf, toLaporStatus } from './lapor-status';
import { ComplaintFields, reportRules } from './schemas';
import type { PartnerComplaintView, PublicComplaintView, ReporterComplaintView, TimelineItem } from './present';

const iso = (ms: number | null) => (ms === null ? null : toIsoUtc(ms));
const Iso = z.string().describe('ISO 8601 UTC');

const TimelineJson = z.object({
  seq: z.number().int(),
  at: Iso,
  label: z.string(),
  actor: z.string().describe('Role and region, never a person'),
  notes: z.array(z.string()),
});
const timelineJson = (t: TimelineItem[]) => t.map((e) => ({ seq: e.seq, at: toIsoUtc(e.at), label: e.label, actor: e.actor, notes: e.notes }));

const ContentJson = z.object({
  classification: z.enum(COMPLAINT_CLASSIFICATIONS),
  category: z.string(),
  category_name: z.string(),
  title: z.string(),
  description: z.string(),
  region_code: z.string(),
  region_name: z.string(),
  place: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
});

export const ComplaintPublicJson = z
  .object({
    audience: z.literal('public'),
    ticket: z.string(),
    status: z.enum(COMPLAINT_STATUSES),
    status_label: z.string(),
    created_at: Iso,
    hidden_reason: z.enum(['rahasia', 'belum_diverifikasi', 'tidak_diproses']).nullable().describe('Why the content is not public, or null'),
    content: ContentJson.extend({ updated_at: Iso, timeline: z.array(TimelineJson) }).nullable(),
  })
  .meta({ id: 'ComplaintPublic' });

const Deadlines = {
  verify_due_at: Iso,
  followup_due_at: Iso.nullable(),
  due_at: Iso.nullable().describe('The handler’s current deadline'),
  autoclose_at: Iso.nullable(),
  reopen_until: Iso.nullable(),
  finished_at: Iso.nullable(),
};

const RefJson = z.object({
  system: z.enum(EXTERNAL_SYSTEMS),
  external_id: z.string(),
  external_status: z.string().nullable().describe('The SP4N-LAPOR status code last reported (see the status table in /api/docs)'),
  portal_status: z.enum(COMPLAINT_STATUSES).nullable().describe('What external_status means in the portal’s terms'),
  updated_at: Iso,
});

export const ComplaintReporterJson = ContentJson.extend({
  audience: z.literal('reporter'),
  ticket: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  status_label: z.string(),
  anonymous: z.boolean(),
  confidential: z.boolean(),
  reporter: z.object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() }),
  unit: z.string().nullable(),
  created_at: Iso,
  updated_at: Iso,
  ...Deadlines,
  timeline: z.array(TimelineJson),
  attachments: z.array(z.object({ id: z.string(), mime: z.string(), width: z.number().int(), height: z.number().int() })),
  rating: z.object({ score: z.number().int(), comment: z.string().nullable() }).nullable(),
  external_refs: z.array(RefJson),
  actions: z.array(z.string()).describe('Reporter actions possible now'),
}).meta({ id: 'ComplaintReporter' });

export const ComplaintPartnerJson = ContentJson.extend({
  audience: z.literal('partner'),
  ticket: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  status_label: z.string(),
  handling_region_code: z.string(),
  unit: z.string().nullable(),
  confidential: z.boolean(),
  lapor_status: z.enum(LAPOR_STATUSES).describe('The SP4N-LAPOR status for the current status (the status table in /api/docs)'),
  channel: z.enum(COMPLAINT_CHANNELS).describe('portal: filed here; sp4n_lapor: created from a SP4N-LAPOR report'),
  reporter: z
    .object({
      anonymous: z.boolean(),
      forward_consent: z.boolean().describe('The reporter agreed that their identity may be forwarded to SP4N-LAPOR'),
      name: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    })
    .describe('Name and contact only with forward_consent: all null for anonymous reports and without consent'),
  created_at: Iso,
  updated_at: Iso,
  ...Deadlines,
  on_time: z.boolean(),
  timeline: z.array(TimelineJson),
  attachment_count: z.number().int(),
  rating: z.object({ score: z.number().int(), comment: z.string().nullable() }).nullable(),
  external_refs: z.array(RefJson),
}).meta({ id: 'ComplaintPartner' });

export const ComplaintAnyJson = z
  .union([ComplaintPublicJson, ComplaintReporterJson, ComplaintPartnerJson])
  .describe('`audience` says which view this is: public, reporter (X-Complaint-Code) or partner (complaints:read)');

export const CreatedJson = z
  .object({
    ticket: z.string().describe('Tracking number, e.g. ADU-7K3Q-9XPD'),
    private_code: z.string().describe('Reporter’s private code: show it to the reporter once; send it as X-Complaint-Code'),
    received_at: Iso,
    verify_due_at: Iso.describe('Verification deadline (3 working days)'),
    tracking_url: z.string(),
    private_url: z.string().describe('Private tracking link carrying the code: never log or share it'),
  })
  .meta({ id: 'ComplaintCreated' });

export const ChangesQuery = z.strictObject(
  {
    since: z.iso
      .datetime({ offset: true, message: 'since harus waktu ISO 8601, mis. 2026-01-01T00:00:00Z.' })
      .optional()
      .describe('First sync only: changes at or after this time (ignored with a cursor; without both, the whole history)'),
    cursor: z.string().max(300).optional().describe('Opaque change-sequence cursor from next_cursor or sync_cursor'),
    limit: z.coerce.number({ message: 'limit harus angka.' }).int().min(1, 'limit minimal 1.').max(200, 'limit maksimal 200.').default(100),
  },
  UNKNOWN_KEYS,
);

export const ChangesJson = pageOf(ComplaintPartnerJson).extend({ sync_cursor: SYNC_CURSOR });

export const CategoryJson = z.object({ id: z.string().describe('Send as `category` when filing a report'), name: z.string(), description: z.string() }).meta({
  id: 'ComplaintCategory',
  description: 'A category a report can be filed under',
  example: { id: 'infrastruktur', name: 'Infrastruktur', description: 'Jalan, jembatan, drainase' },
});
export const CategoryListJson = z.object({ data: z.array(CategoryJson) });

const LaporStatusInput = z
  .string()
  .max(100, 'external_status maksimal 100 huruf.')
  .transform((v, ctx) => {
    const code = parseLaporStatus(v);
    if (code) return code;
    ctx.addIssue({ code: 'custom', message: `external_status harus status SP4N-LAPOR: ${LAPOR_STATUSES.join(', ')}.` });
    return z.NEVER;
  })
  .describe(`SP4N-LAPOR status, code or label: ${LAPOR_STATUSES.join(', ')}`);

export const ExternalRefInput = z
  .object({
    system: z.enum(EXTERNAL_SYSTEMS, { message: 'system harus sp4n_lapor.' }).default('sp4n_lapor'),
    external_id: z
      .string({ message: 'Isi external_id.' })
      .trim()
      .regex(/^[A-Za-z0-9._/-]{3,64}$/, 'external_id: 3–64 huruf, angka, titik, garis miring, garis bawah atau tanda hubung.'),
    external_status: LaporStatusInput.optional(),
  })
  .meta({ id: 'ExternalRefInput', description: 'A reference of the national SP4N-LAPOR system for a forwarded complaint' });

export const ExternalUpdateInput = z
  .object({
    system: z.enum(EXTERNAL_SYSTEMS, { message: 'system harus sp4n_lapor.' }).default('sp4n_lapor'),
    update_id: z
      .string({ message: 'Isi update_id.' })
      .trim()
      .regex(/^[A-Za-z0-9._/-]{1,64}$/, 'update_id: 1–64 huruf, angka, titik, garis miring, garis bawah atau tanda hubung.')
      .describe('The national system’s id of this follow-up: the same id is recorded once'),
    message: z
      .string({ message: 'Isi message.' })
      .trim()
      .min(1, 'Isi message.')
      .max(2000, 'message maksimal 2000 huruf.')
      .describe('The follow-up text: shown to the reporter and handlers, never on public pages'),
  })
  .meta({ id: 'ExternalUpdateInput', description: 'A follow-up answer from SP4N-LAPOR for a forwarded complaint' });

export const ExternalLookupQuery = z.strictObject(
  {
    system: z.enum(EXTERNAL_SYSTEMS, { message: 'system harus sp4n_lapor.' }).default('sp4n_lapor').describe('The national system'),
    external_id: ExternalRefInput.shape.external_id.describe('The id the national system gave the report'),
  },
  UNKNOWN_KEYS,
);

export const TicketParams = z.object({ ticket: z.string().describe('Tracking number, e.g. ADU-7K3Q-9XPD') });

export function publicJson(v: PublicComplaintView): z.infer<typeof ComplaintPublicJson> {
  const c = v.content;
  return {
    audience: 'public',
    ticket: v.ticket,
    status: v.status,
    status_label: v.statusLabel,
    created_at: toIsoUtc(v.createdAt),
    hidden_reason: v.hiddenReason,
    content: c
      ? {
          classification: c.classification,
          category: c.categoryId,
          category_name: c.category,
          title: c.title,
          description: c.description,
          region_code: c.region.code,
          region_name: c.region.title,
          place: c.place,
          lat: c.lat,
          lng: c.lng,
          updated_at: toIsoUtc(c.updatedAt),
          timeline: timelineJson(c.timeline),
        }
      : null,
  };
}

function contentJson(v: ReporterComplaintView | PartnerComplaintView) {
  return {
    classification: v.classification,
    category: v.categoryId,
    category_name: v.category,
    title: v.title,
    description: v.description,
    region_code: v.region.code,
    region_name: v.region.title,
    place: v.place,
    lat: v.lat,
    lng: v.lng,
  };
}

function deadlinesJson(v: ReporterComplaintView | PartnerComplaintView) {
  return {
    verify_due_at: toIsoUtc(v.verifyDueAt),
    followup_due_at: iso(v.followupDueAt),
    due_at: iso(v.dueAt),
    autoclose_at: iso(v.autocloseAt),
    reopen_until: iso(v.reopenUntil),
    finished_at: iso(v.finishedAt),
  };
}

const refsJson = (v: ReporterComplaintView | PartnerComplaintView) =>
  v.externalRefs.map((r) => ({
    system: r.system,
    external_id: r.externalId,
    external_status: r.externalStatus,
    portal_status: portalStatusOf(r.externalStatus),
    updated_at: toIsoUtc(r.updatedAt),
  }));

export function reporterJson(v: ReporterComplaintView): z.infer<typeof ComplaintReporterJson> {
  return {
    audience: 'reporter',
    ticket: v.ticket,
    status: v.status,
    status_label: v.statusLabel,
    ...contentJson(v),
    anonymous: v.anonymous,
    confidential: v.confidential,
    reporter: v.reporter,
    unit: v.unit,
    created_at: toIsoUtc(v.createdAt),
    updated_at: toIsoUtc(v.updatedAt),
    ...deadlinesJson(v),
    timeline: timelineJson(v.timeline),
    attachments: v.attachments.map((a) => ({ id: a.id, mime: a.mime, width: a.width, height: a.height })),
    rating: v.rating ? { score: v.rating.score, comment: v.rating.comment } : null,
    external_refs: refsJson(v),
    actions: v.actions,
  };
}

export function partnerJson(v: PartnerComplaintView): z.infer<typeof ComplaintPartnerJson> {
  return {
    audience: 'partner',
    ticket: v.ticket,
    status: v.status,
    status_label: v.statusLabel,
    ...contentJson(v),
    handling_region_code: v.handlingRegion.code,
    unit: v.unit,
    confidential: v.confidential,
    lapor_status: toLaporStatus(v.status),
    channel: v.channel,
    reporter: v.reporter,
    created_at: toIsoUtc(v.createdAt),
    updated_at: toIsoUtc(v.updatedAt),
    ...deadlinesJson(v),
    on_time: v.onTime,
    timeline: timelineJson(v.timeline),
    attachment_count: v.attachmentCount,
    rating: v.rating,
    external_refs: refsJson(v),
  };
}

export const LaporIntakeInput = ComplaintFields.extend({
  system: ExternalRefInput.shape.system,
  external_id: ExternalRefInput.shape.external_id.describe('SP4N-LAPOR’s tracking id of the report: the same id creates one complaint'),
  external_status: LaporStatusInput.optional(),
})
  .superRefine(reportRules)
  .meta({
    id: 'LaporIntakeInput',
    description: 'A SP4N-LAPOR report for this regency, with the same fields as the web form. Name and contact reach partners only with identity_consent.',
  });
