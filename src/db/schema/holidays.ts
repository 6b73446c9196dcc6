import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Kinds of non-working days; all of them stop the working-day clock (src/lib/working-days.ts). */
export const HOLIDAY_KINDS = ['libur_nasional', 'cuti_bersama', 'libur_daerah'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/** Editable holiday calendar (migrations/0003_holidays.sql). */
export const holidays = sqliteTable('holidays', {
  /** 'YYYY-MM-DD' (WITA) */
  date: text('date').primaryKey().notNull(),
  kind: text('kind', { enum: HOLIDAY_KINDS }).notNull(),
  name: text('name').notNull(),
  /** epoch ms */
  updatedAt: integer('updated_at').notNull(),
});

export type Holiday = typeof holidays.$inferSelect;
export type NewHoliday = typeof holidays.$inferInsert;
