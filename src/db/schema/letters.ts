import { index, integer, primaryKey, sqliteTable, text, unique, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { regions } from './regions';

/** migrations/0020_letters.sql */
export const LETTER_STATUSES = ['diajukan', 'diperiksa', 'perlu_perbaikan', 'diproses', 'menunggu_tanda_tangan', 'selesai', 'ditolak', 'dibatalkan'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];
export const LETTER_EVENT_KINDS = ['dibuat', 'status', 'nomor', 'tanda_tangan', 'cabut'] as const;
export type LetterEventKind = (typeof LETTER_EVENT_KINDS)[number];
export const SIGN_METHODS = ['basah', 'pindaian'] as const;
export type SignMethod = (typeof SIGN_METHODS)[number];
export const LETTER_CHANNELS = ['portal', 'loket'] as const;
export const LETTER_DELIVERIES = ['ambil', 'unduh'] as const;
export const SERVICE_DELIVERIES = ['ambil', 'unduh', 'keduanya'] as const;
export const LETTER_ACTOR_TYPES = ['pemohon', 'petugas'] as const;
export type LetterDelivery = (typeof LETTER_DELIVERIES)[number];
export type ServiceDelivery = (typeof SERVICE_DELIVERIES)[number];
export type LetterActorType = (typeof LETTER_ACTOR_TYPES)[number];

export const letterTemplates = sqliteTable('letter_templates', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  levels: text('levels').notNull(),
  currentVersion: integer('current_version').notNull(),
  defaultEnabled: integer('default_enabled', { mode: 'boolean' }).notNull().default(true),
  isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(50),
  updatedAt: integer('updated_at').notNull(),
});

export const letterTemplateVersions = sqliteTable(
  'letter_template_versions',
  {
    templateId: text('template_id')
      .notNull()
      .references(() => letterTemplates.id),
    version: integer('version').notNull(),
    content: text('content').notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.version] })],
);

export const letterServices = sqliteTable(
  'letter_services',
  {
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    templateId: text('template_id')
      .notNull()
      .references(() => letterTemplates.id),
    isEnabled: integer('is_enabled', { mode: 'boolean' }).notNull(),
    costRupiah: integer('cost_rupiah'),
    serviceDays: integer('service_days'),
    delivery: text('delivery', { enum: SERVICE_DELIVERIES }).notNull().default('keduanya'),
    note: text('note').notNull().default(''),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.templateId] })],
);

export const letterSettings = sqliteTable('letter_settings', {
  regionCode: text('region_code')
    .primaryKey()
    .references(() => regions.code),
  shortCode: text('short_code').notNull(),
  numberPattern: text('number_pattern').notNull(),
  signatoryName: text('signatory_name').notNull().default(''),
  signatoryPosition: text('signatory_position').notNull().default(''),
  signatoryNip: text('signatory_nip').notNull().default(''),
  officeAddress: text('office_address').notNull().default(''),
  officeHours: text('office_hours').notNull().default(''),
  officePhone: text('office_phone').notNull().default(''),
  updatedAt: integer('updated_at').notNull(),
});

export const letterCounters = sqliteTable(
  'letter_counters',
  {
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year] })],
);

