-- Sentence embeddings, as in db/migration/sqlite/V2; the little-endian float32 array is a BYTEA.

CREATE TABLE paper_vectors (
  paper_id  TEXT NOT NULL REFERENCES papers (id),
  model     TEXT NOT NULL,
  dim       INTEGER NOT NULL,
  vector    BYTEA NOT NULL,
  text_hash TEXT NOT NULL,
  PRIMARY KEY (paper_id, model)
);

CREATE INDEX paper_vectors_model ON paper_vectors (model, paper_id);
