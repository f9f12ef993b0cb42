-- Subscriptions, e-mail digests and their outbox. Portable SQL (SQLite and PostgreSQL).
-- Tokens sent by mail (confirm, unsubscribe, manage) are stored only as SHA-256 hashes (hex):
-- a copy of the database does not let anyone act for a subscriber.

CREATE TABLE subscriptions (
  id              INTEGER PRIMARY KEY,
  email           TEXT NOT NULL,           -- lower-cased address
  user_id         TEXT,                    -- account that made it; null for an address alone
  kind            TEXT NOT NULL,           -- trending | search | tag | category | author
  target          TEXT,                    -- the query, tag, category or author name; null for trending
  frequency       TEXT NOT NULL,           -- daily | weekly
  send_hour       INTEGER NOT NULL,        -- 0-23, local time in time_zone
  weekday         INTEGER NOT NULL,        -- 1 (Monday) - 7, used by weekly ones
  time_zone       TEXT NOT NULL,           -- IANA zone id, e.g. Europe/Paris
  created_at      TEXT NOT NULL,           -- ISO-8601 instant
  confirmed_at    TEXT,                    -- null until the address confirmed (double opt-in)
  unsubscribed_at TEXT,                    -- set by one-click unsubscribe; the row is kept for the record
  last_slot       TEXT,                    -- the scheduled instant of the last digest planned
  last_listed     TEXT                     -- papers first listed on or before this day were considered already
);

CREATE INDEX subscriptions_email ON subscriptions (email);
CREATE INDEX subscriptions_user ON subscriptions (user_id);

-- Single-purpose secrets mailed as links.
CREATE TABLE mail_tokens (
  token_hash      TEXT PRIMARY KEY,
  purpose         TEXT NOT NULL,           -- confirm | unsubscribe | manage | feed
  subscription_id INTEGER REFERENCES subscriptions (id),
  email           TEXT,                    -- for manage tokens (all subscriptions of one address)
  user_id         TEXT,                    -- for private feed tokens
  created_at      TEXT NOT NULL
);

-- Addresses that must not be mailed again: a permanent (5xx) SMTP failure.
CREATE TABLE suppressed_addresses (
  email      TEXT PRIMARY KEY,
  reason     TEXT NOT NULL,
  since      TEXT NOT NULL
);

-- Every message, planned before it is sent. state: pending -> sending -> sent, or failed.
-- message_id is fixed at planning, so a resend after a crash carries the same Message-ID.
-- (subscription_id, slot) is unique: a digest is planned once per scheduled instant.
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  subscription_id INTEGER REFERENCES subscriptions (id),
  slot            TEXT NOT NULL,           -- the scheduled instant (digests) or creation instant (confirmations)
  kind            TEXT NOT NULL,           -- digest | confirm
  email           TEXT NOT NULL,
  message_id      TEXT NOT NULL UNIQUE,
  subject         TEXT NOT NULL,
  text_body       TEXT NOT NULL,
  html_body       TEXT NOT NULL,
  unsubscribe_url TEXT,
  state           TEXT NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT,
  created_at      TEXT NOT NULL,
  sent_at         TEXT,
  UNIQUE (subscription_id, slot, kind)
);

CREATE INDEX outbox_state ON outbox (state, next_attempt_at);

-- Papers already mailed to an address, written with the message that carries them.
CREATE TABLE sent_papers (
  email     TEXT NOT NULL,
  paper_id  TEXT NOT NULL,
  outbox_id INTEGER NOT NULL REFERENCES outbox (id),
  PRIMARY KEY (email, paper_id)
);
