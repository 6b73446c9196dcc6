import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const UPLOAD_SESSION_STATUSES = ['open', 'complete', 'used'] as const;

/** Chunked uploads of large document files (migrations/0090_upload_sessions.sql, src/features/documents/chunked-*.ts). */
export const uploadSessions = sqliteTable(
  'upload_sessions',
  {
    id: text('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    ownerId: text('owner_id').notNull(),
    /** The officer's file name (sanitised when the document takes it); never logged. */
    fileName: text('file_name').notNull(),
    size: integer('size').notNull(),
    partSize: integer('part_size').notNull(),
    declaredSha256: text('declared_sha256'),
    r2Key: text('r2_key').notNull().unique(),
    r2UploadId: text('r2_upload_id').notNull(),
    status: text('status', { enum: UPLOAD_SESSION_STATUSES }).notNull().default('open'),
    mime: text('mime'),
    ext: text('ext'),
    sha256: text('sha256'),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('upload_sessions_owner').on(t.ownerId, t.status), index('upload_sessions_expiry').on(t.expiresAt)],
);

export const uploadParts = sqliteTable(
  'upload_parts',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => uploadSessions.id, { onDelete: 'cascade' }),
    partNumber: integer('part_number').notNull(),
    etag: text('etag').notNull(),
    size: integer('size').notNull(),
    uploadedAt: integer('uploaded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.partNumber] })],
);

export type UploadSessionRow = typeof uploadSessions.$inferSelect;
