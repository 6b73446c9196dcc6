-- Page-cache purges that failed after a committed change (KV unavailable). The change itself is saved; its region's
-- cached pages are purged again by the next admin request or by the hourly job (src/cache/purge.ts), then the row
-- goes. One row per region: a second failure for the same region only bumps the counters.

CREATE TABLE pending_purges (
  region_code TEXT NOT NULL PRIMARY KEY,  -- purged with its ancestors, like any purge
  first_failed_at INTEGER NOT NULL,
  last_failed_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL,              -- failed attempts so far (the original purge counts as one)
  last_error TEXT NOT NULL                -- short error text for operators; never personal data
);
