-- Official documents per region (R2). Every upload is a version; old versions are kept.
-- The PPID feature reads the PPID columns (info_category, responsible_unit, retention_period, exemption_legal_basis,
-- consequence_test_summary) to build the Daftar Informasi Publik. 'dikecualikan' rows are never served publicly.

CREATE TABLE documents (
  id TEXT PRIMARY KEY NOT NULL,
  region_code TEXT NOT NULL REFERENCES regions(code),
  title TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('sop', 'lkjip', 'renstra', 'renja', 'rka', 'dpa', 'apbdes',
    'perdes_perkades', 'laporan', 'lainnya')),
  year INTEGER NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  info_category TEXT NOT NULL CHECK (info_category IN ('berkala', 'serta_merta', 'setiap_saat', 'dikecualikan')),
  responsible_unit TEXT NOT NULL DEFAULT '',      -- PPID: penanggung jawab penguasaan informasi
  retention_period TEXT NOT NULL DEFAULT '',      -- PPID: jangka waktu penyimpanan
  exemption_legal_basis TEXT,                     -- dikecualikan: dasar hukum pengecualian
  consequence_test_summary TEXT,                  -- dikecualikan: ringkasan uji konsekuensi
  current_version INTEGER NOT NULL DEFAULT 0,
  current_mime TEXT,
  current_size INTEGER,
  current_sha256 TEXT,
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_by TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
);
CREATE INDEX documents_region_year ON documents (region_code, year DESC, updated_at DESC);
CREATE INDEX documents_region_category ON documents (region_code, category, year DESC);
CREATE INDEX documents_info_category ON documents (info_category, updated_at DESC);

CREATE TABLE document_versions (
  id TEXT PRIMARY KEY NOT NULL,
  document_id TEXT NOT NULL REFERENCES documents(id),
  region_code TEXT NOT NULL,
  version INTEGER NOT NULL,
  r2_key TEXT NOT NULL UNIQUE,                    -- docs/<region>/<docId>/<version>.<ext>
  mime TEXT NOT NULL,
  ext TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  original_name TEXT NOT NULL,
  uploaded_by TEXT,
  uploaded_at INTEGER NOT NULL,
  UNIQUE (document_id, version)
);
CREATE INDEX document_versions_region ON document_versions (region_code, uploaded_at DESC);
