-- The catalogue's change sequence: every transaction that changes a paper or a vector takes the
-- next number and stamps the rows it writes with it. Writers are serialised (SQLite has one write
-- lock; on PostgreSQL the counter row is locked until commit), so numbers commit in order: once a
-- reader sees number N, every change numbered N or lower is visible too. That is what lets the
-- search index record the position it covers (a watermark) and catch up from it after a restart,
-- and what lets digests plan only papers the index already has.

CREATE TABLE catalogue_sequence (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  value INTEGER NOT NULL
);
INSERT INTO catalogue_sequence (id, value) VALUES (1, 0);

ALTER TABLE papers ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX papers_seq ON papers (seq);

ALTER TABLE paper_vectors ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX paper_vectors_seq ON paper_vectors (model, seq);

-- Digests remember the last change number they planned over, besides the last listing day, so a
-- paper that reaches the index after its listing day's digest is still sent once.
ALTER TABLE subscriptions ADD COLUMN last_seq INTEGER;
