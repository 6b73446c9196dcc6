import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, unique, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { regions } from './regions';

export const POST_KINDS = ['berita', 'pengumuman', 'agenda', 'halaman'] as const;
export const POST_STATUSES = ['draft', 'menunggu_tinjauan', 'terbit', 'ditolak'] as const;

export const posts = sqliteTable(
  'posts',
  {
    id: text('id').primaryKey(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    kind: text('kind', { enum: POST_KINDS }).notNull(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    bodyMd: text('body_md').notNull().default(''),
    coverKey: text('cover_key'),
    coverAlt: text('cover_alt'),
    /** Manifest of the processed cover (src/media/manifest.ts); pages only ever reference its derivatives. */
    coverMedia: text('cover_media'),
    status: text('status', { enum: POST_STATUSES }).notNull().default('draft'),
    reviewNote: text('review_note'),
    authorId: text('author_id'),
    publishedAt: integer('published_at'),
    validFrom: integer('valid_from'),
    validUntil: integer('valid_until'),
    eventStartsAt: integer('event_starts_at'),
    eventPlace: text('event_place'),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** Key of the old-site item it was imported from (0040_old_sites.sql); a second import updates this row. */
    importKey: text('import_key'),
    /** The original author's name of an imported post. */
    byline: text('byline'),
    /** Soft delete (trash): set back to `draft`, restorable; see src/publishing/trash.ts. */
    deletedAt: integer('deleted_at'),
    deletedBy: text('deleted_by'),
    /** The shared announcement this copy belongs to (0095_post_fan_out_group.sql); see features/content/fan-out-group.ts. */
    fanOutGroup: text('fan_out_group'),
  },
  (t) => [
    unique().on(t.regionCode, t.slug),
    uniqueIndex('posts_import_key').on(t.regionCode, t.importKey).where(sql`import_key IS NOT NULL`),
    index('posts_region_published').on(t.regionCode, t.status, t.publishedAt),
    index('posts_published').on(t.status, t.publishedAt),
    index('posts_deleted').on(t.regionCode, t.deletedAt),
    index('posts_fan_out_group').on(t.fanOutGroup).where(sql`fan_out_group IS NOT NULL`),
  ],
);

export type PostRow = typeof posts.$inferSelect;
export type PostKind = (typeof POST_KINDS)[number];
export type PostStatus = (typeof POST_STATUSES)[number];
