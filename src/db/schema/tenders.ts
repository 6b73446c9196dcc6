import { index, integer, primaryKey, real, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { POST_STATUSES } from './posts';
import { regions } from './regions';

/** Tenders and procurement (migrations/0030_tenders.sql). Labels in src/features/tenders/labels.ts. */
export const TENDER_SOURCES = ['spse', 'sirup', 'desa'] as const;
export const TENDER_TYPES = ['barang', 'pekerjaan_konstruksi', 'jasa_konsultansi', 'jasa_lainnya', 'terintegrasi'] as const;
export const TENDER_METHODS = [
  'tender',
  'seleksi',
  'tender_cepat',
  'penunjukan_langsung',
  'pengadaan_langsung',
  'e_purchasing',
  'swakelola',
  'tender_desa',
  'kontes',
  'sayembara',
  'darurat',
  'dikecualikan',
] as const;
export const TENDER_STATUSES = ['rencana', 'pengumuman', 'berlangsung', 'evaluasi', 'pemenang_ditetapkan', 'kontrak', 'selesai', 'gagal'] as const;
/** Schedule stages in their order. */
export const TENDER_STAGES = ['pengumuman', 'pendaftaran', 'penjelasan', 'penawaran', 'evaluasi', 'penetapan', 'sanggah', 'kontrak'] as const;

export const tenders = sqliteTable(
  'tenders',
  {
    id: text('id').primaryKey(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    source: text('source', { enum: TENDER_SOURCES }).notNull(),
    externalCode: text('external_code').notNull(),
    name: text('name').notNull(),
    ownerName: text('owner_name').notNull(),
    procurementType: text('procurement_type', { enum: TENDER_TYPES }),
    method: text('method', { enum: TENDER_METHODS }),
    fiscalYear: integer('fiscal_year'),
    fundingSource: text('funding_source').notNull().default(''),
    pagu: integer('pagu'),
    hps: integer('hps'),
    declaredStatus: text('declared_status', { enum: TENDER_STATUSES }),
    stageLabel: text('stage_label').notNull().default(''),
    scheduleJson: text('schedule_json').notNull().default('[]'),
    plannedFrom: integer('planned_from'),
    plannedTo: integer('planned_to'),
    winnerName: text('winner_name'),
    contractValue: integer('contract_value'),
    contractStartAt: integer('contract_start_at'),
    contractEndAt: integer('contract_end_at'),
    locationText: text('location_text').notNull().default(''),
    lat: real('lat'),
    lng: real('lng'),
    sourceUrl: text('source_url'),
    description: text('description').notNull().default(''),
    status: text('status', { enum: TENDER_STATUSES }).notNull(),
    updateDueAt: integer('update_due_at'),
    statusChangedAt: integer('status_changed_at').notNull(),
    onTime: integer('on_time', { mode: 'boolean' }).notNull().default(true),
    /** Publishing workflow (src/publishing/workflow.ts) for village procurement; regency packages are always `terbit`. */
    publishStatus: text('publish_status', { enum: POST_STATUSES }).notNull().default('terbit'),
    reviewNote: text('review_note'),
    contentHash: text('content_hash').notNull(),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    createdBy: text('created_by'),
    updatedBy: text('updated_by'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** migrations/0062_change_sequences.sql: taken by a trigger on every write, in commit order (the API feed). */
    changeSeq: integer('change_seq').notNull().default(0),
    deletedAt: integer('deleted_at'),
  },
  (t) => [
    unique().on(t.source, t.regionCode, t.externalCode),
    index('tenders_region').on(t.regionCode, t.fiscalYear, t.updatedAt),
    index('tenders_public').on(t.publishStatus, t.status, t.regionCode),
    index('tenders_due').on(t.updateDueAt),
    index('tenders_changed').on(t.updatedAt, t.id),
  ],
);

export const tenderLocations = sqliteTable(
  'tender_locations',
  {
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    tenderId: text('tender_id')
      .notNull()
      .references(() => tenders.id),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.tenderId] }), index('tender_locations_tender').on(t.tenderId)],
);

export const tenderFiles = sqliteTable(
  'tender_files',
  {
    id: text('id').primaryKey(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    tenderId: text('tender_id')
      .notNull()
      .references(() => tenders.id),
    title: text('title').notNull(),
    r2Key: text('r2_key').notNull().unique(),
    mime: text('mime').notNull(),
    ext: text('ext').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: text('uploaded_by'),
    uploadedAt: integer('uploaded_at').notNull(),
  },
  (t) => [index('tender_files_tender').on(t.regionCode, t.tenderId, t.uploadedAt)],
);

export const TENDER_IMPORT_STATUSES = ['pratinjau', 'berjalan', 'selesai'] as const;

export const tenderImports = sqliteTable(
  'tender_imports',
  {
    id: text('id').primaryKey(),
    source: text('source', { enum: ['spse', 'sirup'] }).notNull(),
    fileName: text('file_name').notNull(),
    rowsKey: text('rows_key').notNull(),
    totalRows: integer('total_rows').notNull(),
    validRows: integer('valid_rows').notNull(),
    errorRows: integer('error_rows').notNull(),
    cursor: integer('cursor').notNull().default(0),
    createdCount: integer('created_count').notNull().default(0),
    changedCount: integer('changed_count').notNull().default(0),
    unchangedCount: integer('unchanged_count').notNull().default(0),
    status: text('status', { enum: TENDER_IMPORT_STATUSES }).notNull().default('pratinjau'),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('tender_imports_created').on(t.createdAt)],
);

export type TenderRow = typeof tenders.$inferSelect;
export type TenderFileRow = typeof tenderFiles.$inferSelect;
export type TenderImportRow = typeof tenderImports.$inferSelect;
export type TenderSource = (typeof TENDER_SOURCES)[number];
export type TenderType = (typeof TENDER_TYPES)[number];
export type TenderMethod = (typeof TENDER_METHODS)[number];
export type TenderStatus = (typeof TENDER_STATUSES)[number];
export type TenderStage = (typeof TENDER_STAGES)[number];
