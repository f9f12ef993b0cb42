-- A counter of community changes (votes, saves, submissions, comments, deleted accounts), bumped
-- by every process that makes one: what tells a serve process that another one sharing the
-- database changed rankings it has cached.
CREATE TABLE community_sequence (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  value INTEGER NOT NULL
);
INSERT INTO community_sequence (id, value) VALUES (1, 0);
