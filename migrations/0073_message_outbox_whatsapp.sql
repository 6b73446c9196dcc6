-- Citizen status messages (src/messaging/citizen-notice.ts) go out over a WhatsApp/SMS gateway too: the outbox's
-- channel CHECK gains 'whatsapp'. SQLite cannot alter a CHECK, so the table is rebuilt with its rows kept.
CREATE TABLE message_outbox_next (
  id TEXT PRIMARY KEY,
  purpose TEXT NOT NULL,
  ref_id TEXT,
  channel_kind TEXT NOT NULL CHECK (channel_kind IN ('telegram', 'email', 'webhook', 'whatsapp')),
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
INSERT INTO message_outbox_next
  SELECT id, purpose, ref_id, channel_kind, recipient_sealed, subject, body_text, data_json, idempotency_key, status,
    attempts, last_status, last_error, next_attempt_at, lease_until, created_at, updated_at, delivered_at
  FROM message_outbox;
DROP TABLE message_outbox;
ALTER TABLE message_outbox_next RENAME TO message_outbox;
CREATE INDEX message_outbox_pending ON message_outbox (status, next_attempt_at);
