-- Login throttling per (account, client) pair with an exponential wait, replacing the per-name lockout of
-- login_attempts (a stranger could lock an officer out, and username and e-mail were counted separately).
-- One row per key: 'pair:<account>|<client>' (account = user id, or the typed name when no account matches) or
-- 'ip:<client>' (client = IPv4 address or IPv6 /64). `failures` is claimed atomically BEFORE the password check,
-- so parallel attempts cannot run more checks than allowed.
CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY NOT NULL,
  failures INTEGER NOT NULL,
  next_allowed_at INTEGER NOT NULL,     -- epoch ms; attempts before it answer 429 without checking the password
  updated_at INTEGER NOT NULL
);
CREATE INDEX login_throttle_updated ON login_throttle (updated_at);

DROP TABLE login_attempts;
