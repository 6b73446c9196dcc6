-- Ten years of data (bench/volume.md): the letters officers' queue takes its page's ids from an index that holds the
-- filtered and sorted columns, and the public tender feed walks its change sequence without reading rows it skips.
CREATE INDEX letter_requests_open_queue ON letter_requests (status, due_at, created_at DESC, region_code, id);
CREATE INDEX tenders_public_seq ON tenders (publish_status, deleted_at, change_seq, updated_at, region_code);
