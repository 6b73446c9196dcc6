-- Citizens on weak internet (issue 14).
-- Processed images: the manifest (JSON, src/media/manifest.ts) of each image's derivatives beside the row that owns it.
-- Rows uploaded before this migration keep only their original (cover_key / photo_key / r2_key) and show no image
-- on public pages until re-uploaded: pages never send an original.
ALTER TABLE posts ADD COLUMN cover_media TEXT;
ALTER TABLE places ADD COLUMN photo_media TEXT;
ALTER TABLE complaint_attachments ADD COLUMN media TEXT;

-- Where citizens reach a region's office (pages without a next step of their own, the printed poster).
CREATE TABLE region_offices (
  region_code TEXT PRIMARY KEY REFERENCES regions(code),
  address TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  whatsapp TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  hours TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL,
  updated_by TEXT
);
