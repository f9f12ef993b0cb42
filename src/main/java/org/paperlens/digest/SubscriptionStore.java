package org.paperlens.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.paperlens.account.AccountData;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.store.Database;
import org.paperlens.store.Row;
import org.paperlens.store.Tx;

/**
 * Subscriptions, mailed tokens and suppressed addresses (tables {@code subscriptions},
 * {@code mail_tokens}, {@code suppressed_addresses}): the only class that speaks SQL about them.
 * Its transactions come from the catalogue's {@link Database} (the digests read papers on the same
 * connection); the static methods taking a {@link Tx} run inside a caller's transaction.
 */
public final class SubscriptionStore {

  /** What a token was minted for. */
  public enum Purpose { CONFIRM, UNSUBSCRIBE, MANAGE, FEED }

  /** What a token stands for: a subscription, an address, or an account. */
  public record TokenTarget(Purpose purpose, Long subscriptionId, String email, String userId) {}

  private static final String COLUMNS = "id, email, user_id, kind, target, frequency, send_hour, weekday,"
      + " time_zone, created_at, confirmed_at, unsubscribed_at, last_slot, last_listed, last_seq";

  private final CatalogueStore catalogue;
  private final Database db;

  public SubscriptionStore(CatalogueStore catalogue) {
    this.catalogue = catalogue;
    this.db = catalogue.database();
  }

  /** The catalogue whose database holds the subscriptions: what a digest planner reads papers from. */
  public CatalogueStore catalogue() {
    return catalogue;
  }

  /** Where this store's transactions come from; the digest package's writers that span its tables use it. */
  Database database() {
    return db;
  }

  static long insert(Tx tx, String email, String userId, Topic topic, Cadence cadence, Instant now) {
    return tx.first("INSERT INTO subscriptions (email, user_id, kind, target, frequency,"
        + " send_hour, weekday, time_zone, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", r -> r.getLong(1),
        email, userId, topic.kind(), topic.target(), cadence.frequency().name().toLowerCase(java.util.Locale.ROOT),
        cadence.hour(), cadence.weekday().getValue(), cadence.zone().getId(), now.toString()).orElseThrow();
  }

