-- Citizens who opt in to status messages (src/messaging/citizen-notice.ts): one row per complaint, PPID request or
-- letter request. The contact (e-mail address or phone in 62… form) is sealed with the personal-data key and bound
-- to its row; it is kept only until the final status message is queued, and never shown to officers.
CREATE TABLE citizen_subscriptions (
  ref_kind TEXT NOT NULL CHECK (ref_kind IN ('aduan', 'ppid', 'surat')),
  ref_id TEXT NOT NULL,
  channel_kind TEXT NOT NULL CHECK (channel_kind IN ('whatsapp', 'email')),
  contact_sealed TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (ref_kind, ref_id)
);
