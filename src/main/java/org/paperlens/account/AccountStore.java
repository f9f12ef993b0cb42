package org.paperlens.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.paperlens.store.Database;
import org.paperlens.store.Tx;

/**
 * Accounts, sessions and API tokens (tables {@code accounts}, {@code sessions}, {@code api_tokens}):
 * the only SQL about them. Session cookies and API tokens are random 256-bit secrets handed to the
 * client once; only their SHA-256 is stored. Thread-safe (the database serialises). The static
 * methods taking a {@link Tx} answer other features about accounts inside their transactions.
 */
public final class AccountStore {

  public static final Duration SESSION_LIFETIME = Duration.ofDays(30);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{2,31}");
  static final int MIN_PASSWORD = 8;
  static final int MAX_PASSWORD = 200;

  /** An API token as listed to its owner: never the secret itself. */
  public record TokenInfo(String label, Instant created, String hashPrefix) {}

  private final Database db;
  private final List<AccountData> owned = new CopyOnWriteArrayList<>();
  private final PasswordHasher hasher;
  private final Clock clock;
  /** Checked against when the name is unknown, so a wrong name costs as long as a wrong password. */
  private final String decoyHash;

  public AccountStore(Database db, PasswordHasher hasher, Clock clock) {
    this.db = db;
    this.hasher = hasher;
    this.clock = clock;
    this.decoyHash = hasher.hash("decoy-password-for-timing");
  }

  /** @throws AccountException INVALID for a bad name or password, NAME_TAKEN when the name is in use */
  public Account signUp(String name, String password) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new AccountException(AccountException.Kind.INVALID,
          "a user name is 3 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    checkPassword(password);
    String hash = hasher.hash(password); // outside the transaction: it takes a while
    return db.transaction(tx -> {
      if (tx.first("SELECT 1 FROM accounts WHERE name = ?", r -> true, name).isPresent()) {
        throw new AccountException(AccountException.Kind.NAME_TAKEN, "the name '" + name + "' is taken");
      }
      tx.update("INSERT INTO accounts (name, password_hash, created_at) VALUES (?, ?, ?)",
          name, hash, clock.instant().toString());
      return new Account(tx.number("SELECT id FROM accounts WHERE name = ?", name), name);
    });
  }

  /** @throws AccountException BAD_CREDENTIALS when the name is unknown or the password wrong (same message) */
  public Account logIn(String name, String password) {
    record Row(Account account, String hash, boolean suspended) {}
    Optional<Row> row = name == null ? Optional.empty() : db.transaction(tx -> tx.first(
        "SELECT id, name, password_hash, suspended_at FROM accounts WHERE name = ?",
        r -> new Row(new Account(r.getLong(1), r.getString(2)), r.getString(3), r.getString(4) != null), name));
    String pw = password == null ? "" : password;
    boolean ok = hasher.verify(pw, row.map(Row::hash).orElse(decoyHash)) && row.isPresent();
    if (!ok) {
      throw new AccountException(AccountException.Kind.BAD_CREDENTIALS, "wrong user name or password");
    }
    if (row.get().suspended()) { // said only to someone who knows the password
      throw new AccountException(AccountException.Kind.SUSPENDED, "this account is suspended by the site's moderators");
    }
    return row.get().account();
  }

  /**
   * Sets a new password (the caller has checked the current one) and ends every other session
   * of the account, so a stolen session dies with the old password; {@code keepSession} (the
   * cookie of the browser that changed it, or null) stays logged in. API tokens are kept: they
   * are listed on the account page and revoked there.
   */
  public void changePassword(Account account, String newPassword, String keepSession) {
    checkPassword(newPassword);
    String hash = hasher.hash(newPassword);
    String kept = keepSession == null ? "" : Secrets.hash(keepSession);
    db.transaction(tx -> {
      tx.update("UPDATE accounts SET password_hash = ? WHERE id = ?", hash, account.id());
      return tx.update("DELETE FROM sessions WHERE account_id = ? AND token_hash <> ?", account.id(), kept);
    });
  }

  /** The account's e-mail address, if its owner gave one. */
  public Optional<String> email(Account account) {
    return db.transaction(tx -> tx.text("SELECT email FROM accounts WHERE id = ?", account.id()));
  }

