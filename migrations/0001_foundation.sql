-- Foundation: the region tree (Kemendagri codes) and published content that rolls up the tree.

CREATE TABLE regions (
  code TEXT PRIMARY KEY NOT NULL,                 -- Kemendagri code: 64.08, 64.08.05, 64.08.05.2001
  name TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('kabupaten', 'kecamatan', 'desa', 'kelurahan')),
  parent_code TEXT REFERENCES regions(code),      -- NULL for the regency (its province has no row)
  slug TEXT NOT NULL,                             -- unique among siblings
  path TEXT NOT NULL UNIQUE,                      -- '' for the regency, 'sangatta-utara', 'sangatta-utara/swarga-bara'
  lat REAL NOT NULL,
  lng REAL NOT NULL,
  bbox TEXT NOT NULL,                             -- JSON [minLng, minLat, maxLng, maxLat]
  boundary TEXT NOT NULL,                         -- GeoJSON Polygon/MultiPolygon geometry (simplified)
  stage TEXT NOT NULL DEFAULT 'diskominfo' CHECK (stage IN ('diskominfo', 'pendampingan', 'mandiri')),
  profile TEXT NOT NULL DEFAULT '',               -- short profile shown on the region home
  last_content_update INTEGER,                    -- epoch ms of the last published content change
  UNIQUE (parent_code, slug)
);
CREATE INDEX regions_parent ON regions (parent_code, name);

CREATE TABLE posts (
  id TEXT PRIMARY KEY NOT NULL,
  region_code TEXT NOT NULL REFERENCES regions(code),
  kind TEXT NOT NULL CHECK (kind IN ('berita', 'pengumuman', 'agenda', 'halaman')),
  slug TEXT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  body_md TEXT NOT NULL DEFAULT '',
  cover_key TEXT,
  cover_alt TEXT,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'menunggu_tinjauan', 'terbit', 'ditolak')),
  review_note TEXT,
  author_id TEXT,
  published_at INTEGER,                           -- epoch ms; a future value schedules publication
  valid_from INTEGER,                             -- pengumuman validity
  valid_until INTEGER,
  event_starts_at INTEGER,                        -- agenda
  event_place TEXT,
  is_demo INTEGER NOT NULL DEFAULT 0,             -- seeded demo content, clearly marked on the page
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (region_code, slug)
);
CREATE INDEX posts_region_published ON posts (region_code, status, published_at DESC);
CREATE INDEX posts_published ON posts (status, published_at DESC);
