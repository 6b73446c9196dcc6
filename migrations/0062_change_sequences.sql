-- Change feeds page by a monotonically increasing change sequence, not by wall-clock `updated_at`: a change whose
-- `updated_at` was taken before another's but committed after it would fall behind a partner's timestamp cursor and be
-- skipped. Each feed has one counter; a trigger takes the next value in the SAME transaction as the write (D1 commits
-- writes one at a time), so sequence order is commit order and every value at or below the counter is committed.

CREATE TABLE change_sequences (
  feed TEXT NOT NULL PRIMARY KEY,         -- 'complaints', 'tenders'
  value INTEGER NOT NULL                  -- the last sequence value taken
);

ALTER TABLE complaints ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
UPDATE complaints SET change_seq = r.n FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY updated_at, id) AS n FROM complaints) AS r WHERE r.id = complaints.id;
INSERT INTO change_sequences (feed, value) VALUES ('complaints', (SELECT COUNT(*) FROM complaints));
CREATE INDEX complaints_change_seq ON complaints (change_seq);

CREATE TRIGGER complaints_change_seq_insert AFTER INSERT ON complaints
BEGIN
  UPDATE change_sequences SET value = value + 1 WHERE feed = 'complaints';
  UPDATE complaints SET change_seq = (SELECT value FROM change_sequences WHERE feed = 'complaints') WHERE id = NEW.id;
END;

CREATE TRIGGER complaints_change_seq_update AFTER UPDATE ON complaints WHEN NEW.change_seq = OLD.change_seq
BEGIN
  UPDATE change_sequences SET value = value + 1 WHERE feed = 'complaints';
  UPDATE complaints SET change_seq = (SELECT value FROM change_sequences WHERE feed = 'complaints') WHERE id = NEW.id;
END;

ALTER TABLE tenders ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
UPDATE tenders SET change_seq = r.n FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY updated_at, id) AS n FROM tenders) AS r WHERE r.id = tenders.id;
INSERT INTO change_sequences (feed, value) VALUES ('tenders', (SELECT COUNT(*) FROM tenders));
CREATE INDEX tenders_change_seq ON tenders (change_seq);

CREATE TRIGGER tenders_change_seq_insert AFTER INSERT ON tenders
BEGIN
  UPDATE change_sequences SET value = value + 1 WHERE feed = 'tenders';
  UPDATE tenders SET change_seq = (SELECT value FROM change_sequences WHERE feed = 'tenders') WHERE id = NEW.id;
END;

CREATE TRIGGER tenders_change_seq_update AFTER UPDATE ON tenders WHEN NEW.change_seq = OLD.change_seq
BEGIN
  UPDATE change_sequences SET value = value + 1 WHERE feed = 'tenders';
  UPDATE tenders SET change_seq = (SELECT value FROM change_sequences WHERE feed = 'tenders') WHERE id = NEW.id;
END;
