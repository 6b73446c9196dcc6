import { index, integer, primaryKey, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';

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

/** Channels an officer may choose for the daily digest and urgent items ('none' = only in the portal). */
export const OFFICER_CHANNELS = ['none', 'telegram', 'email'] as const;
export type OfficerChannel = (typeof OFFICER_CHANNELS)[number];
export const OFFICER_NOTIFICATION_KINDS = ['ringkasan', 'mendesak'] as const;

/**
 * An officer's own notification preferences (migration 0096, src/messaging/officer-notify.ts). The chat id or e-mail
 * address is sealed with the personal-data key, bound to the user id; it is deleted when the account is deactivated.
 */
export const officerNotifyPrefs = sqliteTable('officer_notify_prefs', {
  userId: text('user_id').primaryKey(),
  channelKind: text('channel_kind', { enum: OFFICER_CHANNELS }).notNull(),
  contactSealed: text('contact_sealed'),
  digest: integer('digest', { mode: 'boolean' }).notNull().default(false),
  urgent: integer('urgent', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export type OfficerNotifyPrefsRow = typeof officerNotifyPrefs.$inferSelect;

/** Messages sent to an officer outside the portal, one row per (user, kind, item, day/state): never sent twice. */
export const officerNotifications = sqliteTable(
  'officer_notifications',
  {
    userId: text('user_id').notNull(),
    kind: text('kind', { enum: OFFICER_NOTIFICATION_KINDS }).notNull(),
    itemKey: text('item_key').notNull(),
    ref: text('ref').notNull(),
    outboxId: text('outbox_id'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [unique().on(t.userId, t.kind, t.itemKey, t.ref), index('officer_notifications_kind_ref').on(t.kind, t.ref)],
);
