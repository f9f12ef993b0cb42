-- Community state: accounts, their sessions and API tokens, votes, personal libraries with tags,
-- and paper submissions. Same database as the catalogue, so a vote can name a paper by foreign key.
-- Secrets are never stored: sessions and tokens are kept as SHA-256 hashes, passwords as Argon2id.
-- Times are ISO-8601 UTC instants (TEXT), portable to PostgreSQL.

CREATE TABLE accounts (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,              -- $argon2id$... (PHC string format)
  created_at    TEXT NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,              -- SHA-256 (hex) of the cookie value
  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE api_tokens (
  token_hash TEXT PRIMARY KEY,              -- SHA-256 (hex) of the bearer token
  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  label      TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX api_tokens_account ON api_tokens (account_id);

-- One upvote per account and paper; undoing deletes the row.
CREATE TABLE votes (
  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  paper_id   TEXT NOT NULL REFERENCES papers (id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (account_id, paper_id)
);
CREATE INDEX votes_created ON votes (created_at);

-- A personal library: saving a paper puts it here (a "save" in the trending formula).
CREATE TABLE library (
  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  paper_id   TEXT NOT NULL REFERENCES papers (id),
  added_at   TEXT NOT NULL,
  PRIMARY KEY (account_id, paper_id)
);
CREATE INDEX library_added ON library (added_at);

CREATE TABLE library_tags (
  account_id INTEGER NOT NULL,
  paper_id   TEXT NOT NULL,
  tag        TEXT NOT NULL,
  PRIMARY KEY (account_id, paper_id, tag),
  FOREIGN KEY (account_id, paper_id) REFERENCES library (account_id, paper_id) ON DELETE CASCADE
);
CREATE INDEX library_tags_tag ON library_tags (account_id, tag);

-- A paper someone brought to the community's attention, with an optional comment.
CREATE TABLE submissions (
  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  paper_id   TEXT NOT NULL REFERENCES papers (id),
  comment    TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (account_id, paper_id)
);
CREATE INDEX submissions_created ON submissions (created_at);

-- Running totals per paper, kept in the same transaction as the rows they count, so the daily
-- listing can order by upvotes with one join instead of counting votes per request.
CREATE TABLE paper_signals (
  paper_id    TEXT PRIMARY KEY REFERENCES papers (id),
  upvotes     INTEGER NOT NULL DEFAULT 0,
  saves       INTEGER NOT NULL DEFAULT 0,
  submissions INTEGER NOT NULL DEFAULT 0
);
