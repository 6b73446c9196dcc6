-- Monitoring (issue 8): settings and the mandatory checklist as data Diskominfo edits, one snapshot row per region
-- (freshness, completeness, deadlines, score), idempotent flags, run history of the scheduled jobs, in-app
-- notifications and the deliveries of the daily digest webhook. Code: src/features/monitoring/, src/jobs/.

-- One row (id = 1). Freshness: `segar` while days since the region's own last published content <= *_fresh_days,
-- `usang` once days > *_stale_days, `perlu_pembaruan` in between. Kelurahan use the desa thresholds.
CREATE TABLE monitoring_settings (
  id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
  enabled INTEGER NOT NULL DEFAULT 1,                 -- scheduled scans on/off (manual runs always allowed)
  kabupaten_fresh_days INTEGER NOT NULL,
  kabupaten_stale_days INTEGER NOT NULL,
  kecamatan_fresh_days INTEGER NOT NULL,
  kecamatan_stale_days INTEGER NOT NULL,
  desa_fresh_days INTEGER NOT NULL,
  desa_stale_days INTEGER NOT NULL,
  readiness_days INTEGER NOT NULL,                    -- handover readiness period (and the deadline-score window)
  escalate_after_days INTEGER NOT NULL,               -- working days past due before Diskominfo is flagged
  digest_enabled INTEGER NOT NULL DEFAULT 0,
  webhook_url TEXT,                                   -- https (http only for localhost) daily digest target
  updated_at INTEGER NOT NULL,
  updated_by TEXT,
  CHECK (kabupaten_stale_days > kabupaten_fresh_days AND kecamatan_stale_days > kecamatan_fresh_days AND desa_stale_days > desa_fresh_days)
);
INSERT INTO monitoring_settings (id, enabled, kabupaten_fresh_days, kabupaten_stale_days, kecamatan_fresh_days,
  kecamatan_stale_days, desa_fresh_days, desa_stale_days, readiness_days, escalate_after_days, digest_enabled, webhook_url,
  updated_at, updated_by)
VALUES (1, 1, 7, 21, 14, 30, 30, 60, 90, 3, 0, NULL, 1764547200000, NULL);

-- Mandatory items per level. Years are WITA calendar years relative to the scan (year_offset 0 = this year,
-- -1 = last year, NULL = any year); from_year/until_year limit an item to some years.
CREATE TABLE monitoring_checklist (
  id TEXT PRIMARY KEY NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('kabupaten', 'kecamatan', 'desa', 'kelurahan')),
  kind TEXT NOT NULL CHECK (kind IN ('dokumen', 'halaman', 'profil_ppid')),
  label TEXT NOT NULL,
  categories TEXT,                                    -- dokumen: space-separated documents.category values
  title_contains TEXT,                                -- dokumen: the title must contain this (case-insensitive)
  year_offset INTEGER,                                -- dokumen
  page_slug TEXT,                                     -- halaman: fixed page slug (posts.kind = 'halaman')
  from_year INTEGER,
  until_year INTEGER,
  is_active INTEGER NOT NULL DEFAULT 1,
  sort_order INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL
);
CREATE INDEX monitoring_checklist_level ON monitoring_checklist (level, is_active, sort_order);
INSERT INTO monitoring_checklist (id, level, kind, label, categories, title_contains, year_offset, page_slug, sort_order, updated_at) VALUES
  ('kec-sop', 'kecamatan', 'dokumen', 'SOP pelayanan', 'sop', NULL, NULL, NULL, 10, 1764547200000),
  ('kec-lkjip', 'kecamatan', 'dokumen', 'LKJIP tahun lalu', 'lkjip', NULL, -1, NULL, 20, 1764547200000),
  ('kec-renstra', 'kecamatan', 'dokumen', 'Renstra', 'renstra', NULL, NULL, NULL, 30, 1764547200000),
  ('kec-renja', 'kecamatan', 'dokumen', 'Renja tahun ini', 'renja', NULL, 0, NULL, 40, 1764547200000),
  ('kec-rka', 'kecamatan', 'dokumen', 'RKA tahun ini', 'rka', NULL, 0, NULL, 50, 1764547200000),
  ('kec-maklumat', 'kecamatan', 'halaman', 'Halaman maklumat pelayanan', NULL, NULL, NULL, 'maklumat-pelayanan', 60, 1764547200000),
  ('kec-ppid', 'kecamatan', 'profil_ppid', 'Profil PPID', NULL, NULL, NULL, NULL, 70, 1764547200000),
  ('desa-apbdes', 'desa', 'dokumen', 'APBDes tahun ini', 'apbdes', NULL, 0, NULL, 10, 1764547200000),
  ('desa-realisasi', 'desa', 'dokumen', 'Laporan realisasi APBDes tahun lalu', 'apbdes laporan', 'realisasi', -1, NULL, 20, 1764547200000),
  ('desa-profil', 'desa', 'halaman', 'Halaman profil', NULL, NULL, NULL, 'profil', 30, 1764547200000),
  ('desa-struktur', 'desa', 'halaman', 'Halaman struktur organisasi', NULL, NULL, NULL, 'struktur-organisasi', 40, 1764547200000),
  ('kel-profil', 'kelurahan', 'halaman', 'Halaman profil', NULL, NULL, NULL, 'profil', 30, 1764547200000),
  ('kel-struktur', 'kelurahan', 'halaman', 'Halaman struktur organisasi', NULL, NULL, NULL, 'struktur-organisasi', 40, 1764547200000);

