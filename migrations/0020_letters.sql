-- Administrative letters (layanan administrasi): the regency's letter templates (versioned, immutable versions), each
-- region's catalogue adjustments and letter settings (numbering, signatory, office), the per-region-per-year number
-- counters, requests with their timeline and requirement uploads (private R2 keys under letters/).
-- Privacy: NIK, KK and the requester's contact are stored only as data-key ciphertexts (`k1:<iv>:<ct>`,
-- src/lib/data-key.ts) and are read only through the presenters in src/features/letters/present.ts.

CREATE TABLE letter_templates (
  id TEXT PRIMARY KEY NOT NULL,                   -- stable slug, e.g. 'sk-usaha'
  name TEXT NOT NULL,                             -- title of the current version (lists)
  levels TEXT NOT NULL,                           -- JSON array of the current version's levels: desa|kelurahan|kecamatan
  current_version INTEGER NOT NULL,
  default_enabled INTEGER NOT NULL DEFAULT 1,     -- offered in every region of those levels unless a region turns it off
  is_active INTEGER NOT NULL DEFAULT 1,           -- a retired template leaves every catalogue; issued letters keep it
  sort_order INTEGER NOT NULL DEFAULT 50,
  updated_at INTEGER NOT NULL
);

-- One row per saved version; never updated: a request points at (template_id, version).
CREATE TABLE letter_template_versions (
  template_id TEXT NOT NULL REFERENCES letter_templates(id),
  version INTEGER NOT NULL,
  content TEXT NOT NULL,                          -- JSON, src/features/letters/template.ts TemplateContent
  created_at INTEGER NOT NULL,
  created_by TEXT,                                -- user id (NULL for the seed)
  PRIMARY KEY (template_id, version)
);

-- A region's own adjustments to the regency catalogue (no row = the template's defaults).
CREATE TABLE letter_services (
  region_code TEXT NOT NULL REFERENCES regions(code),
  template_id TEXT NOT NULL REFERENCES letter_templates(id),
  is_enabled INTEGER NOT NULL,
  cost_rupiah INTEGER,                            -- NULL = the template's cost
  service_days INTEGER,                           -- NULL = the template's service time
  delivery TEXT NOT NULL DEFAULT 'keduanya' CHECK (delivery IN ('ambil', 'unduh', 'keduanya')),
  note TEXT NOT NULL DEFAULT '',                  -- local remarks (extra requirement, where to pick up)
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (region_code, template_id)
);

-- Per region: numbering pattern and short code, the signatory printed on letters, the office for pick-up.
CREATE TABLE letter_settings (
  region_code TEXT PRIMARY KEY NOT NULL REFERENCES regions(code),
  short_code TEXT NOT NULL,                       -- e.g. DS-SB
  number_pattern TEXT NOT NULL,                   -- e.g. {klasifikasi}/{nomor:3}/{kode}/{bulan}/{tahun}
  signatory_name TEXT NOT NULL DEFAULT '',
  signatory_position TEXT NOT NULL DEFAULT '',    -- e.g. Kepala Desa Swarga Bara, or Plt. …
  signatory_nip TEXT NOT NULL DEFAULT '',
  office_address TEXT NOT NULL DEFAULT '',
  office_hours TEXT NOT NULL DEFAULT '',
  office_phone TEXT NOT NULL DEFAULT '',          -- the office's number, never a person's
  updated_at INTEGER NOT NULL
);

-- The sequence of each region per year; taken only in the same batch that writes the number onto a letter.
CREATE TABLE letter_counters (
  region_code TEXT NOT NULL,
  year INTEGER NOT NULL,
  last_seq INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (region_code, year)
);

