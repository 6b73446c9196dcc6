-- Complaints and aspirations (SP4N-LAPOR flow): reports from citizens, their timeline, photos (private R2 keys under
-- complaints/), ratings, external references (SP4N-LAPOR) and working-day deadlines.
-- Privacy: reporter identity columns are read only through the audience views in src/features/complaints/present.ts.

CREATE TABLE complaint_categories (
  id TEXT PRIMARY KEY NOT NULL,                   -- stable slug, e.g. 'infrastruktur'
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0,
  is_active INTEGER NOT NULL DEFAULT 1,           -- inactive categories stay on old reports but leave the form
  updated_at INTEGER NOT NULL
);

INSERT INTO complaint_categories (id, name, description, sort_order, is_active, updated_at) VALUES
  ('infrastruktur', 'Infrastruktur', 'Jalan, jembatan, drainase, air bersih, listrik, fasilitas umum', 10, 1, 1764547200000),
  ('layanan_administrasi', 'Layanan administrasi', 'Surat keterangan, kependudukan, perizinan, pelayanan kantor', 20, 1, 1764547200000),
  ('kesehatan', 'Kesehatan', 'Puskesmas, posyandu, BPJS, sanitasi', 30, 1, 1764547200000),
  ('pendidikan', 'Pendidikan', 'Sekolah, PAUD, beasiswa, tenaga pengajar', 40, 1, 1764547200000),
  ('lingkungan', 'Lingkungan', 'Sampah, banjir, pencemaran, kebersihan', 50, 1, 1764547200000),
  ('keamanan', 'Keamanan dan ketertiban', 'Ketertiban umum, penerangan jalan, keamanan lingkungan', 60, 1, 1764547200000),
  ('lainnya', 'Lainnya', 'Hal lain yang tidak termasuk kategori di atas', 90, 1, 1764547200000);

CREATE TABLE complaints (
  id TEXT PRIMARY KEY NOT NULL,                   -- ULID
  ticket TEXT NOT NULL UNIQUE,                    -- ADU-7K3Q-9XPD (random, Crockford base32)
  region_code TEXT NOT NULL REFERENCES regions(code),        -- region handling it now (access scope)
  origin_region_code TEXT NOT NULL REFERENCES regions(code), -- region the report is about (public list, figures, map)
  classification TEXT NOT NULL CHECK (classification IN ('pengaduan', 'aspirasi', 'permintaan_informasi')),
  category_id TEXT NOT NULL REFERENCES complaint_categories(id),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  lat REAL,
  lng REAL,
  place TEXT,
  is_anonymous INTEGER NOT NULL DEFAULT 0,        -- identity hidden from handlers, partners and the public
  is_confidential INTEGER NOT NULL DEFAULT 0,     -- whole report hidden from the public (counted in figures only)
  reporter_name TEXT,
  reporter_phone TEXT,
  reporter_email TEXT,
  secret_hash TEXT NOT NULL,                      -- SHA-256 (hex) of the reporter's private code
  status TEXT NOT NULL CHECK (status IN ('diterima', 'diverifikasi', 'ditolak', 'bukan_wewenang', 'didisposisikan',
    'ditindaklanjuti', 'selesai', 'diarsipkan')),
  version INTEGER NOT NULL DEFAULT 1,             -- optimistic concurrency: every change bumps it and adds event seq = version
  unit TEXT,                                      -- unit the report is disposed to
  received_at INTEGER NOT NULL,                   -- arrival in the current region (filing or forwarding)
  verify_due_at INTEGER NOT NULL,                 -- received_at + 3 working days
  verified_at INTEGER,
  dispositioned_at INTEGER,
  followup_due_at INTEGER,                        -- dispositioned_at + 5 working days
  followed_up_at INTEGER,
  autoclose_at INTEGER,                           -- followed_up_at + 10 working days without reporter response
  finished_at INTEGER,
  reopen_until INTEGER,                           -- finished_at + 10 working days (selesai only)
  due_at INTEGER,                                 -- the handler's current deadline (NULL when none)
  on_time INTEGER NOT NULL DEFAULT 1,             -- 0 once any handler deadline was missed
  round INTEGER NOT NULL DEFAULT 0,               -- reopen count (one rating per round)
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX complaints_region_status ON complaints (region_code, status, due_at);
CREATE INDEX complaints_origin_created ON complaints (origin_region_code, created_at DESC);
CREATE INDEX complaints_updated ON complaints (updated_at, id);
CREATE INDEX complaints_autoclose ON complaints (status, autoclose_at);

-- Timeline. Each event carries three notes, one per audience; the views pick what an audience may read.
CREATE TABLE complaint_events (
  id TEXT PRIMARY KEY NOT NULL,
  complaint_id TEXT NOT NULL REFERENCES complaints(id),
  region_code TEXT NOT NULL,                      -- handling region when it happened
  seq INTEGER NOT NULL,                           -- = complaints.version after the change
  at INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('dibuat', 'status', 'diteruskan', 'info', 'penilaian', 'referensi')),
  from_status TEXT,
  to_status TEXT,
  actor_type TEXT NOT NULL CHECK (actor_type IN ('pelapor', 'petugas', 'sistem', 'mitra')),
  actor_id TEXT,
  actor_label TEXT NOT NULL,                      -- role and region, never a person's contact
  actor_name TEXT,                                -- handler's name (handler view only)
  target_region_code TEXT,
  note_public TEXT,
  note_reporter TEXT,
  note_internal TEXT,
  UNIQUE (complaint_id, seq)
);
CREATE INDEX complaint_events_region ON complaint_events (region_code, at DESC);

CREATE TABLE complaint_attachments (
  id TEXT PRIMARY KEY NOT NULL,
  complaint_id TEXT NOT NULL REFERENCES complaints(id),
  region_code TEXT NOT NULL,
  event_seq INTEGER NOT NULL,                     -- the timeline entry it came with
  r2_key TEXT NOT NULL UNIQUE,                    -- complaints/<complaintId>/<id>.<ext> (never public/)
  mime TEXT NOT NULL,
  size INTEGER NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX complaint_attachments_complaint ON complaint_attachments (complaint_id, created_at);

CREATE TABLE complaint_ratings (
  complaint_id TEXT NOT NULL REFERENCES complaints(id),
  round INTEGER NOT NULL,
  region_code TEXT NOT NULL,
  score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment TEXT,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (complaint_id, round)
);
CREATE INDEX complaint_ratings_region ON complaint_ratings (region_code, created_at DESC);

CREATE TABLE complaint_external_refs (
  complaint_id TEXT NOT NULL REFERENCES complaints(id),
  system TEXT NOT NULL CHECK (system IN ('sp4n_lapor')),
  region_code TEXT NOT NULL,
  external_id TEXT NOT NULL,
  external_status TEXT,
  partner_id TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (complaint_id, system)
);
