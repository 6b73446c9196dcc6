import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Autosaved admin form drafts (src/admin/drafts.ts): one per user and form key. */
export const formDrafts = sqliteTable(
  'form_drafts',
  {
    userId: text('user_id').notNull(),
    formKey: text('form_key').notNull(),
    dataJson: text('data_json').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.formKey] })],
);