CREATE TABLE letter_requests (
  id TEXT PRIMARY KEY NOT NULL,                   -- ULID
  tracking_number TEXT NOT NULL UNIQUE,           -- SRT-7K3Q-9XPD
  region_code TEXT NOT NULL REFERENCES regions(code),
  template_id TEXT NOT NULL REFERENCES letter_templates(id),
  template_version INTEGER NOT NULL,              -- the version the letter is made from (never changes)
  channel TEXT NOT NULL CHECK (channel IN ('portal', 'loket')),
  delivery TEXT NOT NULL CHECK (delivery IN ('ambil', 'unduh')),
  status TEXT NOT NULL CHECK (status IN ('diajukan', 'diperiksa', 'perlu_perbaikan', 'diproses', 'menunggu_tanda_tangan',
    'selesai', 'ditolak', 'dibatalkan')),
  version INTEGER NOT NULL DEFAULT 1,             -- optimistic concurrency: every change bumps it (event seq = version)
  applicant_name TEXT NOT NULL,
  nik_sealed TEXT NOT NULL,                       -- data-key ciphertext, context letter:<id>:nik
  kk_sealed TEXT NOT NULL,                        -- context letter:<id>:kk
  contact_sealed TEXT NOT NULL,                   -- phone/WhatsApp, context letter:<id>:contact
  birth_place TEXT NOT NULL,
  birth_date TEXT NOT NULL,                       -- YYYY-MM-DD
  gender TEXT NOT NULL CHECK (gender IN ('L', 'P')),
  occupation TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL,
  rt TEXT NOT NULL,
  rw TEXT NOT NULL,
  fields TEXT NOT NULL DEFAULT '{}',              -- JSON values of the template version's own fields
  secret_hash TEXT NOT NULL,                      -- SHA-256 (hex) of the requester's private code
  submitted_at INTEGER NOT NULL,
  due_at INTEGER,                                 -- end of the service time; NULL while paused or closed
  paused_days INTEGER,                            -- working days left while waiting on the requester
  clock_from INTEGER,                             -- the running service time: clock_days working days from clock_from
  clock_days INTEGER,                             -- (recomputed when the holiday calendar changes)
  on_time INTEGER NOT NULL DEFAULT 1,
  finished_at INTEGER,
  letter_year INTEGER,
  letter_seq INTEGER,
  letter_number TEXT,
  numbered_at INTEGER,                            -- the date on the letter
  verify_kid TEXT,                                -- verification code: key id and nonce (the tag is recomputed)
  verify_nonce TEXT UNIQUE,
  signed_at INTEGER,
  sign_method TEXT CHECK (sign_method IS NULL OR sign_method IN ('basah', 'pindaian')),
  signatory_name TEXT,
  signatory_position TEXT,
  signatory_nip TEXT,
  signed_scan_key TEXT,                           -- R2 key of an uploaded signed scan (PDF/image)
  revoked_at INTEGER,
  revoke_reason TEXT,
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- No gap, no duplicate: one letter per (region, year, sequence).
CREATE UNIQUE INDEX letter_requests_number ON letter_requests (region_code, letter_year, letter_seq) WHERE letter_seq IS NOT NULL;
CREATE INDEX letter_requests_queue ON letter_requests (region_code, status, due_at);
CREATE INDEX letter_requests_region_created ON letter_requests (region_code, created_at DESC);
CREATE INDEX letter_requests_updated ON letter_requests (updated_at, id);

-- Timeline: two notes, one per audience.
CREATE TABLE letter_events (
  id TEXT PRIMARY KEY NOT NULL,
  request_id TEXT NOT NULL REFERENCES letter_requests(id),
  region_code TEXT NOT NULL,
  seq INTEGER NOT NULL,                           -- = letter_requests.version after the change
  at INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('dibuat', 'status', 'nomor', 'tanda_tangan', 'cabut')),
  from_status TEXT,
  to_status TEXT,
  actor_type TEXT NOT NULL CHECK (actor_type IN ('pemohon', 'petugas')),
  actor_id TEXT,
  actor_label TEXT NOT NULL,                      -- role and region, never a person's contact
  actor_name TEXT,                                -- officer's name (officer view only)
  note_requester TEXT,
  note_internal TEXT,
  UNIQUE (request_id, seq)
);
CREATE INDEX letter_events_region ON letter_events (region_code, at);

-- Requirement uploads (photo or PDF), never public; the officer sees them beside the requirement list.
CREATE TABLE letter_attachments (
  id TEXT PRIMARY KEY NOT NULL,
  request_id TEXT NOT NULL REFERENCES letter_requests(id),
  region_code TEXT NOT NULL,
  requirement_key TEXT NOT NULL,
  event_seq INTEGER NOT NULL,                     -- uploaded with the request (1) or with a fix
  r2_key TEXT NOT NULL UNIQUE,
  mime TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX letter_attachments_request ON letter_attachments (request_id, created_at);
