-- PPID (UU 14/2008, Perki 1/2021): the region's PPID profile, non-document entries of the Daftar Informasi Publik,
-- information requests with statutory working-day deadlines, objections (keberatan) and their timeline.
-- The DIP's documents come from the documents feature (migrations/0006), which carries the information category.

CREATE TABLE ppid_profiles (
  region_code TEXT PRIMARY KEY NOT NULL REFERENCES regions(code),
  officer_name TEXT NOT NULL,                     -- PPID (name or office, e.g. "Sekretaris Kecamatan")
  officer_position TEXT NOT NULL DEFAULT '',
  superior_name TEXT NOT NULL DEFAULT '',         -- atasan PPID (decides objections)
  address TEXT NOT NULL DEFAULT '',               -- office address (public)
  phone TEXT NOT NULL DEFAULT '',                 -- office phone (public, never a personal number)
  email TEXT NOT NULL DEFAULT '',                 -- office e-mail (public)
  office_hours TEXT NOT NULL DEFAULT '',
  maklumat TEXT NOT NULL DEFAULT '',              -- maklumat pelayanan (Markdown)
  service_standard TEXT NOT NULL DEFAULT '',      -- standard service times (Markdown)
  cost TEXT NOT NULL DEFAULT '',                  -- standard costs, e.g. "Tanpa biaya; salinan cetak ditanggung pemohon"
  is_demo INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL,
  updated_by TEXT
);

-- DIP entries without a file (e.g. "Profil PPID", registers kept on paper, excluded items without a document).
CREATE TABLE ppid_info_items (
  id TEXT PRIMARY KEY NOT NULL,
  region_code TEXT NOT NULL REFERENCES regions(code),
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  info_category TEXT NOT NULL CHECK (info_category IN ('berkala', 'serta_merta', 'setiap_saat', 'dikecualikan')),
  responsible_unit TEXT NOT NULL DEFAULT '',
  year INTEGER,
  format TEXT NOT NULL DEFAULT '',                -- 'Cetak', 'Elektronik', 'Cetak dan elektronik'
  retention TEXT NOT NULL DEFAULT '',
  url TEXT,                                       -- optional same-site link (e.g. a page of the portal)
  legal_basis TEXT,                               -- dikecualikan: dasar hukum pengecualian
  consequence_test TEXT,                          -- dikecualikan: ringkasan uji konsekuensi
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_by TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
);
CREATE INDEX ppid_info_items_region ON ppid_info_items (region_code, info_category, deleted_at);

CREATE TABLE info_requests (
  id TEXT PRIMARY KEY NOT NULL,
  region_code TEXT NOT NULL REFERENCES regions(code),
  number TEXT NOT NULL UNIQUE,                    -- PPID-XXXX-XXXX (random, readable)
  code_hash TEXT NOT NULL,                        -- SHA-256 of number + private code (the code itself is never stored)
  status TEXT NOT NULL CHECK (status IN ('diterima', 'diproses', 'diperpanjang', 'dijawab')),
  channel TEXT NOT NULL DEFAULT 'web' CHECK (channel IN ('web', 'api')),
  requester_type TEXT NOT NULL CHECK (requester_type IN ('perorangan', 'badan_hukum', 'kelompok')),
  requester_name TEXT NOT NULL,
  requester_address TEXT NOT NULL,
  requester_occupation TEXT NOT NULL,
  requester_phone TEXT,
  requester_email TEXT,
  identity_type TEXT NOT NULL CHECK (identity_type IN ('ktp', 'akta')),
  identity_cipher TEXT,                           -- AES-GCM (key from SESSION_SECRET); NULL only on demo rows
  identity_last4 TEXT NOT NULL,                   -- what officers see
  information TEXT NOT NULL,
  purpose TEXT NOT NULL,
  obtain_method TEXT NOT NULL CHECK (obtain_method IN ('melihat', 'salinan_softcopy', 'salinan_hardcopy')),
  delivery_method TEXT CHECK (delivery_method IN ('langsung', 'email', 'pos')),
  registered_at INTEGER NOT NULL,
  original_due_at INTEGER NOT NULL,               -- 10 working days after registration
  due_at INTEGER NOT NULL,                        -- original or extended (+ up to 7 working days)
  processed_at INTEGER,
  extended_at INTEGER,
  extension_days INTEGER,
  extension_reason TEXT,
  answered_at INTEGER,
  decision TEXT CHECK (decision IN ('dipenuhi', 'dipenuhi_sebagian', 'ditolak', 'tidak_dikuasai')),
  answer_note TEXT,
  refusal_reason TEXT,
  refusal_basis TEXT,
  answer_doc_key TEXT,                            -- R2 key under ppid/ (served only with the private code)
  answer_doc_mime TEXT,
  answer_doc_name TEXT,
  answer_doc_size INTEGER,
  answered_by TEXT,
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX info_requests_region_due ON info_requests (region_code, status, due_at);
CREATE INDEX info_requests_region_registered ON info_requests (region_code, registered_at);

CREATE TABLE info_objections (
  id TEXT PRIMARY KEY NOT NULL,
  region_code TEXT NOT NULL REFERENCES regions(code),
  request_id TEXT NOT NULL UNIQUE REFERENCES info_requests(id),   -- one objection per request
  grounds TEXT NOT NULL,                          -- JSON array of statutory grounds (UU 14/2008 Pasal 35)
  reason TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('diajukan', 'diputus')),
  filed_at INTEGER NOT NULL,
  due_at INTEGER NOT NULL,                        -- atasan PPID answers within 30 working days
  decided_at INTEGER,
  outcome TEXT CHECK (outcome IN ('dikabulkan', 'dikabulkan_sebagian', 'ditolak')),
  decision_note TEXT,
  decided_by_name TEXT,                           -- the atasan PPID who decided (name / position)
  decided_by TEXT,                                -- user who recorded the decision
  commission_at INTEGER,                          -- requester went on to the Komisi Informasi
  commission_note TEXT,
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX info_objections_region ON info_objections (region_code, status, due_at);

-- Timeline (never personal data: the requester is "Pemohon", handlers by role).
CREATE TABLE info_request_events (
  id TEXT PRIMARY KEY NOT NULL,
  region_code TEXT NOT NULL,
  request_id TEXT NOT NULL REFERENCES info_requests(id),
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  actor_role TEXT NOT NULL CHECK (actor_role IN ('pemohon', 'ppid', 'atasan', 'sistem')),
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX info_request_events_request ON info_request_events (region_code, request_id, at);
