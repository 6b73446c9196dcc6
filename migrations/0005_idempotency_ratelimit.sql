-- Idempotent submissions (forms carry a token; the API honours Idempotency-Key) and fixed-window rate limits.

CREATE TABLE idempotency_keys (
  scope TEXT NOT NULL,                 -- e.g. 'complaint', 'info_request'
  key TEXT NOT NULL,                   -- form token or Idempotency-Key header
  request_hash TEXT NOT NULL,          -- SHA-256 of the normalised request: same key + other body = 409
  result_ref TEXT NOT NULL,            -- what was created (ticket number)
  created_at INTEGER NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

CREATE TABLE rate_limits (
  key TEXT NOT NULL,                   -- e.g. 'complaint:ip:1.2.3.4'
  window_start INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (key, window_start)
);
