-- Tags of a library are private unless their owner makes one public, which gives it a feed at
-- /users/NAME/tags/TAG/feed. One row per tag whose visibility was ever set; no row means private.

CREATE TABLE library_tag_settings (
  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  tag        TEXT NOT NULL,
  public     INTEGER NOT NULL DEFAULT 0 CHECK (public IN (0, 1)),
  changed_at TEXT NOT NULL,
  PRIMARY KEY (account_id, tag)
);
