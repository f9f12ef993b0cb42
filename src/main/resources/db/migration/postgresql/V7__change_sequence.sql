-- The catalogue's change sequence, as in db/migration/sqlite/V7 (which explains it). Here the
-- counter row's lock, taken by the UPDATE that draws a number and held until commit, is what
-- makes numbers commit in order.

CREATE TABLE catalogue_sequence (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  value BIGINT NOT NULL
);
INSERT INTO catalogue_sequence (id, value) VALUES (1, 0);

ALTER TABLE papers ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;
CREATE INDEX papers_seq ON papers (seq);

ALTER TABLE paper_vectors ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;
CREATE INDEX paper_vectors_seq ON paper_vectors (model, seq);

ALTER TABLE subscriptions ADD COLUMN last_seq BIGINT;
