import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { POST_STATUSES } from './posts';
import { regions } from './regions';

/** Place categories are data (migration 0009 seeds them); the map colours and order come from here. */
export const placeCategories = sqliteTable('place_categories', {
  code: text('code').primaryKey(),
  label: text('label').notNull(),
  color: text('color').notNull().default('#a4161a'),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const places = sqliteTable(
  'places',
  {
    id: text('id').primaryKey(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    name: text('name').notNull(),
    category: text('category')
      .notNull()
      .references(() => placeCategories.code),
    lat: real('lat').notNull(),
    lng: real('lng').notNull(),
    address: text('address').notNull().default(''),
    description: text('description').notNull().default(''),
    openingHours: text('opening_hours').notNull().default(''),
    contact: text('contact').notNull().default(''),
    photoKey: text('photo_key'),
    /** Manifest of the processed photo (src/media/manifest.ts). */
    photoMedia: text('photo_media'),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    createdBy: text('created_by'),
    updatedBy: text('updated_by'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** Publishing workflow (src/publishing/workflow.ts): only `terbit` places are public. */
    status: text('status', { enum: POST_STATUSES }).notNull().default('terbit'),
    reviewNote: text('review_note'),
    /** Soft delete (trash): set back to `draft`, restorable; see src/publishing/trash.ts. */
    deletedAt: integer('deleted_at'),
    deletedBy: text('deleted_by'),
  },
  (t) => [
    index('places_deleted').on(t.regionCode, t.deletedAt),
    index('places_region').on(t.regionCode, t.category, t.name),
    index('places_lat_lng').on(t.lat, t.lng),
    index('places_status').on(t.status, t.regionCode, t.updatedAt),
  ],
);

/** Boundaries replaced by an upload, kept so Diskominfo can restore them. */
export const regionBoundaryHistory = sqliteTable(
  'region_boundary_history',
  {
    id: text('id').primaryKey(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    boundary: text('boundary').notNull(),
    bbox: text('bbox').notNull(),
    lat: real('lat').notNull(),
    lng: real('lng').notNull(),
    positions: integer('positions').notNull(),
    replacedAt: integer('replaced_at').notNull(),
    replacedBy: text('replaced_by'),
    note: text('note').notNull().default(''),
  },
  (t) => [index('region_boundary_history_region').on(t.regionCode, t.replacedAt)],
);

export type PlaceRow = typeof places.$inferSelect;
export type PlaceCategoryRow = typeof placeCategories.$inferSelect;
