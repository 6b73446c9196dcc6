import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, unique, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { POST_STATUSES } from './posts';
import { regions } from './regions';

/** Document categories (issue 4). Labels in src/features/documents/labels.ts. */
export const DOCUMENT_CATEGORIES = ['sop', 'lkjip', 'renstra', 'renja', 'rka', 'dpa', 'apbdes', 'perdes_perkades', 'laporan', 'lainnya'] as const;

/**
 * Information category under UU 14/2008 (Keterbukaan Informasi Publik). `dikecualikan` documents are never public.
 * The PPID feature builds the Daftar Informasi Publik from these rows.
 */
export const INFO_CATEGORIES = ['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan'] as const;

export const documents = sqliteTable(
  'documents',
  {
    id: text('id').primaryKey(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    title: text('title').notNull(),
    category: text('category', { enum: DOCUMENT_CATEGORIES }).notNull(),
    year: integer('year').notNull(),
    description: text('description').notNull().default(''),
    infoCategory: text('info_category', { enum: INFO_CATEGORIES }).notNull(),
    /** PPID: responsible unit (penanggung jawab penguasaan informasi). */
    responsibleUnit: text('responsible_unit').notNull().default(''),
    /** PPID: retention period (jangka waktu penyimpanan), free text e.g. "5 tahun", "Selama berlaku". */
    retentionPeriod: text('retention_period').notNull().default(''),
    /** dikecualikan only: legal basis of the exemption (dasar hukum pengecualian, e.g. "UU 14/2008 Pasal 17 huruf h"). */
    exemptionLegalBasis: text('exemption_legal_basis'),
    /** dikecualikan only: summary of the consequence test (ringkasan uji konsekuensi). */
    consequenceTestSummary: text('consequence_test_summary'),
    /** Latest version number (1-based); 0 only transiently before the first upload. */
    currentVersion: integer('current_version').notNull().default(0),
    /** Denormalised from the current version for fast lists. */
    currentMime: text('current_mime'),
    currentSize: integer('current_size'),
    currentSha256: text('current_sha256'),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    createdBy: text('created_by'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** Soft delete: a removed document disappears from public lists; versions stay for the audit trail. */
    deletedAt: integer('deleted_at'),
    deletedBy: text('deleted_by'),
    /** Publishing workflow (src/publishing/workflow.ts): only `terbit` documents are public. */
    status: text('status', { enum: POST_STATUSES }).notNull().default('terbit'),
    reviewNote: text('review_note'),
    /** A new version waiting for review (uploaded to a published document without the right to publish). */
    pendingVersion: integer('pending_version'),
    /** Key of the old-site item it was imported from (0040_old_sites.sql). */
    importKey: text('import_key'),
  },
  (t) => [
    uniqueIndex('documents_import_key').on(t.regionCode, t.importKey).where(sql`import_key IS NOT NULL`),
    index('documents_status').on(t.status, t.regionCode, t.updatedAt),
    index('documents_region_year').on(t.regionCode, t.year, t.updatedAt),
    index('documents_region_category').on(t.regionCode, t.category, t.year),
    index('documents_info_category').on(t.infoCategory, t.updatedAt),
  ],
);

export const documentVersions = sqliteTable(
  'document_versions',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id),
    /** Denormalised tenant column (indexes start with it). */
    regionCode: text('region_code').notNull(),
    version: integer('version').notNull(),
    /** Server-made R2 key: docs/<region>/<docId>/<version>.<ext> (never under public/). */
    r2Key: text('r2_key').notNull().unique(),
    mime: text('mime').notNull(),
    ext: text('ext').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** Sanitised original file name, used only for the download file name. */
    originalName: text('original_name').notNull(),
    uploadedBy: text('uploaded_by'),
    uploadedAt: integer('uploaded_at').notNull(),
    /** false while the version waits for review; unapproved versions are never public. */
    approved: integer('approved', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [unique().on(t.documentId, t.version), index('document_versions_region').on(t.regionCode, t.uploadedAt)],
);

export type DocumentRow = typeof documents.$inferSelect;
export type DocumentVersionRow = typeof documentVersions.$inferSelect;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];
export type InfoCategory = (typeof INFO_CATEGORIES)[number];
