import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    resultRef: text('result_ref').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_keys_created').on(t.createdAt)],
);

export const rateLimits = sqliteTable(
  'rate_limits',
  { key: text('key').notNull(), windowStart: integer('window_start').notNull(), count: integer('count').notNull() },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/** Page-cache purges that failed after a committed change; drained by src/cache/purge.ts. */
export const pendingPurges = sqliteTable('pending_purges', {
  regionCode: text('region_code').primaryKey(),
  firstFailedAt: integer('first_failed_at').notNull(),
  lastFailedAt: integer('last_failed_at').notNull(),
  attempts: integer('attempts').notNull(),
  lastError: text('last_error').notNull(),
});

/** migrations/0062_change_sequences.sql: one counter per change feed, advanced by triggers only. */
export const CHANGE_FEEDS = ['complaints', 'tenders'] as const;
export const changeSequences = sqliteTable('change_sequences', {
  feed: text('feed', { enum: CHANGE_FEEDS }).primaryKey(),
  value: integer('value').notNull(),
});
