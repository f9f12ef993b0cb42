-- Sentence embeddings of papers, kept with the catalogue so that rebuilding a search index never
-- has to embed again. One row per paper and model.
-- vector is the little-endian float32 array of dim numbers. BLOB is portable enough here:
-- PostgreSQL would use BYTEA for this column, nothing else changes.

CREATE TABLE paper_vectors (
  paper_id  TEXT NOT NULL REFERENCES papers (id),
  model     TEXT NOT NULL,                -- EmbeddingModel config name, e.g. bge-small-en-v1.5-q
  dim       INTEGER NOT NULL,
  vector    BLOB NOT NULL,                -- dim float32 values, little-endian
  text_hash TEXT NOT NULL,                -- SHA-256 (hex) of the text embedded: a changed abstract is re-embedded
  PRIMARY KEY (paper_id, model)
);

-- Reading all vectors of one model (index rebuilds) without scanning the others.
CREATE INDEX paper_vectors_model ON paper_vectors (model, paper_id);
