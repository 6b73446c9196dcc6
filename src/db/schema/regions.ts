import { index, integer, real, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';

export const REGION_LEVELS = ['kabupaten', 'kecamatan', 'desa', 'kelurahan'] as const;
export const MANAGEMENT_STAGES = ['diskominfo', 'pendampingan', 'mandiri'] as const;

export const regions = sqliteTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: REGION_LEVELS }).notNull(),
    parentCode: text('parent_code'),
    slug: text('slug').notNull(),
    path: text('path').notNull().unique(),
    lat: real('lat').notNull(),
    lng: real('lng').notNull(),
    bbox: text('bbox').notNull(),
    boundary: text('boundary').notNull(),
    stage: text('stage', { enum: MANAGEMENT_STAGES }).notNull().default('diskominfo'),
    profile: text('profile').notNull().default(''),
    lastContentUpdate: integer('last_content_update'),
  },
  (t) => [unique().on(t.parentCode, t.slug), index('regions_parent').on(t.parentCode, t.name)],
);

export type RegionRow = typeof regions.$inferSelect;
export type RegionLevel = (typeof REGION_LEVELS)[number];
export type ManagementStage = (typeof MANAGEMENT_STAGES)[number];
