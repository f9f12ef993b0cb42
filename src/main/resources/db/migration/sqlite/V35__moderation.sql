-- Moderation: roles and suspension on accounts, hidden comments and submissions (kept, shown only
-- to moderators), members' reports of comments, and the audit log of every moderator action.
-- V35 and not V15: moderation was written beside other changes to the schema and keeps clear of
-- their numbers. Times are ISO-8601 UTC instants (TEXT), as everywhere.

ALTER TABLE accounts ADD COLUMN role TEXT;          -- NULL: a member; 'moderator' or 'admin'
ALTER TABLE accounts ADD COLUMN suspended_at TEXT;  -- set while the account is suspended
ALTER TABLE comments ADD COLUMN hidden_at TEXT;     -- set while a moderator hides the comment
ALTER TABLE submissions ADD COLUMN hidden_at TEXT;  -- set while a moderator hides the submission

-- One report per member and comment; reports go with the comment or the reporting account.
CREATE TABLE comment_reports (
  comment_id INTEGER NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  reason     TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (comment_id, account_id)
);

-- Who did what to what, when and why. Names, not ids: the log outlives the accounts it names.
CREATE TABLE moderation_log (
  id     INTEGER PRIMARY KEY,
  at     TEXT NOT NULL,
  actor  TEXT NOT NULL,   -- the moderator's name, or 'command line'
  action TEXT NOT NULL,   -- hide-comment, unhide-comment, suspend, grant-admin, ...
  target TEXT NOT NULL,   -- comment 12, submission 2401.00001 by alice, account bob
  reason TEXT
);
CREATE INDEX moderation_log_at ON moderation_log (at);