  static void putToken(Tx tx, String token, TokenTarget target, Instant now) {
    tx.update("INSERT INTO mail_tokens (token_hash, purpose, subscription_id, email, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        Tokens.hash(token), target.purpose().name(), target.subscriptionId(), target.email(), target.userId(), now.toString());
  }

  static void deleteTokens(Tx tx, Purpose purpose, String userId) {
    tx.update("DELETE FROM mail_tokens WHERE purpose = ? AND user_id = ?", purpose.name(), userId);
  }

  /** The token's target, if the token was minted here for {@code purpose}. */
  public Optional<TokenTarget> token(String token, Purpose purpose) {
    if (!Tokens.wellFormed(token)) {
      return Optional.empty();
    }
    return db.transaction(tx -> tx.first("SELECT subscription_id, email, user_id FROM mail_tokens WHERE token_hash = ? AND purpose = ?",
        r -> new TokenTarget(purpose, r.getLongOrNull(1), r.getString(2), r.getString(3)), Tokens.hash(token), purpose.name()));
  }

  public Optional<Subscription> find(long id) {
    return db.transaction(tx -> tx.first("SELECT " + COLUMNS + " FROM subscriptions WHERE id = ?", SubscriptionStore::read, id));
  }

  /** Every subscription of an address (active or not), oldest first. */
  public List<Subscription> byEmail(String email) {
    return list("SELECT " + COLUMNS + " FROM subscriptions WHERE email = ? ORDER BY id", email);
  }

  /** Every subscription an account made, oldest first. */
  public List<Subscription> byUser(String userId) {
    return list("SELECT " + COLUMNS + " FROM subscriptions WHERE user_id = ? ORDER BY id", userId);
  }

  /** Confirmed, not unsubscribed, to an address not suppressed: the candidates for a digest. */
  public List<Subscription> active() {
    return list("SELECT " + COLUMNS + " FROM subscriptions WHERE confirmed_at IS NOT NULL AND unsubscribed_at IS NULL"
        + " AND email NOT IN (SELECT email FROM suppressed_addresses) ORDER BY id");
  }

  /** Marks confirmed (once: a second click changes nothing). Returns false if it does not exist. */
  public boolean confirm(long id, Instant now) {
    return db.transaction(tx -> tx.update("UPDATE subscriptions SET confirmed_at = COALESCE(confirmed_at, ?) WHERE id = ?",
        now.toString(), id) > 0);
  }

  /** Ends a subscription at once; nothing more is planned for it, and pending digests are dropped. */
  public boolean unsubscribe(long id, Instant now) {
    return db.transaction(tx -> {
      OutboxStore.cancelDigests(tx, id);
      return tx.update("UPDATE subscriptions SET unsubscribed_at = COALESCE(unsubscribed_at, ?) WHERE id = ?", now.toString(), id) > 0;
    });
  }

  /**
   * Deletes every subscription an account made, with its mail (sent or not), its tokens and the
   * record of papers mailed by it, and the account's private feed tokens, in one transaction.
   * Other subscriptions of the same address (made without logging in) stay.
   */
  public void forgetUser(String userId) {
    db.transaction(tx -> {
      forgetUser(tx, userId);
      return null;
    });
  }

  /** {@link #forgetUser(String)} inside the caller's transaction (an account's deletion). */
  public static void forgetUser(Tx tx, String userId) {
    String subs = "SELECT id FROM subscriptions WHERE user_id = ?";
    OutboxStore.deleteOf(tx, subs, userId);
    tx.update("DELETE FROM mail_tokens WHERE subscription_id IN (" + subs + ")", userId);
    tx.update("DELETE FROM mail_tokens WHERE user_id = ?", userId);
    tx.update("DELETE FROM subscriptions WHERE user_id = ?", userId);
  }

  /**
   * An account's subscriptions, their mail and tokens, and its private feed tokens, deleted inside
   * the account's deleting transaction (see {@link #forgetUser(Tx, String)}).
   */
  public static final AccountData ACCOUNT_DATA = (tx, account) -> forgetUser(tx, Long.toString(account.id()));

  /** Stops all mail to an address after a permanent SMTP failure. */
  static void suppress(Tx tx, String email, String reason, Instant now) {
    tx.update("INSERT INTO suppressed_addresses (email, reason, since) VALUES (?, ?, ?) ON CONFLICT (email) DO NOTHING",
        email, reason.length() > 500 ? reason.substring(0, 500) : reason, now.toString());
  }

  public Optional<String> suppressedReason(String email) {
    return db.transaction(tx -> tx.text("SELECT reason FROM suppressed_addresses WHERE email = ?", email));
  }

  /** Advances a subscription's cursor; part of the transaction that plans its digest. */
  static void advance(Tx tx, long id, Instant slot, LocalDate listed, long seq) {
    tx.update("UPDATE subscriptions SET last_slot = ?, last_listed = ?, last_seq = ? WHERE id = ?",
        slot.toString(), listed == null ? null : listed.toString(), seq, id);
  }

  private List<Subscription> list(String sql, Object... args) {
    return db.transaction(tx -> tx.list(sql, SubscriptionStore::read, args));
  }

  private static Subscription read(Row rs) {
    Cadence cadence = new Cadence(Cadence.Frequency.parse(rs.getString("frequency")), rs.getInt("send_hour"),
        DayOfWeek.of(rs.getInt("weekday")), ZoneId.of(rs.getString("time_zone")));
    String listed = rs.getString("last_listed");
    return new Subscription(rs.getLong("id"), rs.getString("email"), rs.getString("user_id"),
        Topic.of(rs.getString("kind"), rs.getString("target")), cadence, instant(rs.getString("created_at")),
        instant(rs.getString("confirmed_at")), instant(rs.getString("unsubscribed_at")), instant(rs.getString("last_slot")),
        listed == null ? null : LocalDate.parse(listed), rs.getLongOrNull("last_seq"));
  }

  private static Instant instant(String s) {
    return s == null ? null : Instant.parse(s);
  }
}
