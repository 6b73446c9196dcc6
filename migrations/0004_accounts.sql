-- Admin access: accounts, role memberships per region, stage history, append-only audit log, login throttling,
-- partner API clients.

CREATE TABLE users (
  id TEXT PRIMARY KEY NOT NULL,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  email TEXT UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,                    -- pbkdf2-sha256$iterations$salt$hash (base64url)
  is_active INTEGER NOT NULL DEFAULT 1,
  session_version INTEGER NOT NULL DEFAULT 1,     -- bumped on logout-everywhere, password reset, deactivation
  must_change_password INTEGER NOT NULL DEFAULT 0,
  is_demo INTEGER NOT NULL DEFAULT 0,
  last_login_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE memberships (
  id TEXT PRIMARY KEY NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id),
  role TEXT NOT NULL CHECK (role IN ('diskominfo', 'operator_kecamatan', 'operator_desa', 'ppid', 'penanganan_pengaduan')),
  region_code TEXT NOT NULL REFERENCES regions(code),
  created_at INTEGER NOT NULL,
  created_by TEXT,
  UNIQUE (user_id, role, region_code)
);
CREATE INDEX memberships_region ON memberships (region_code, role);

-- Revoked session ids (jti) until their natural expiry: logout really ends a session.
CREATE TABLE revoked_sessions (
  jti TEXT PRIMARY KEY NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX revoked_sessions_expiry ON revoked_sessions (expires_at);

-- Failed login attempts per key ('user:<name>' or 'ip:<addr>') in a sliding window.
CREATE TABLE login_attempts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX login_attempts_key ON login_attempts (key, at);

CREATE TABLE stage_history (
  id TEXT PRIMARY KEY NOT NULL,
  region_code TEXT NOT NULL REFERENCES regions(code),
  from_stage TEXT NOT NULL,
  to_stage TEXT NOT NULL,
  reason TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX stage_history_region ON stage_history (region_code, at DESC);

-- Append-only audit log. The application has no UPDATE or DELETE path for it; triggers enforce that in SQL too.
CREATE TABLE audit_log (
  id TEXT PRIMARY KEY NOT NULL,
  at INTEGER NOT NULL,
  actor_type TEXT NOT NULL CHECK (actor_type IN ('user', 'partner', 'system', 'public')),
  actor_id TEXT,
  actor_name TEXT,
  action TEXT NOT NULL,
  region_code TEXT,
  entity_type TEXT,
  entity_id TEXT,
  request_id TEXT,
  summary TEXT NOT NULL DEFAULT '',
  before_json TEXT,
  after_json TEXT
);
CREATE INDEX audit_log_at ON audit_log (at DESC);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at DESC);
CREATE INDEX audit_log_region ON audit_log (region_code, at DESC);
CREATE INDEX audit_log_action ON audit_log (action, at DESC);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TABLE partner_clients (
  id TEXT PRIMARY KEY NOT NULL,                   -- the public client_id
  name TEXT NOT NULL,
  scopes TEXT NOT NULL,                           -- space-separated
  secret_hash TEXT NOT NULL,                      -- pbkdf2 hash of the current secret
  previous_secret_hash TEXT,                      -- accepted until previous_secret_expires_at (rotation grace)
  previous_secret_expires_at INTEGER,
  is_active INTEGER NOT NULL DEFAULT 1,
  token_version INTEGER NOT NULL DEFAULT 1,       -- bumped on revoke: outstanding tokens stop working
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
