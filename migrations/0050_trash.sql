-- Soft delete with restore (trash) for posts and places, as documents already have. A deleted item keeps its row
-- and files, is set back to `draft` (so nothing deleted is ever public) and can be restored by whoever may draft it.
ALTER TABLE posts ADD COLUMN deleted_at INTEGER;
ALTER TABLE posts ADD COLUMN deleted_by TEXT;
CREATE INDEX posts_deleted ON posts (region_code, deleted_at);
ALTER TABLE places ADD COLUMN deleted_at INTEGER;
ALTER TABLE places ADD COLUMN deleted_by TEXT;
CREATE INDEX places_deleted ON places (region_code, deleted_at);
ALTER TABLE documents ADD COLUMN deleted_by TEXT;
