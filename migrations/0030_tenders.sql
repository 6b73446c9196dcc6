-- Tenders and procurement (lelang/pengadaan, issue 17): regency packages from SPSE/SiRUP and village procurement.

-- The role Diskominfo gives to the accounts it names to enter and import regency packages (`tender.regency` in
-- src/regions/policy.ts). SQLite cannot change a CHECK constraint, so the memberships table is rebuilt (nothing
-- references it; its rows and index are kept as they are).
CREATE TABLE memberships_new (
  id TEXT PRIMARY KEY NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id),
  role TEXT NOT NULL CHECK (role IN ('diskominfo', 'operator_kecamatan', 'operator_desa', 'ppid', 'penanganan_pengaduan', 'pengelola_pengadaan')),
  region_code TEXT NOT NULL REFERENCES regions(code),
  created_at INTEGER NOT NULL,
  created_by TEXT,
  UNIQUE (user_id, role, region_code)
);
INSERT INTO memberships_new (id, user_id, role, region_code, created_at, created_by)
  SELECT id, user_id, role, region_code, created_at, created_by FROM memberships;
DROP TABLE memberships;
ALTER TABLE memberships_new RENAME TO memberships;
CREATE INDEX memberships_region ON memberships (region_code, role);

-- One procurement package. `region_code` is the owner: the regency for SPSE/SiRUP packages, the village for its own
-- procurement. The input columns (what the source or the officer says) are hashed into `content_hash`, so an upsert
-- or a re-import with the same content changes nothing. `status`, `update_due_at` and `status_changed_at` are derived
-- from the input and the clock (src/features/tenders/schedule.ts); the schedule job keeps them current.
CREATE TABLE tenders (
  id TEXT PRIMARY KEY NOT NULL,
  region_code TEXT NOT NULL REFERENCES regions(code),
  source TEXT NOT NULL CHECK (source IN ('spse', 'sirup', 'desa')),
  external_code TEXT NOT NULL,                    -- kode tender (SPSE), kode RUP (SiRUP), the village's package number
  name TEXT NOT NULL,
  owner_name TEXT NOT NULL,                       -- OPD / satuan kerja, or the village government
  procurement_type TEXT CHECK (procurement_type IN ('barang', 'pekerjaan_konstruksi', 'jasa_konsultansi', 'jasa_lainnya', 'terintegrasi')),
  method TEXT CHECK (method IN ('tender', 'seleksi', 'tender_cepat', 'penunjukan_langsung', 'pengadaan_langsung', 'e_purchasing', 'swakelola',
    'tender_desa', 'kontes', 'sayembara', 'darurat', 'dikecualikan')),
  fiscal_year INTEGER,
  funding_source TEXT NOT NULL DEFAULT '',
  pagu INTEGER,                                   -- integer Rupiah
  hps INTEGER,                                    -- integer Rupiah
  declared_status TEXT CHECK (declared_status IN ('rencana', 'pengumuman', 'berlangsung', 'evaluasi', 'pemenang_ditetapkan', 'kontrak', 'selesai', 'gagal')),
  stage_label TEXT NOT NULL DEFAULT '',           -- SPSE "Tahap" as exported
  schedule_json TEXT NOT NULL DEFAULT '[]',       -- [{"stage":"pengumuman","s":ms,"e":ms}, …] in stage order
  planned_from INTEGER,                           -- SiRUP "Waktu Pemilihan" window
  planned_to INTEGER,
  winner_name TEXT,
  contract_value INTEGER,
  contract_start_at INTEGER,
  contract_end_at INTEGER,
  location_text TEXT NOT NULL DEFAULT '',         -- location as written by the source
  lat REAL,
  lng REAL,
  source_url TEXT,
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('rencana', 'pengumuman', 'berlangsung', 'evaluasi', 'pemenang_ditetapkan', 'kontrak', 'selesai', 'gagal')),
  update_due_at INTEGER,                          -- when an officer's update (winner, contract) is expected
  status_changed_at INTEGER NOT NULL,
  on_time INTEGER NOT NULL DEFAULT 1,             -- 0 once an expected update came after its due time
  publish_status TEXT NOT NULL DEFAULT 'terbit' CHECK (publish_status IN ('draft', 'menunggu_tinjauan', 'terbit', 'ditolak')),
  review_note TEXT,
  content_hash TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_by TEXT,
  updated_by TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  UNIQUE (source, region_code, external_code)      -- a village numbers its own packages; SPSE/SiRUP codes belong to the regency
);
CREATE INDEX tenders_region ON tenders (region_code, fiscal_year, updated_at);
CREATE INDEX tenders_public ON tenders (publish_status, status, region_code);
CREATE INDEX tenders_due ON tenders (update_due_at);
CREATE INDEX tenders_changed ON tenders (updated_at, id);

-- Where a package is carried out (rollup: it shows on these regions' pages and their ancestors').
CREATE TABLE tender_locations (
  region_code TEXT NOT NULL REFERENCES regions(code),
  tender_id TEXT NOT NULL REFERENCES tenders(id),
  PRIMARY KEY (region_code, tender_id)
);
CREATE INDEX tender_locations_tender ON tender_locations (tender_id);

-- Package documents (KAK, RAB, pengumuman, berita acara …) in R2 under server-made keys.
CREATE TABLE tender_files (
  id TEXT PRIMARY KEY NOT NULL,
  region_code TEXT NOT NULL REFERENCES regions(code),
  tender_id TEXT NOT NULL REFERENCES tenders(id),
  title TEXT NOT NULL,
  r2_key TEXT NOT NULL UNIQUE,                    -- tenders/<region>/<tenderId>/<fileId>.<ext>
  mime TEXT NOT NULL,
  ext TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  uploaded_by TEXT,
  uploaded_at INTEGER NOT NULL
);
CREATE INDEX tender_files_tender ON tender_files (region_code, tender_id, uploaded_at);

-- CSV imports (SiRUP/SPSE): the checked rows wait in R2 (`rows_key`) and are imported in chunks from `cursor`.
CREATE TABLE tender_imports (
  id TEXT PRIMARY KEY NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('spse', 'sirup')),
  file_name TEXT NOT NULL,
  rows_key TEXT NOT NULL,
  total_rows INTEGER NOT NULL,
  valid_rows INTEGER NOT NULL,
  error_rows INTEGER NOT NULL,
  cursor INTEGER NOT NULL DEFAULT 0,
  created_count INTEGER NOT NULL DEFAULT 0,
  changed_count INTEGER NOT NULL DEFAULT 0,
  unchanged_count INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'pratinjau' CHECK (status IN ('pratinjau', 'berjalan', 'selesai')),
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX tender_imports_created ON tender_imports (created_at);
