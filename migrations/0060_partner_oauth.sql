-- Partner OAuth (RFC 7009): access tokens a partner revoked before they expire. Bearer tokens are JWTs checked without
-- a lookup of their own, so a revoked token is refused by its `jti` until its `exp`; the daily job removes expired rows.

CREATE TABLE partner_token_revocations (
  jti TEXT NOT NULL PRIMARY KEY,          -- the token's id (JWT `jti`)
  client_id TEXT NOT NULL,                -- the partner the token was issued to (only it may revoke it)
  expires_at INTEGER NOT NULL,            -- the token's expiry (epoch ms): the row is useless after it
  revoked_at INTEGER NOT NULL
);
CREATE INDEX partner_token_revocations_expires ON partner_token_revocations (expires_at);

-- SP4N-LAPOR connectors look a forwarded complaint up by its national id (GET /api/v1/complaint-lookup).
CREATE INDEX complaint_external_refs_external ON complaint_external_refs (system, external_id);

-- Follow-up answers a national system (SP4N-LAPOR) sent for a forwarded complaint: each becomes one timeline entry,
-- exactly once per external update id, so a connector may resend its whole history.
CREATE TABLE complaint_external_updates (
  system TEXT NOT NULL CHECK (system IN ('sp4n_lapor')),
  update_id TEXT NOT NULL,                -- the national system's id of the follow-up
  complaint_id TEXT NOT NULL REFERENCES complaints(id),
  event_seq INTEGER NOT NULL,             -- the timeline entry it became
  partner_id TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (system, update_id)
);
