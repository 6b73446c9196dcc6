-- Content imports from old sites (WordPress WXR, RSS/Atom, OpenSID), run in bounded chunks with a cursor.
-- The uploaded export itself is never stored: only the normalised items (R2 imports/<id>/items.json) — so the
-- population tables of an OpenSID dump are never stored anywhere.
CREATE TABLE import_jobs (
  id TEXT PRIMARY KEY NOT NULL,
  region_code TEXT NOT NULL REFERENCES regions(code),
  format TEXT NOT NULL CHECK (format IN ('wxr', 'rss', 'opensid')),
  source_name TEXT NOT NULL,                      -- file name(s) as uploaded, for the list
  site_url TEXT NOT NULL DEFAULT '',              -- the old site's address (images and files are fetched from it)
  publish_directly INTEGER NOT NULL DEFAULT 0,    -- Diskominfo chose to publish without review
  status TEXT NOT NULL CHECK (status IN ('pratinjau', 'berjalan', 'selesai', 'gagal', 'dibatalkan')),
  total INTEGER NOT NULL,                         -- items to process
  cursor INTEGER NOT NULL DEFAULT 0,              -- index of the next item
  counts_json TEXT NOT NULL DEFAULT '{}',         -- dibuat / diperbarui / tetap / dilewati / gagal / gambar / pengalihan
  preview_json TEXT NOT NULL DEFAULT '{}',        -- counts per kind and the problems found while reading the export
  error TEXT,
  lease_until INTEGER,                            -- a chunk in progress (no two chunks of one import at once)
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  finished_at INTEGER
);
CREATE INDEX import_jobs_status ON import_jobs (status, updated_at);
CREATE INDEX import_jobs_region ON import_jobs (region_code, created_at);

-- What happened to each item that was not simply unchanged: the report's "what was skipped and why".
CREATE TABLE import_results (
  job_id TEXT NOT NULL REFERENCES import_jobs(id),
  seq INTEGER NOT NULL,                           -- the item's index in the import
  region_code TEXT NOT NULL,
  item_key TEXT NOT NULL,
  title TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('dibuat', 'diperbarui', 'tetap', 'dilewati', 'gagal')),
  reason TEXT,
  target TEXT,                                    -- the new path on the portal
  at INTEGER NOT NULL,
  PRIMARY KEY (job_id, seq)
);

-- The source item last imported for each key: an unchanged source is skipped without fetching anything again, and
-- an item edited on the portal since its import is not overwritten.
CREATE TABLE import_links (
  region_code TEXT NOT NULL REFERENCES regions(code),
  item_key TEXT NOT NULL,
  entity_type TEXT NOT NULL CHECK (entity_type IN ('post', 'document', 'media')),
  entity_id TEXT NOT NULL,
  target TEXT NOT NULL,
  source_hash TEXT NOT NULL,
  entity_updated_at INTEGER,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (region_code, item_key)
);
