import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { regions } from './regions';

/** The retired village/district sites (migrations/0040_old_sites.sql, 0041_imports.sql). */
export const IMPORT_FORMATS = ['wxr', 'rss', 'opensid'] as const;
export const IMPORT_STATUSES = ['pratinjau', 'berjalan', 'selesai', 'gagal', 'dibatalkan'] as const;
export const IMPORT_OUTCOMES = ['dibuat', 'diperbarui', 'tetap', 'dilewati', 'gagal'] as const;
export const IMPORT_ENTITY_TYPES = ['post', 'document', 'media'] as const;

export const regionHosts = sqliteTable(
  'region_hosts',
  {
    host: text('host').primaryKey(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    note: text('note').notNull().default(''),
    createdBy: text('created_by'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('region_hosts_region').on(t.regionCode, t.host)],
);

export const legacyRedirects = sqliteTable(
  'legacy_redirects',
  {
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    oldPath: text('old_path').notNull(),
    target: text('target').notNull(),
    source: text('source', { enum: IMPORT_FORMATS }).notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.oldPath] })],
);

export const importJobs = sqliteTable(
  'import_jobs',
  {
    id: text('id').primaryKey(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    format: text('format', { enum: IMPORT_FORMATS }).notNull(),
    sourceName: text('source_name').notNull(),
    siteUrl: text('site_url').notNull().default(''),
    publishDirectly: integer('publish_directly', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: IMPORT_STATUSES }).notNull(),
    total: integer('total').notNull(),
    cursor: integer('cursor').notNull().default(0),
    countsJson: text('counts_json').notNull().default('{}'),
    previewJson: text('preview_json').notNull().default('{}'),
    error: text('error'),
    leaseUntil: integer('lease_until'),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    finishedAt: integer('finished_at'),
  },
  (t) => [index('import_jobs_status').on(t.status, t.updatedAt), index('import_jobs_region').on(t.regionCode, t.createdAt)],
);

export const importResults = sqliteTable(
  'import_results',
  {
    jobId: text('job_id')
      .notNull()
      .references(() => importJobs.id),
    seq: integer('seq').notNull(),
    regionCode: text('region_code').notNull(),
    itemKey: text('item_key').notNull(),
    title: text('title').notNull(),
    outcome: text('outcome', { enum: IMPORT_OUTCOMES }).notNull(),
    reason: text('reason'),
    target: text('target'),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.seq] })],
);

export const importLinks = sqliteTable(
  'import_links',
  {
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    itemKey: text('item_key').notNull(),
    entityType: text('entity_type', { enum: IMPORT_ENTITY_TYPES }).notNull(),
    entityId: text('entity_id').notNull(),
    target: text('target').notNull(),
    /** Manifest of an image stored through the pipeline (src/media/manifest.ts): a reused cover needs it. */
    media: text('media'),
    sourceHash: text('source_hash').notNull(),
    entityUpdatedAt: integer('entity_updated_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.itemKey] })],
);

export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];
export type ImportJobRow = typeof importJobs.$inferSelect;
