-- Imported images go through the image pipeline (src/media): the manifest of a stored image is kept with its import
-- link, so a cover reused by a later import (or another post) gets its derivatives without fetching it again.
ALTER TABLE import_links ADD COLUMN media TEXT;