-- What needs attention. At most one OPEN row per (region, flag_key) (partial unique index); a resolved flag keeps
-- its row with resolved_at, and a recurrence opens a new row. Never personal data: references are ticket/request
-- numbers only.
CREATE TABLE monitoring_flags (
  id TEXT PRIMARY KEY NOT NULL,
  region_code TEXT NOT NULL REFERENCES regions(code),
  kind TEXT NOT NULL CHECK (kind IN ('kesegaran', 'kelengkapan', 'tenggat')),
  flag_key TEXT NOT NULL,                             -- 'kesegaran' | 'ceklis:<item>:<year>' | 'pengaduan:<id>' …
  state TEXT NOT NULL,                                -- perlu_pembaruan|usang · belum_ada · mendekati|lewat|lewat_lama
  audience_code TEXT NOT NULL,                        -- highest region flagged: itself, its parent, or the regency
  source TEXT,                                        -- tenggat: pengaduan|ppid|keberatan; kelengkapan: item id
  title TEXT NOT NULL,
  reference TEXT,
  href TEXT NOT NULL,                                 -- admin page where it is fixed
  subject_at INTEGER,                                 -- kesegaran: last published content; tenggat: due instant
  opened_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  resolved_at INTEGER
);
CREATE UNIQUE INDEX monitoring_flags_open ON monitoring_flags (region_code, flag_key) WHERE resolved_at IS NULL;
CREATE INDEX monitoring_flags_region ON monitoring_flags (region_code, resolved_at, kind);
CREATE INDEX monitoring_flags_kind ON monitoring_flags (kind, resolved_at);
CREATE INDEX monitoring_flags_audience ON monitoring_flags (audience_code, resolved_at);

-- Latest computed state per region (written by the jobs, read by the pages and the API).
CREATE TABLE monitoring_region_status (
  region_code TEXT PRIMARY KEY NOT NULL REFERENCES regions(code),
  freshness TEXT CHECK (freshness IN ('segar', 'perlu_pembaruan', 'usang')),
  last_content_at INTEGER,                            -- the region's OWN last published post/document
  fresh_since INTEGER,                                -- start of the current uninterrupted `segar` streak
  checklist_total INTEGER,
  checklist_done INTEGER,
  deadlines_near INTEGER,
  deadlines_overdue INTEGER,                          -- past due (including long past due)
  deadlines_long_overdue INTEGER,
  deadlines_closed INTEGER,                           -- handled within the readiness period
  deadlines_closed_on_time INTEGER,
  on_time_since INTEGER,                              -- start of the current streak without overdue items
  score INTEGER,
  rollup_score INTEGER,
  updated_at INTEGER NOT NULL
);

CREATE TABLE monitoring_runs (
  id TEXT PRIMARY KEY NOT NULL,
  job TEXT NOT NULL CHECK (job IN ('kesegaran', 'kelengkapan', 'tenggat', 'ringkasan')),
  trigger TEXT NOT NULL CHECK (trigger IN ('cron', 'manual')),
  cron TEXT,
  triggered_by TEXT,                                  -- user id for manual runs
  scheduled_at INTEGER NOT NULL,                      -- the instant the job evaluated ("now")
  started_at INTEGER NOT NULL,
  finished_at INTEGER,
  status TEXT NOT NULL CHECK (status IN ('berjalan', 'selesai', 'gagal', 'dilewati')),
  counts_json TEXT NOT NULL DEFAULT '{}',
  error TEXT
);
CREATE INDEX monitoring_runs_job ON monitoring_runs (job, started_at DESC);
CREATE INDEX monitoring_runs_started ON monitoring_runs (started_at DESC);

-- In-app notifications per user; (user_id, dedupe_key) makes job reruns harmless.
CREATE TABLE notifications (
  id TEXT PRIMARY KEY NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id),
  region_code TEXT REFERENCES regions(code),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  href TEXT,
  dedupe_key TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  read_at INTEGER
);
CREATE UNIQUE INDEX notifications_dedupe ON notifications (user_id, dedupe_key);
CREATE INDEX notifications_user ON notifications (user_id, read_at, created_at DESC);

-- Daily digest deliveries: one row per (target, WITA day), so a digest is delivered at most once per day per target.
CREATE TABLE digest_deliveries (
  id TEXT PRIMARY KEY NOT NULL,
  digest_date TEXT NOT NULL,                          -- 'YYYY-MM-DD' (WITA)
  target_hash TEXT NOT NULL,                          -- SHA-256 of the webhook URL (it may carry a token)
  target_host TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  payload_json TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('tertunda', 'terkirim', 'gagal')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_status INTEGER,
  last_error TEXT,
  lease_until INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  delivered_at INTEGER,
  UNIQUE (target_hash, digest_date)
);
CREATE INDEX digest_deliveries_status ON digest_deliveries (status, digest_date);
