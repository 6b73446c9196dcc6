-- Outgoing messages (src/messaging/outbox.ts): one row per message and channel, delivered at most once (the unique
-- idempotency key), retried with backoff by the hourly job. The recipient (chat id, e-mail address, webhook URL) is
-- sealed with the personal-data key; subject and text carry a tracking number and a status, never personal data.
CREATE TABLE message_outbox (
  id TEXT PRIMARY KEY,
  purpose TEXT NOT NULL,
  ref_id TEXT,
  channel_kind TEXT NOT NULL CHECK (channel_kind IN ('telegram', 'email', 'webhook')),
  recipient_sealed TEXT NOT NULL,
  subject TEXT NOT NULL,
  body_text TEXT NOT NULL,
  data_json TEXT,
  idempotency_key TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('tertunda', 'terkirim', 'gagal')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_status INTEGER,
  last_error TEXT,
  next_attempt_at INTEGER NOT NULL,
  lease_until INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  delivered_at INTEGER
);
CREATE INDEX message_outbox_pending ON message_outbox (status, next_attempt_at);
