-- The catalogue: the system of record. Everything else (search index, caches) is derived from it.
-- Portable SQL only (SQLite and PostgreSQL): TEXT dates in ISO-8601, no vendor types.

CREATE TABLE papers (
  id               TEXT PRIMARY KEY,        -- arXiv id without version, or scheme:local-id
  version          INTEGER NOT NULL,        -- latest version, 0 when unknown
  title            TEXT,
  abstract         TEXT,
  authors          TEXT NOT NULL,           -- JSON array of names, in the paper's order
  primary_category TEXT,
  categories       TEXT NOT NULL,           -- arXiv categories, space-separated, primary first
  classes          TEXT NOT NULL,           -- JSON array of MSC / ACM classification codes
  submitted        TEXT,                    -- date of version 1
  updated          TEXT,                    -- date of the latest version
  first_listed     TEXT,                    -- first day in a daily listing
  comment          TEXT,
  journal_ref      TEXT,
  doi              TEXT,
  abs_url          TEXT,
  pdf_url          TEXT,
  source           TEXT NOT NULL,           -- importer that last changed the row
  deleted_on       TEXT                     -- set when the source reported the record deleted
);

CREATE INDEX papers_first_listed ON papers (first_listed);
CREATE INDEX papers_primary_category ON papers (primary_category);
CREATE INDEX papers_doi ON papers (doi);

-- One row per version a source has shown us, with that version's metadata.
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

-- Which sources have reported each paper (a set, so re-imports add nothing).
CREATE TABLE paper_sources (
  paper_id TEXT NOT NULL REFERENCES papers (id),
  source   TEXT NOT NULL,
  PRIMARY KEY (paper_id, source)
);

-- Checkpoints of long-running ingest work (the harvester's cursor), written in the same
-- transaction as the records they cover.
CREATE TABLE ingest_state (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
