import { index, integer, sqliteTable, text, unique, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { users } from './accounts';
import { regions } from './regions';

/** Monitoring aggregate (migrations/0010_monitoring.sql). Rules live in src/features/monitoring/. */
export const FRESHNESS_STATES = ['segar', 'perlu_pembaruan', 'usang'] as const;
export const FLAG_KINDS = ['kesegaran', 'kelengkapan', 'tenggat'] as const;
export const CHECKLIST_LEVELS = ['kabupaten', 'kecamatan', 'desa', 'kelurahan'] as const;
export const CHECKLIST_KINDS = ['dokumen', 'halaman', 'profil_ppid'] as const;
export const MONITORING_JOBS = ['kesegaran', 'kelengkapan', 'tenggat', 'ringkasan'] as const;
export const RUN_TRIGGERS = ['cron', 'manual'] as const;
export const RUN_STATUSES = ['berjalan', 'selesai', 'gagal', 'dilewati'] as const;
export const DELIVERY_STATUSES = ['tertunda', 'terkirim', 'gagal'] as const;

export const monitoringSettings = sqliteTable('monitoring_settings', {
  id: integer('id').primaryKey(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  kabupatenFreshDays: integer('kabupaten_fresh_days').notNull(),
  kabupatenStaleDays: integer('kabupaten_stale_days').notNull(),
  kecamatanFreshDays: integer('kecamatan_fresh_days').notNull(),
  kecamatanStaleDays: integer('kecamatan_stale_days').notNull(),
  desaFreshDays: integer('desa_fresh_days').notNull(),
  desaStaleDays: integer('desa_stale_days').notNull(),
  readinessDays: integer('readiness_days').notNull(),
  escalateAfterDays: integer('escalate_after_days').notNull(),
  digestEnabled: integer('digest_enabled', { mode: 'boolean' }).notNull().default(false),
  webhookUrl: text('webhook_url'),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

export const monitoringChecklist = sqliteTable(
  'monitoring_checklist',
  {
    id: text('id').primaryKey(),
    level: text('level', { enum: CHECKLIST_LEVELS }).notNull(),
    kind: text('kind', { enum: CHECKLIST_KINDS }).notNull(),
    label: text('label').notNull(),
    categories: text('categories'),
    titleContains: text('title_contains'),
    yearOffset: integer('year_offset'),
    pageSlug: text('page_slug'),
    fromYear: integer('from_year'),
    untilYear: integer('until_year'),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('monitoring_checklist_level').on(t.level, t.isActive, t.sortOrder)],
);

export const monitoringFlags = sqliteTable(
  'monitoring_flags',
  {
    id: text('id').primaryKey(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    kind: text('kind', { enum: FLAG_KINDS }).notNull(),
    flagKey: text('flag_key').notNull(),
    state: text('state').notNull(),
    audienceCode: text('audience_code').notNull(),
    source: text('source'),
    title: text('title').notNull(),
    reference: text('reference'),
    href: text('href').notNull(),
    subjectAt: integer('subject_at'),
    openedAt: integer('opened_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    resolvedAt: integer('resolved_at'),
  },
  (t) => [
    uniqueIndex('monitoring_flags_open').on(t.regionCode, t.flagKey).where(sql`resolved_at IS NULL`),
    index('monitoring_flags_region').on(t.regionCode, t.resolvedAt, t.kind),
    index('monitoring_flags_kind').on(t.kind, t.resolvedAt),
    index('monitoring_flags_audience').on(t.audienceCode, t.resolvedAt),
  ],
);

export const monitoringRegionStatus = sqliteTable('monitoring_region_status', {
  regionCode: text('region_code')
    .primaryKey()
    .references(() => regions.code),
  freshness: text('freshness', { enum: FRESHNESS_STATES }),
  lastContentAt: integer('last_content_at'),
  freshSince: integer('fresh_since'),
  checklistTotal: integer('checklist_total'),
  checklistDone: integer('checklist_done'),
  deadlinesNear: integer('deadlines_near'),
  deadlinesOverdue: integer('deadlines_overdue'),
  deadlinesLongOverdue: integer('deadlines_long_overdue'),
  deadlinesClosed: integer('deadlines_closed'),
  deadlinesClosedOnTime: integer('deadlines_closed_on_time'),
  onTimeSince: integer('on_time_since'),
  score: integer('score'),
  rollupScore: integer('rollup_score'),
  updatedAt: integer('updated_at').notNull(),
});

export const monitoringRuns = sqliteTable(
  'monitoring_runs',
  {
    id: text('id').primaryKey(),
    job: text('job', { enum: MONITORING_JOBS }).notNull(),
    trigger: text('trigger', { enum: RUN_TRIGGERS }).notNull(),
    cron: text('cron'),
    triggeredBy: text('triggered_by'),
    scheduledAt: integer('scheduled_at').notNull(),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at'),
    status: text('status', { enum: RUN_STATUSES }).notNull(),
    countsJson: text('counts_json').notNull().default('{}'),
    error: text('error'),
  },
  (t) => [index('monitoring_runs_job').on(t.job, t.startedAt), index('monitoring_runs_started').on(t.startedAt)],
);

export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    regionCode: text('region_code').references(() => regions.code),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    href: text('href'),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: integer('created_at').notNull(),
    readAt: integer('read_at'),
  },
  (t) => [uniqueIndex('notifications_dedupe').on(t.userId, t.dedupeKey), index('notifications_user').on(t.userId, t.readAt, t.createdAt)],
);

export const digestDeliveries = sqliteTable(
  'digest_deliveries',
  {
    id: text('id').primaryKey(),
    digestDate: text('digest_date').notNull(),
    targetHash: text('target_hash').notNull(),
    targetHost: text('target_host').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    payloadJson: text('payload_json').notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    leaseUntil: integer('lease_until'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    deliveredAt: integer('delivered_at'),
  },
  (t) => [unique().on(t.targetHash, t.digestDate), index('digest_deliveries_status').on(t.status, t.digestDate)],
);

export type MonitoringSettingsRow = typeof monitoringSettings.$inferSelect;
export type ChecklistItemRow = typeof monitoringChecklist.$inferSelect;
export type MonitoringFlagRow = typeof monitoringFlags.$inferSelect;
export type RegionStatusRow = typeof monitoringRegionStatus.$inferSelect;
export type MonitoringRunRow = typeof monitoringRuns.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;
export type DigestDeliveryRow = typeof digestDeliveries.$inferSelect;
export type FreshnessState = (typeof FRESHNESS_STATES)[number];
export type FlagKind = (typeof FLAG_KINDS)[number];
export type ChecklistLevel = (typeof CHECKLIST_LEVELS)[number];
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number];
export type MonitoringJob = (typeof MONITORING_JOBS)[number];
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
