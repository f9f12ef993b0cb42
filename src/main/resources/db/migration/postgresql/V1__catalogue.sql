-- The catalogue on PostgreSQL: the same tables as db/migration/sqlite/V1, in PostgreSQL's types.
-- Dates stay ISO-8601 TEXT so every query the stores write runs unchanged on both engines.

CREATE TABLE papers (
  id               TEXT PRIMARY KEY,
  version          INTEGER NOT NULL,
  title            TEXT,
  abstract         TEXT,
  authors          TEXT NOT NULL,
  primary_category TEXT,
  categories       TEXT NOT NULL,
  classes          TEXT NOT NULL,
  submitted        TEXT,
  updated          TEXT,
  first_listed     TEXT,
  comment          TEXT,
  journal_ref      TEXT,
  doi              TEXT,
  abs_url          TEXT,
  pdf_url          TEXT,
  source           TEXT NOT NULL,
  deleted_on       TEXT
);

CREATE INDEX papers_first_listed ON papers (first_listed);
CREATE INDEX papers_primary_category ON papers (primary_category);
CREATE INDEX papers_doi ON papers (doi);

CREATE TABLE paper_versions (
  paper_id    TEXT NOT NULL REFERENCES papers (id),
  version     INTEGER NOT NULL,
  dated       TEXT,
  title       TEXT,
  abstract    TEXT,
  authors     TEXT NOT NULL,
  comment     TEXT,
  journal_ref TEXT,
  doi         TEXT,
  PRIMARY KEY (paper_id, version)
);

CREATE TABLE paper_sources (
  paper_id TEXT NOT NULL REFERENCES papers (id),
  source   TEXT NOT NULL,
  PRIMARY KEY (paper_id, source)
);

CREATE TABLE ingest_state (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
