-- Citation data from open scholarly sources (OpenAlex, Semantic Scholar), owned by
-- citation.store.CitationStore. Portable SQL, as in V1; db/migration/postgresql/V13 is the same
-- schema with PostgreSQL's types.

-- A work at either end of a citation edge: a catalogue paper (paper_id set) or one outside the
-- catalogue, kept by its ids, title and year so it can be shown as a link now and tied to the
-- catalogue paper when that arrives later. Ids in the spellings of citation.ExternalIds.
CREATE TABLE citation_works (
  id          INTEGER PRIMARY KEY,
  paper_id    TEXT REFERENCES papers (id),
  arxiv_id    TEXT,
  doi         TEXT,
  openalex_id TEXT,
  s2_id       TEXT,
  title       TEXT,
  year        INTEGER
);
CREATE UNIQUE INDEX citation_works_paper ON citation_works (paper_id);
CREATE INDEX citation_works_arxiv ON citation_works (arxiv_id);
CREATE INDEX citation_works_doi ON citation_works (doi);
CREATE INDEX citation_works_openalex ON citation_works (openalex_id);
CREATE INDEX citation_works_s2 ON citation_works (s2_id);

-- Who cites whom, each pair once whichever source reported it. first_seen (an instant) is when
-- paperlens learnt of the edge; catalogue_seen when both its ends were first catalogue papers
-- (then, or later when an external end's paper arrived): citation alerts select on it.
CREATE TABLE citation_edges (
  citing_work INTEGER NOT NULL REFERENCES citation_works (id),
  cited_work  INTEGER NOT NULL REFERENCES citation_works (id),
  source      TEXT NOT NULL,
  first_seen  TEXT NOT NULL,
  catalogue_seen TEXT,
  PRIMARY KEY (citing_work, cited_work)
);
CREATE INDEX citation_edges_cited ON citation_edges (cited_work);
CREATE INDEX citation_edges_catalogue_seen ON citation_edges (catalogue_seen);

-- What the sources say of a catalogue paper; each field keeps the source it came from.
CREATE TABLE citation_facts (
  paper_id          TEXT PRIMARY KEY REFERENCES papers (id),
  citation_count    INTEGER,
  influential_count INTEGER,
  counted_on        TEXT,
  count_source      TEXT,
  venue             TEXT,
  venue_source      TEXT,
  tldr              TEXT,
  tldr_source       TEXT,
  tldr_model        TEXT
);
CREATE INDEX citation_facts_count ON citation_facts (citation_count);

-- Citations per calendar year (OpenAlex counts_by_year), replaced whenever a source gives them.
CREATE TABLE citation_years (
  paper_id  TEXT NOT NULL REFERENCES papers (id),
  year      INTEGER NOT NULL,
  citations INTEGER NOT NULL,
  PRIMARY KEY (paper_id, year)
);

-- An author as a source identifies them: one row per source's author id. Rows of different
-- sources with the same ORCID are one person. institution is the first affiliation of the
-- identity's most recently stored authorship that has one.
CREATE TABLE author_identities (
  id        INTEGER PRIMARY KEY,
  source    TEXT NOT NULL,
  source_id TEXT NOT NULL,
  name      TEXT NOT NULL,
  orcid     TEXT,
  institution TEXT,
  UNIQUE (source, source_id)
);
CREATE INDEX author_identities_orcid ON author_identities (orcid);
CREATE INDEX author_identities_name ON author_identities (name);

-- Each authorship of a catalogue paper as a source gave it, tied to an identity where the source
-- has one. institutions is a JSON array of {"name", "id", "ror"}.
CREATE TABLE paper_authorships (
  paper_id     TEXT NOT NULL REFERENCES papers (id),
  source       TEXT NOT NULL,
  position     INTEGER NOT NULL,
  name         TEXT NOT NULL,
  identity_id  INTEGER REFERENCES author_identities (id),
  institutions TEXT NOT NULL,
  PRIMARY KEY (paper_id, source, position)
);
CREATE INDEX paper_authorships_identity ON paper_authorships (identity_id);

-- The enrichment queue: where each paper stands with each source. outcome is pending, found,
-- unknown or bad; next_due (an instant) follows the cadence that slows with the paper's age.
CREATE TABLE enrichment (
  paper_id        TEXT NOT NULL REFERENCES papers (id),
  source          TEXT NOT NULL,
  outcome         TEXT NOT NULL,
  attempts        INTEGER NOT NULL,
  last_attempt    TEXT,
  references_read TEXT,
  next_due        TEXT NOT NULL,
  PRIMARY KEY (paper_id, source)
);
CREATE INDEX enrichment_due ON enrichment (source, next_due);

-- Checkpoints of the enrichment stage (e.g. how far it has read the catalogue's changes).
CREATE TABLE citation_state (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- A counter of citation changes, bumped by every process that makes one: what tells a serve
-- process that the enrichment stage of another one changed the graph it has cached.
CREATE TABLE citation_sequence (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  value INTEGER NOT NULL
);
INSERT INTO citation_sequence (id, value) VALUES (1, 0);

-- The catalogue's papers by DOI whatever its case (sources write DOIs in either; the catalogue
-- keeps what arXiv printed), for tying citation works to catalogue papers (paper.CatalogueIds).
CREATE INDEX papers_doi_lower ON papers (lower(doi));
