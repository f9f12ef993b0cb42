-- The community change counter, as in db/migration/sqlite/V12.
CREATE TABLE community_sequence (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  value BIGINT NOT NULL
);
INSERT INTO community_sequence (id, value) VALUES (1, 0);