  /** Sets (or, with null, removes) the account's e-mail address; the caller has checked its form. */
  public void setEmail(Account account, String email) {
    db.transaction(tx -> tx.update("UPDATE accounts SET email = ? WHERE id = ?", email, account.id()));
  }

  /**
   * Makes {@code data} part of every account deletion from now on. The application root registers
   * each feature that keeps rows of an account (library, community, digests).
   */
  public void register(AccountData data) {
    owned.add(data);
  }

  /**
   * Deletes the account and everything it made, in one transaction: first what each registered
   * {@link AccountData} holds (library and tags, upvotes, submissions, comments and the papers'
   * running totals, subscriptions and their mail, private feed tokens), then its sessions, API
   * tokens and the account row. All or nothing: a failure anywhere leaves everything in place.
   * Returns false when there was no such account.
   */
  public boolean delete(Account account) {
    return db.transaction(tx -> {
      for (AccountData data : owned) {
        data.deleteOf(tx, account);
      }
      tx.update("DELETE FROM sessions WHERE account_id = ?", account.id());
      tx.update("DELETE FROM api_tokens WHERE account_id = ?", account.id());
      return tx.update("DELETE FROM accounts WHERE id = ?", account.id()) > 0;
    });
  }

  /** The names of the accounts {@code ids}, inside the caller's transaction: for the features that show who did what. */
  public static Map<Long, String> names(Tx tx, Collection<Long> ids) {
    Map<Long, String> out = new HashMap<>();
    tx.listIn("SELECT id, name FROM accounts WHERE id IN " + Tx.KEYS, List.copyOf(new HashSet<>(ids)),
        r -> out.put(r.getLong(1), r.getString(2)));
    return out;
  }

  /** When the accounts {@code ids} were made, inside the caller's transaction (trending weighs only old enough ones). */
  public static Map<Long, Instant> createdAt(Tx tx, Collection<Long> ids) {
    Map<Long, Instant> out = new HashMap<>();
    tx.listIn("SELECT id, created_at FROM accounts WHERE id IN " + Tx.KEYS, List.copyOf(new HashSet<>(ids)),
        r -> out.put(r.getLong(1), Instant.parse(r.getString(2))));
    return out;
  }

  /** The id of the account named {@code name} (names ignore case), inside the caller's transaction. */
  public static Optional<Long> idByName(Tx tx, String name) {
    return tx.first("SELECT id FROM accounts WHERE name = ?", r -> r.getLong(1), name);
  }

  /** The account's role; a member when the account is gone. */
  public Role role(Account account) {
    return db.transaction(tx -> tx.first("SELECT role FROM accounts WHERE id = ?", r -> Role.stored(r.getString(1)), account.id()))
        .orElse(Role.MEMBER);
  }

  /** Gives the account named {@code name} this role (a member: none), inside the caller's transaction; its role before. */
  public static Optional<Role> setRole(Tx tx, String name, Role role) {
    Optional<Role> before = tx.first("SELECT role FROM accounts WHERE name = ?", r -> Role.stored(r.getString(1)), name);
    before.ifPresent(b -> tx.update("UPDATE accounts SET role = ? WHERE name = ?", role == Role.MEMBER ? null : role.label(), name));
    return before;
  }

  /** Accounts with a role, by name: who can moderate. */
  public Map<String, Role> staff() {
    Map<String, Role> out = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    db.transaction(tx -> tx.list("SELECT name, role FROM accounts WHERE role IS NOT NULL",
        r -> out.put(r.getString(1), Role.stored(r.getString(2)))));
    return out;
  }

  /** The account named {@code name} with its role and whether it is suspended, inside the caller's transaction. */
  public record Standing(Account account, Role role, boolean suspended) {}

  public static Optional<Standing> standing(Tx tx, String name) {
    return tx.first("SELECT id, name, role, suspended_at FROM accounts WHERE name = ?",
        r -> new Standing(new Account(r.getLong(1), r.getString(2)), Role.stored(r.getString(3)), r.getString(4) != null), name);
  }

