-- The reporter's consent to publish the exact point of a report. Without it (and always for anonymous reports) the
-- public list, API and map show the point snapped to a ~220 m grid (src/features/complaints/location.ts); officers
-- still see the exact point.
ALTER TABLE complaints ADD COLUMN exact_location_public INTEGER NOT NULL DEFAULT 0;
