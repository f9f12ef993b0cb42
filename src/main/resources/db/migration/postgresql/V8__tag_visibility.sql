-- Public tags, as in db/migration/sqlite/V8.

CREATE TABLE library_tag_settings (
  account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  tag        TEXT NOT NULL,
  public     INTEGER NOT NULL DEFAULT 0 CHECK (public IN (0, 1)),
  changed_at TEXT NOT NULL,
  PRIMARY KEY (account_id, tag)
);
