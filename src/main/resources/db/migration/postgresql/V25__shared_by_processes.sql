-- What several serve processes on one catalogue share, so that they act as one site.

-- Papers one process is embedding: a claim until `until_ms` (epoch milliseconds), renewed while
-- that process works and taken over by another once it runs out (the holder died). A row is
-- removed when its holder ends the batch; a paper with a vector is not chosen again anyway.
CREATE TABLE embed_claims (
  paper_id TEXT PRIMARY KEY,
  owner    TEXT NOT NULL,
  until_ms BIGINT NOT NULL
);
CREATE INDEX embed_claims_owner ON embed_claims (owner);

-- Events counted by rate limits (failed log-ins per name, per address, per trusted browser;
-- sign-ups; API tokens; subscription mails): one row an event, kept until its window ends.
CREATE TABLE rate_events (
  id       BIGSERIAL PRIMARY KEY,
  name     TEXT NOT NULL,
  key      TEXT NOT NULL,
  at_ms    BIGINT NOT NULL,
  until_ms BIGINT NOT NULL
);
CREATE INDEX rate_events_key ON rate_events (name, key, until_ms);
CREATE INDEX rate_events_until ON rate_events (until_ms);

-- Keys made once for the whole site (signing trusted-browser cookies and CSRF tokens): the
-- first process to need one stores it, every other reads it.
CREATE TABLE site_keys (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
