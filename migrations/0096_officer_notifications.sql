-- Officers' own notification preferences (src/messaging/officer-notify.ts): the channel they chose (none, Telegram,
-- e-mail), the contact sealed with the personal-data key (bound to the user id; re-sealed on key rotation), and
-- whether they want the daily digest and urgent deadline items. Deleted with the account's deactivation.
CREATE TABLE officer_notify_prefs (
  user_id TEXT PRIMARY KEY REFERENCES users(id),
  channel_kind TEXT NOT NULL CHECK (channel_kind IN ('none', 'telegram', 'email')),
  contact_sealed TEXT,
  digest INTEGER NOT NULL DEFAULT 0,
  urgent INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- One row per message an officer was sent outside the portal: written (with the outbox row, in one batch) before
-- the first attempt, so a job that runs twice or retries never sends the same digest or urgent item twice.
-- kind 'ringkasan': item_key = 'ringkasan', ref = the WITA day; kind 'mendesak': item_key = the flag id, ref = its state.
CREATE TABLE officer_notifications (
  user_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('ringkasan', 'mendesak')),
  item_key TEXT NOT NULL,
  ref TEXT NOT NULL,
  outbox_id TEXT,
  created_at INTEGER NOT NULL,
  UNIQUE (user_id, kind, item_key, ref)
);
CREATE INDEX officer_notifications_kind_ref ON officer_notifications (kind, ref);