export const letterRequests = sqliteTable(
  'letter_requests',
  {
    id: text('id').primaryKey(),
    trackingNumber: text('tracking_number').notNull().unique(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    templateId: text('template_id')
      .notNull()
      .references(() => letterTemplates.id),
    templateVersion: integer('template_version').notNull(),
    channel: text('channel', { enum: LETTER_CHANNELS }).notNull(),
    delivery: text('delivery', { enum: LETTER_DELIVERIES }).notNull(),
    status: text('status', { enum: LETTER_STATUSES }).notNull(),
    version: integer('version').notNull().default(1),
    applicantName: text('applicant_name').notNull(),
    nikSealed: text('nik_sealed').notNull(),
    kkSealed: text('kk_sealed').notNull(),
    contactSealed: text('contact_sealed').notNull(),
    birthPlace: text('birth_place').notNull(),
    birthDate: text('birth_date').notNull(),
    gender: text('gender', { enum: ['L', 'P'] }).notNull(),
    occupation: text('occupation').notNull().default(''),
    address: text('address').notNull(),
    rt: text('rt').notNull(),
    rw: text('rw').notNull(),
    fields: text('fields').notNull().default('{}'),
    secretHash: text('secret_hash').notNull(),
    submittedAt: integer('submitted_at').notNull(),
    dueAt: integer('due_at'),
    pausedDays: integer('paused_days'),
    clockFrom: integer('clock_from'),
    clockDays: integer('clock_days'),
    onTime: integer('on_time', { mode: 'boolean' }).notNull().default(true),
    finishedAt: integer('finished_at'),
    letterYear: integer('letter_year'),
    letterSeq: integer('letter_seq'),
    letterNumber: text('letter_number'),
    numberedAt: integer('numbered_at'),
    verifyKid: text('verify_kid'),
    verifyNonce: text('verify_nonce').unique(),
    signedAt: integer('signed_at'),
    signMethod: text('sign_method', { enum: SIGN_METHODS }),
    signatoryName: text('signatory_name'),
    signatoryPosition: text('signatory_position'),
    signatoryNip: text('signatory_nip'),
    signedScanKey: text('signed_scan_key'),
    revokedAt: integer('revoked_at'),
    revokeReason: text('revoke_reason'),
    /** When the identity was erased (on request or after the retention period; migrations/0072). */
    personalDataErasedAt: integer('personal_data_erased_at'),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('letter_requests_number').on(t.regionCode, t.letterYear, t.letterSeq).where(sql`letter_seq IS NOT NULL`),
    index('letter_requests_queue').on(t.regionCode, t.status, t.dueAt),
    index('letter_requests_region_created').on(t.regionCode, t.createdAt),
    index('letter_requests_updated').on(t.updatedAt, t.id),
  ],
);

export const letterEvents = sqliteTable(
  'letter_events',
  {
    id: text('id').primaryKey(),
    requestId: text('request_id')
      .notNull()
      .references(() => letterRequests.id),
    regionCode: text('region_code').notNull(),
    seq: integer('seq').notNull(),
    at: integer('at').notNull(),
    kind: text('kind', { enum: LETTER_EVENT_KINDS }).notNull(),
    fromStatus: text('from_status', { enum: LETTER_STATUSES }),
    toStatus: text('to_status', { enum: LETTER_STATUSES }),
    actorType: text('actor_type', { enum: LETTER_ACTOR_TYPES }).notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    actorName: text('actor_name'),
    noteRequester: text('note_requester'),
    noteInternal: text('note_internal'),
  },
  (t) => [unique().on(t.requestId, t.seq), index('letter_events_region').on(t.regionCode, t.at)],
);

export const letterAttachments = sqliteTable(
  'letter_attachments',
  {
    id: text('id').primaryKey(),
    requestId: text('request_id')
      .notNull()
      .references(() => letterRequests.id),
    regionCode: text('region_code').notNull(),
    requirementKey: text('requirement_key').notNull(),
    eventSeq: integer('event_seq').notNull(),
    r2Key: text('r2_key').notNull().unique(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('letter_attachments_request').on(t.requestId, t.createdAt)],
);

export type LetterTemplateRow = typeof letterTemplates.$inferSelect;
export type LetterTemplateVersionRow = typeof letterTemplateVersions.$inferSelect;
export type LetterServiceRow = typeof letterServices.$inferSelect;
export type LetterSettingsRow = typeof letterSettings.$inferSelect;
export type LetterRequestRow = typeof letterRequests.$inferSelect;
export type LetterEventRow = typeof letterEvents.$inferSelect;
export type LetterAttachmentRow = typeof letterAttachments.$inferSelect;
