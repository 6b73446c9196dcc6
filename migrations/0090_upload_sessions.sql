-- Chunked (R2 multipart) uploads of large document files: one session per file an officer is uploading, the parts
-- R2 has received (R2's Workers binding cannot list them, so D1 keeps them for resuming), and an expiry after which
-- the daily cleanup aborts the multipart upload or deletes a completed file no document took.
CREATE TABLE upload_sessions (
  id TEXT PRIMARY KEY,
  region_code TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  file_name TEXT NOT NULL,
  size INTEGER NOT NULL,
  part_size INTEGER NOT NULL,
  declared_sha256 TEXT,
  r2_key TEXT NOT NULL UNIQUE,
  r2_upload_id TEXT NOT NULL,
  -- 'open' (parts arriving), 'complete' (checked, waiting for the document form), 'used' (being taken by a document)
  status TEXT NOT NULL DEFAULT 'open',
  mime TEXT,
  ext TEXT,
  sha256 TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX upload_sessions_owner ON upload_sessions (owner_id, status);
CREATE INDEX upload_sessions_expiry ON upload_sessions (expires_at);

CREATE TABLE upload_parts (
  session_id TEXT NOT NULL REFERENCES upload_sessions (id) ON DELETE CASCADE,
  part_number INTEGER NOT NULL,
  etag TEXT NOT NULL,
  size INTEGER NOT NULL,
  uploaded_at INTEGER NOT NULL,
  PRIMARY KEY (session_id, part_number)
);
