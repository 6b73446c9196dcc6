-- Geographic data: places (tempat) of every region, their categories (data, not code), and the history of
-- replaced region boundaries (Diskominfo uploads GeoJSON; the previous geometry is kept so it can be restored).

CREATE TABLE place_categories (
  code TEXT PRIMARY KEY NOT NULL CHECK (length(code) BETWEEN 1 AND 32 AND code NOT GLOB '*[^a-z0-9_]*'),
  label TEXT NOT NULL,
  color TEXT NOT NULL DEFAULT '#a4161a',         -- marker colour on the interactive map (#rrggbb)
  sort_order INTEGER NOT NULL DEFAULT 0
);

INSERT INTO place_categories (code, label, color, sort_order) VALUES
  ('kantor', 'Kantor desa/kecamatan', '#0b5d3b', 10),
  ('sekolah', 'Sekolah', '#1d4ed8', 20),
  ('kesehatan', 'Puskesmas/posyandu', '#b91c1c', 30),
  ('ibadah', 'Tempat ibadah', '#6d28d9', 40),
  ('pasar', 'Pasar', '#b45309', 50),
  ('wisata', 'Wisata', '#0e7490', 60),
  ('infrastruktur', 'Infrastruktur', '#4b5563', 70),
  ('lainnya', 'Lainnya', '#7c2d12', 80);

CREATE TABLE places (
  id TEXT PRIMARY KEY NOT NULL,
  region_code TEXT NOT NULL REFERENCES regions(code),
  name TEXT NOT NULL,
  category TEXT NOT NULL REFERENCES place_categories(code),
  lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng REAL NOT NULL CHECK (lng BETWEEN -180 AND 180),
  address TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  opening_hours TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',               -- the place's public contact (office phone/e-mail), never a person's
  photo_key TEXT,                                 -- R2 key public/places/<random>.<ext> (served by /media/)
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_by TEXT,
  updated_by TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX places_region ON places (region_code, category, name);
CREATE INDEX places_lat_lng ON places (lat, lng);

CREATE TABLE region_boundary_history (
  id TEXT PRIMARY KEY NOT NULL,
  region_code TEXT NOT NULL REFERENCES regions(code),
  boundary TEXT NOT NULL,                         -- the geometry that was replaced (GeoJSON)
  bbox TEXT NOT NULL,
  lat REAL NOT NULL,
  lng REAL NOT NULL,
  positions INTEGER NOT NULL,
  replaced_at INTEGER NOT NULL,
  replaced_by TEXT,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX region_boundary_history_region ON region_boundary_history (region_code, replaced_at DESC);
