import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const OUTBOX_STATUSES = ['tertunda', 'terkirim', 'gagal'] as const;
export const OUTBOX_CHANNELS = ['telegram', 'email', 'webhook', 'whatsapp'] as const;
/** Channels a citizen may choose for status messages (src/messaging/citizen-notice.ts). */
export const CITIZEN_CHANNELS = ['whatsapp', 'email'] as const;
export const CITIZEN_NOTICE_KINDS = ['aduan', 'ppid', 'surat'] as const;

/** Outgoing messages (src/messaging/outbox.ts); the recipient is sealed with the personal-data key. */
export const messageOutbox = sqliteTable(
  'message_outbox',
  {
    id: text('id').primaryKey(),
    purpose: text('purpose').notNull(),
    refId: text('ref_id'),
    channelKind: text('channel_kind', { enum: OUTBOX_CHANNELS }).notNull(),
    recipientSealed: text('recipient_sealed').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    dataJson: text('data_json'),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    leaseUntil: integer('lease_until'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    deliveredAt: integer('delivered_at'),
  },
  (t) => [index('message_outbox_pending').on(t.status, t.nextAttemptAt)],
);

export type MessageOutboxRow = typeof messageOutbox.$inferSelect;

/**
 * A citizen's opt-in to status messages for one complaint, PPID request or letter request (migration 0022). The
 * contact is sealed with the personal-data key, bound to this row; it is never shown to officers and is deleted once
 * the final status message is queued.
 */
export const citizenSubscriptions = sqliteTable(
  'citizen_subscriptions',
  {
    refKind: text('ref_kind', { enum: CITIZEN_NOTICE_KINDS }).notNull(),
    refId: text('ref_id').notNull(),
    channelKind: text('channel_kind', { enum: CITIZEN_CHANNELS }).notNull(),
    contactSealed: text('contact_sealed').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.refKind, t.refId] })],
);
