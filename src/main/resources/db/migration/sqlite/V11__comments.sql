-- Discussion: members' comments on a paper, plain text (links are made clickable when shown).
-- A comment goes with its author's account; edited_at is set when its author changes it.
CREATE TABLE comments (
  id         INTEGER PRIMARY KEY,
  paper_id   TEXT NOT NULL REFERENCES papers (id),
  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  body       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  edited_at  TEXT
);
CREATE INDEX comments_paper ON comments (paper_id, created_at);
CREATE INDEX comments_created ON comments (created_at);
