-- Erasure / anonymisation of personal data (issue 12, point 10): when a record's identity was dropped, on request by
-- Diskominfo or by the daily retention job (src/features/privacy/). The record, its status, dates and figures stay;
-- the reporter's or requester's identity is gone. NULL = not erased.
ALTER TABLE complaints ADD COLUMN personal_data_erased_at INTEGER;
ALTER TABLE info_requests ADD COLUMN personal_data_erased_at INTEGER;
ALTER TABLE letter_requests ADD COLUMN personal_data_erased_at INTEGER;
-- The retention job walks closed records by their last change.
CREATE INDEX complaints_retention ON complaints (status, updated_at) WHERE personal_data_erased_at IS NULL;
CREATE INDEX info_requests_retention ON info_requests (status, updated_at) WHERE personal_data_erased_at IS NULL;
CREATE INDEX letter_requests_retention ON letter_requests (status, updated_at) WHERE personal_data_erased_at IS NULL;