  /**
   * Suspends ({@code at} an instant) or restores ({@code at} null) the account, inside the caller's
   * transaction; false when it already was so. Suspending ends its sessions; its API tokens are
   * kept but refused while it lasts ({@link #byApiToken}), so restoring gives them back.
   */
  public static boolean setSuspended(Tx tx, long account, java.time.Instant at) {
    int changed = tx.update("UPDATE accounts SET suspended_at = ? WHERE id = ? AND suspended_at IS " + (at == null ? "NOT NULL" : "NULL"),
        at == null ? null : at.toString(), account);
    if (changed > 0 && at != null) {
      tx.update("DELETE FROM sessions WHERE account_id = ?", account);
    }
    return changed > 0;
  }

  /** The ids of the suspended accounts, inside the caller's transaction: few, so read whole (their signals leave trending). */
  public static java.util.Set<Long> suspended(Tx tx) {
    return new HashSet<>(tx.list("SELECT id FROM accounts WHERE suspended_at IS NOT NULL", r -> r.getLong(1)));
  }

  private static void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
      throw new AccountException(AccountException.Kind.INVALID,
          "a password is " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long");
    }
  }

  /** Starts a session and returns the cookie value. */
  public String newSession(Account account) {
    String token = Secrets.newToken();
    Instant now = clock.instant();
    db.transaction(tx -> {
      tx.update("DELETE FROM sessions WHERE expires_at <= ?", now.toString()); // expired ones go as new ones come
      return tx.update("INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
          Secrets.hash(token), account.id(), now.toString(), now.plus(SESSION_LIFETIME).toString());
    });
    return token;
  }

  public Optional<Account> bySession(String token) {
    if (token == null || token.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    return db.transaction(tx -> tx.first("SELECT a.id, a.name FROM sessions s JOIN accounts a ON a.id = s.account_id"
        + " WHERE s.token_hash = ? AND s.expires_at > ? AND a.suspended_at IS NULL", AccountStore::account, Secrets.hash(token), clock.instant().toString()));
  }

  /** The account with this name (names ignore case), for administration from the command line. */
  public Optional<Account> byName(String name) {
    return db.transaction(tx -> tx.first("SELECT id, name FROM accounts WHERE name = ?", AccountStore::account, name));
  }

  public void endSession(String token) {
    if (token != null) {
      db.transaction(tx -> tx.update("DELETE FROM sessions WHERE token_hash = ?", Secrets.hash(token)));
    }
  }

  /** Creates an API token for scripts and returns the secret, which is shown only this once. */
  public String newApiToken(Account account, String label) {
    String token = "pl_" + Secrets.newToken();
    db.transaction(tx -> tx.update("INSERT INTO api_tokens (token_hash, account_id, label, created_at) VALUES (?, ?, ?, ?)",
        Secrets.hash(token), account.id(), label, clock.instant().toString()));
    return token;
  }

  public Optional<Account> byApiToken(String token) {
    if (token == null || token.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    return db.transaction(tx -> tx.first("SELECT a.id, a.name FROM api_tokens t JOIN accounts a ON a.id = t.account_id"
        + " WHERE t.token_hash = ? AND a.suspended_at IS NULL", AccountStore::account, Secrets.hash(token)));
  }

  public List<TokenInfo> apiTokens(Account account) {
    return db.transaction(tx -> tx.list("SELECT label, created_at, token_hash FROM api_tokens WHERE account_id = ? ORDER BY created_at",
        r -> new TokenInfo(r.getString(1), Instant.parse(r.getString(2)), r.getString(3).substring(0, 8)), account.id()));
  }

  /** Revokes the owner's token whose hash starts with {@code hashPrefix}; false when none does. */
  public boolean revokeApiToken(Account account, String hashPrefix) {
    if (hashPrefix == null || !hashPrefix.matches("[0-9a-f]{8}")) {
      return false;
    }
    return db.transaction(tx -> tx.update("DELETE FROM api_tokens WHERE account_id = ? AND substr(token_hash, 1, 8) = ?",
        account.id(), hashPrefix) > 0);
  }

  private static Account account(org.paperlens.store.Row r) {
    return new Account(r.getLong(1), r.getString(2));
  }
}
