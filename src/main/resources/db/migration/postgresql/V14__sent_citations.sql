-- Citing papers already mailed to an address by a citation alert (digest kinds citing-paper,
-- citing-library, citing-tag, citing-author), written with the message that carries them. Kept
-- apart from sent_papers: a paper mailed as "new in cs.CL" is still news as "cites your paper",
-- but one citing paper reaches an address once across all its citation alerts.
CREATE TABLE sent_citations (
  email     TEXT NOT NULL,
  paper_id  TEXT NOT NULL,
  outbox_id BIGINT NOT NULL REFERENCES outbox (id),
  PRIMARY KEY (email, paper_id)
);
