-- The old village and district sites retire into the portal (issue 18): their host names, their old links and the
-- keys of the content imported from them.

-- Host names of a region: a village's old domain (swargabara.desa.id) or {slug}.{regency domain}. A request on such
-- a host is answered with a 301 to the region's pages on the canonical origin (src/middleware/old-hosts.ts).
CREATE TABLE region_hosts (
  host TEXT PRIMARY KEY NOT NULL,                 -- lower case, no port, no trailing dot
  region_code TEXT NOT NULL REFERENCES regions(code),
  note TEXT NOT NULL DEFAULT '',                  -- e.g. "situs OpenSID lama"
  created_by TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX region_hosts_region ON region_hosts (region_code, host);

-- Old URLs of a region's retired site and their new place on the portal, filled by the import
-- (src/regions/old-links.ts normalises both sides the same way).
CREATE TABLE legacy_redirects (
  region_code TEXT NOT NULL REFERENCES regions(code),
  old_path TEXT NOT NULL,                         -- normalised path (+ the query keys that identify a page, e.g. ?p=12)
  target TEXT NOT NULL,                           -- a path on the portal: /kec/desa/berita/slug, /media/public/…
  source TEXT NOT NULL CHECK (source IN ('wxr', 'rss', 'opensid')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (region_code, old_path)
);

-- Imported posts and documents carry the key of their source item, so a second import updates instead of duplicating.
ALTER TABLE posts ADD COLUMN import_key TEXT;
ALTER TABLE posts ADD COLUMN byline TEXT;         -- the original author's name (imported posts)
CREATE UNIQUE INDEX posts_import_key ON posts (region_code, import_key) WHERE import_key IS NOT NULL;
ALTER TABLE documents ADD COLUMN import_key TEXT;
CREATE UNIQUE INDEX documents_import_key ON documents (region_code, import_key) WHERE import_key IS NOT NULL;
