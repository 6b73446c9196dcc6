import { index, integer, primaryKey, real, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { regions } from './regions';

/** migrations/0007_complaints.sql */
export const COMPLAINT_STATUSES = [
  'diterima',
  'diverifikasi',
  'ditolak',
  'bukan_wewenang',
  'didisposisikan',
  'ditindaklanjuti',
  'selesai',
  'diarsipkan',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_CLASSIFICATIONS = ['pengaduan', 'aspirasi', 'permintaan_informasi'] as const;
export type ComplaintClassification = (typeof COMPLAINT_CLASSIFICATIONS)[number];

export const COMPLAINT_EVENT_KINDS = ['dibuat', 'status', 'diteruskan', 'info', 'penilaian', 'referensi'] as const;
export type ComplaintEventKind = (typeof COMPLAINT_EVENT_KINDS)[number];

export const COMPLAINT_ACTOR_TYPES = ['pelapor', 'petugas', 'sistem', 'mitra'] as const;
export type ComplaintActorType = (typeof COMPLAINT_ACTOR_TYPES)[number];

export const EXTERNAL_SYSTEMS = ['sp4n_lapor'] as const;
/** Where a report came in: this portal (web form or API), or SP4N-LAPOR through a partner's connector. */
export const COMPLAINT_CHANNELS = ['portal', 'sp4n_lapor'] as const;

export const complaintCategories = sqliteTable('complaint_categories', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  sortOrder: integer('sort_order').notNull().default(0),
  isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
  updatedAt: integer('updated_at').notNull(),
});

export const complaints = sqliteTable(
  'complaints',
  {
    id: text('id').primaryKey(),
    ticket: text('ticket').notNull().unique(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    originRegionCode: text('origin_region_code')
      .notNull()
      .references(() => regions.code),
    classification: text('classification', { enum: COMPLAINT_CLASSIFICATIONS }).notNull(),
    categoryId: text('category_id')
      .notNull()
      .references(() => complaintCategories.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    lat: real('lat'),
    lng: real('lng'),
    /** The reporter agreed to publish the exact point (never for anonymous reports); else the public sees it snapped. */
    exactLocationPublic: integer('exact_location_public', { mode: 'boolean' }).notNull().default(false),
    place: text('place'),
    isAnonymous: integer('is_anonymous', { mode: 'boolean' }).notNull().default(false),
    isConfidential: integer('is_confidential', { mode: 'boolean' }).notNull().default(false),
    reporterName: text('reporter_name'),
    reporterPhone: text('reporter_phone'),
    reporterEmail: text('reporter_email'),
    secretHash: text('secret_hash').notNull(),
    status: text('status', { enum: COMPLAINT_STATUSES }).notNull(),
    version: integer('version').notNull().default(1),
    unit: text('unit'),
    receivedAt: integer('received_at').notNull(),
    verifyDueAt: integer('verify_due_at').notNull(),
    verifiedAt: integer('verified_at'),
    dispositionedAt: integer('dispositioned_at'),
    followupDueAt: integer('followup_due_at'),
    followedUpAt: integer('followed_up_at'),
    autocloseAt: integer('autoclose_at'),
    finishedAt: integer('finished_at'),
    reopenUntil: integer('reopen_until'),
    dueAt: integer('due_at'),
    onTime: integer('on_time', { mode: 'boolean' }).notNull().default(true),
    round: integer('round').notNull().default(0),
    /** When the identity was erased (on request or after the retention period; migrations/0072). */
    personalDataErasedAt: integer('personal_data_erased_at'),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    /** migrations/0061_lapor_bridge.sql */
    channel: text('channel', { enum: COMPLAINT_CHANNELS }).notNull().default('portal'),
    /** When the reporter agreed that their identity may be forwarded to SP4N-LAPOR; null = withheld. */
    identityConsentAt: integer('identity_consent_at'),
    /** migrations/0062_change_sequences.sql: taken by a trigger on every write, in commit order (the partner feed). */
    changeSeq: integer('change_seq').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('complaints_region_status').on(t.regionCode, t.status, t.dueAt),
    index('complaints_origin_created').on(t.originRegionCode, t.createdAt),
    index('complaints_updated').on(t.updatedAt, t.id),
    index('complaints_autoclose').on(t.status, t.autocloseAt),
  ],
);

export const complaintEvents = sqliteTable(
  'complaint_events',
  {
    id: text('id').primaryKey(),
    complaintId: text('complaint_id')
      .notNull()
      .references(() => complaints.id),
    regionCode: text('region_code').notNull(),
    seq: integer('seq').notNull(),
    at: integer('at').notNull(),
    kind: text('kind', { enum: COMPLAINT_EVENT_KINDS }).notNull(),
    fromStatus: text('from_status', { enum: COMPLAINT_STATUSES }),
    toStatus: text('to_status', { enum: COMPLAINT_STATUSES }),
    actorType: text('actor_type', { enum: COMPLAINT_ACTOR_TYPES }).notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    actorName: text('actor_name'),
    targetRegionCode: text('target_region_code'),
    notePublic: text('note_public'),
    noteReporter: text('note_reporter'),
    noteInternal: text('note_internal'),
  },
  (t) => [unique().on(t.complaintId, t.seq), index('complaint_events_region').on(t.regionCode, t.at)],
);

export const complaintAttachments = sqliteTable(
  'complaint_attachments',
  {
    id: text('id').primaryKey(),
    complaintId: text('complaint_id')
      .notNull()
      .references(() => complaints.id),
    regionCode: text('region_code').notNull(),
    eventSeq: integer('event_seq').notNull(),
    r2Key: text('r2_key').notNull().unique(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    sha256: text('sha256').notNull(),
    /** Manifest of the processed photo's derivatives (src/media/manifest.ts); null for photos stored before them. */
    media: text('media'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('complaint_attachments_complaint').on(t.complaintId, t.createdAt)],
);

export const complaintRatings = sqliteTable(
  'complaint_ratings',
  {
    complaintId: text('complaint_id')
      .notNull()
      .references(() => complaints.id),
    round: integer('round').notNull(),
    regionCode: text('region_code').notNull(),
    score: integer('score').notNull(),
    comment: text('comment'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.complaintId, t.round] }), index('complaint_ratings_region').on(t.regionCode, t.createdAt)],
);

/** Follow-ups from a national system, each recorded once (by its update id) as a timeline entry. */
export const complaintExternalUpdates = sqliteTable(
  'complaint_external_updates',
  {
    system: text('system', { enum: EXTERNAL_SYSTEMS }).notNull(),
    updateId: text('update_id').notNull(),
    complaintId: text('complaint_id')
      .notNull()
      .references(() => complaints.id),
    eventSeq: integer('event_seq').notNull(),
    partnerId: text('partner_id').notNull(),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.system, t.updateId] })],
);

export const complaintExternalRefs = sqliteTable(
  'complaint_external_refs',
  {
    complaintId: text('complaint_id')
      .notNull()
      .references(() => complaints.id),
    system: text('system', { enum: EXTERNAL_SYSTEMS }).notNull(),
    regionCode: text('region_code').notNull(),
    externalId: text('external_id').notNull(),
    externalStatus: text('external_status'),
    partnerId: text('partner_id'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.complaintId, t.system] }), index('complaint_external_refs_external').on(t.system, t.externalId)],
);

export type ComplaintRow = typeof complaints.$inferSelect;
export type ComplaintEventRow = typeof complaintEvents.$inferSelect;
export type ComplaintAttachmentRow = typeof complaintAttachments.$inferSelect;
export type ComplaintRatingRow = typeof complaintRatings.$inferSelect;
export type ComplaintExternalRefRow = typeof complaintExternalRefs.$inferSelect;
export type ComplaintCategoryRow = typeof complaintCategories.$inferSelect;
