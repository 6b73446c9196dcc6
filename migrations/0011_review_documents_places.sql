-- Documents and places follow the same publishing workflow as posts (draft → menunggu_tinjauan → terbit / ditolak).
-- Existing rows were public, so they start as `terbit`. A new file version uploaded to a published document by
-- someone without the right to publish waits for review (`approved = 0`, documents.pending_version points to it).
ALTER TABLE documents ADD COLUMN status TEXT NOT NULL DEFAULT 'terbit';
ALTER TABLE documents ADD COLUMN review_note TEXT;
ALTER TABLE documents ADD COLUMN pending_version INTEGER;
CREATE INDEX documents_status ON documents (status, region_code, updated_at);
ALTER TABLE document_versions ADD COLUMN approved INTEGER NOT NULL DEFAULT 1;

ALTER TABLE places ADD COLUMN status TEXT NOT NULL DEFAULT 'terbit';
ALTER TABLE places ADD COLUMN review_note TEXT;
CREATE INDEX places_status ON places (status, region_code, updated_at);
