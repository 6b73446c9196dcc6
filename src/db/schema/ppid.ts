import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { regions } from './regions';

/** PPID aggregate (migrations/0008_ppid.sql). Domain rules live in src/features/ppid/state.ts. */
export const DIP_CATEGORIES = ['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan'] as const;
export const INFO_REQUEST_STATUSES = ['diterima', 'diproses', 'diperpanjang', 'dijawab'] as const;
export const INFO_REQUESTER_TYPES = ['perorangan', 'badan_hukum', 'kelompok'] as const;
export const INFO_IDENTITY_TYPES = ['ktp', 'akta'] as const;
export const INFO_OBTAIN_METHODS = ['melihat', 'salinan_softcopy', 'salinan_hardcopy'] as const;
export const INFO_DELIVERY_METHODS = ['langsung', 'email', 'pos'] as const;
export const INFO_DECISIONS = ['dipenuhi', 'dipenuhi_sebagian', 'ditolak', 'tidak_dikuasai'] as const;
export const INFO_OBJECTION_STATUSES = ['diajukan', 'diputus'] as const;
export const INFO_OBJECTION_OUTCOMES = ['dikabulkan', 'dikabulkan_sebagian', 'ditolak'] as const;
export const INFO_EVENT_ACTORS = ['pemohon', 'ppid', 'atasan', 'sistem'] as const;

export const ppidProfiles = sqliteTable('ppid_profiles', {
  regionCode: text('region_code')
    .primaryKey()
    .references(() => regions.code),
  officerName: text('officer_name').notNull(),
  officerPosition: text('officer_position').notNull().default(''),
  superiorName: text('superior_name').notNull().default(''),
  address: text('address').notNull().default(''),
  phone: text('phone').notNull().default(''),
  email: text('email').notNull().default(''),
  officeHours: text('office_hours').notNull().default(''),
  maklumat: text('maklumat').notNull().default(''),
  serviceStandard: text('service_standard').notNull().default(''),
  cost: text('cost').notNull().default(''),
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

export const ppidInfoItems = sqliteTable(
  'ppid_info_items',
  {
    id: text('id').primaryKey(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    infoCategory: text('info_category', { enum: DIP_CATEGORIES }).notNull(),
    responsibleUnit: text('responsible_unit').notNull().default(''),
    year: integer('year'),
    format: text('format').notNull().default(''),
    retention: text('retention').notNull().default(''),
    url: text('url'),
    legalBasis: text('legal_basis'),
    consequenceTest: text('consequence_test'),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    createdBy: text('created_by'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    deletedAt: integer('deleted_at'),
  },
  (t) => [index('ppid_info_items_region').on(t.regionCode, t.infoCategory, t.deletedAt)],
);

export const infoRequests = sqliteTable(
  'info_requests',
  {
    id: text('id').primaryKey(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    number: text('number').notNull().unique(),
    codeHash: text('code_hash').notNull(),
    status: text('status', { enum: INFO_REQUEST_STATUSES }).notNull(),
    channel: text('channel', { enum: ['web', 'api'] })
      .notNull()
      .default('web'),
    requesterType: text('requester_type', { enum: INFO_REQUESTER_TYPES }).notNull(),
    requesterName: text('requester_name').notNull(),
    requesterAddress: text('requester_address').notNull(),
    requesterOccupation: text('requester_occupation').notNull(),
    requesterPhone: text('requester_phone'),
    requesterEmail: text('requester_email'),
    identityType: text('identity_type', { enum: INFO_IDENTITY_TYPES }).notNull(),
    identityCipher: text('identity_cipher'),
    identityLast4: text('identity_last4').notNull(),
    information: text('information').notNull(),
    purpose: text('purpose').notNull(),
    obtainMethod: text('obtain_method', { enum: INFO_OBTAIN_METHODS }).notNull(),
    deliveryMethod: text('delivery_method', { enum: INFO_DELIVERY_METHODS }),
    registeredAt: integer('registered_at').notNull(),
    originalDueAt: integer('original_due_at').notNull(),
    dueAt: integer('due_at').notNull(),
    processedAt: integer('processed_at'),
    extendedAt: integer('extended_at'),
    extensionDays: integer('extension_days'),
    extensionReason: text('extension_reason'),
    answeredAt: integer('answered_at'),
    decision: text('decision', { enum: INFO_DECISIONS }),
    answerNote: text('answer_note'),
    refusalReason: text('refusal_reason'),
    refusalBasis: text('refusal_basis'),
    answerDocKey: text('answer_doc_key'),
    answerDocMime: text('answer_doc_mime'),
    answerDocName: text('answer_doc_name'),
    answerDocSize: integer('answer_doc_size'),
    answeredBy: text('answered_by'),
    /** When the identity was erased (on request or after the retention period; migrations/0072). */
    personalDataErasedAt: integer('personal_data_erased_at'),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('info_requests_region_due').on(t.regionCode, t.status, t.dueAt), index('info_requests_region_registered').on(t.regionCode, t.registeredAt)],
);

export const infoObjections = sqliteTable(
  'info_objections',
  {
    id: text('id').primaryKey(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    requestId: text('request_id')
      .notNull()
      .unique()
      .references(() => infoRequests.id),
    grounds: text('grounds').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: INFO_OBJECTION_STATUSES }).notNull(),
    filedAt: integer('filed_at').notNull(),
    dueAt: integer('due_at').notNull(),
    decidedAt: integer('decided_at'),
    outcome: text('outcome', { enum: INFO_OBJECTION_OUTCOMES }),
    decisionNote: text('decision_note'),
    decidedByName: text('decided_by_name'),
    decidedBy: text('decided_by'),
    commissionAt: integer('commission_at'),
    commissionNote: text('commission_note'),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('info_objections_region').on(t.regionCode, t.status, t.dueAt)],
);

export const infoRequestEvents = sqliteTable(
  'info_request_events',
  {
    id: text('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    requestId: text('request_id')
      .notNull()
      .references(() => infoRequests.id),
    at: integer('at').notNull(),
    kind: text('kind').notNull(),
    actorRole: text('actor_role', { enum: INFO_EVENT_ACTORS }).notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [index('info_request_events_request').on(t.regionCode, t.requestId, t.at)],
);

export type PpidProfileRow = typeof ppidProfiles.$inferSelect;
export type PpidInfoItemRow = typeof ppidInfoItems.$inferSelect;
export type InfoRequestRow = typeof infoRequests.$inferSelect;
export type InfoObjectionRow = typeof infoObjections.$inferSelect;
export type InfoRequestEventRow = typeof infoRequestEvents.$inferSelect;
export type InfoRequestStatus = (typeof INFO_REQUEST_STATUSES)[number];
export type InfoDecision = (typeof INFO_DECISIONS)[number];
export type InfoObjectionOutcome = (typeof INFO_OBJECTION_OUTCOMES)[number];
export type DipCategory = (typeof DIP_CATEGORIES)[number];
