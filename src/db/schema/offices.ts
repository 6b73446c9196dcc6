import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { regions } from './regions';

/**
 * Where citizens reach a region's office in person or by phone: shown on every page without a next step of its own
 * (sections not served yet, the printed poster, tracking help). One row per region; an empty field means "unknown"
 * and the page falls back to the nearest ancestor that has it.
 */
export const regionOffices = sqliteTable('region_offices', {
  regionCode: text('region_code')
    .primaryKey()
    .references(() => regions.code),
  address: text('address').notNull().default(''),
  phone: text('phone').notNull().default(''),
  whatsapp: text('whatsapp').notNull().default(''),
  email: text('email').notNull().default(''),
  hours: text('hours').notNull().default(''),
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

export type RegionOfficeRow = typeof regionOffices.$inferSelect;
