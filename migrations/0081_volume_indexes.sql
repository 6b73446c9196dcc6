-- Ten years of data (bench/volume.md): lists that span the whole regency walk an index in their own order and stop at
-- the page's LIMIT, and their counts read a covering index, instead of sorting every row of the table.
-- Public news lists and feeds: published posts newest first (status, published_at DESC, id DESC), with the columns
-- the filters read (kind, region) so counting needs no table rows.
CREATE INDEX posts_public_order ON posts (status, published_at DESC, id DESC, kind, region_code);
-- Admin lists: last changed first.
CREATE INDEX posts_updated_order ON posts (updated_at DESC, id DESC);
CREATE INDEX documents_updated_order ON documents (updated_at DESC, id DESC);
