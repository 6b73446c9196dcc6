-- Ten years of data, second pass (bench/volume.md): the lists that still read more rows than they show at 100×.
-- Each list now takes its page's ids from one of these indexes alone (it holds every column the filter and the order
-- read), then reads only the rows it shows; bounded totals (src/db/bounded-count.ts) read the same indexes.

-- Published posts of one region (desa: equality) or a kecamatan's range, in public order.
CREATE INDEX posts_region_public ON posts (region_code, status, published_at DESC, id DESC, kind);

-- Public documents (`terbit`, not deleted, with a file, not `dikecualikan`): the list page (newest year first), the
-- home block (newest upload first), and a region's own or a kecamatan's range.
CREATE INDEX documents_public_year ON documents (status, year DESC, updated_at DESC, id DESC, deleted_at, current_version, info_category, region_code, category);
CREATE INDEX documents_public_latest ON documents (status, updated_at DESC, id DESC, deleted_at, current_version, info_category, region_code);
CREATE INDEX documents_region_public ON documents (region_code, status, year DESC, updated_at DESC, id DESC, deleted_at, current_version, info_category, category);

-- The editors' review queue (oldest first).
CREATE INDEX posts_review_queue ON posts (status, deleted_at, updated_at, id, region_code);

-- Officers' queues: open complaints and open PPID requests by status and deadline (a handful of statuses; the
-- answered and closed years are never read).
CREATE INDEX complaints_queue ON complaints (status, due_at, created_at DESC, region_code, id);
CREATE INDEX info_requests_open ON info_requests (status, due_at, region_code, id);
