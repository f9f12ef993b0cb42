-- An account's e-mail address, which the account page sets: it fills in the digest form's address
-- and is where notices about a member's papers go. Lower-cased; null when the member gave none.
ALTER TABLE accounts ADD COLUMN email TEXT;
