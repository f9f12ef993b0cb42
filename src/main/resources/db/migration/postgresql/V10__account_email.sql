-- An account's e-mail address, as in db/migration/sqlite/V10.
ALTER TABLE accounts ADD COLUMN email TEXT;
