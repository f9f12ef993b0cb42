package org.paperlens.digest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.store.Tx;

/**
 * Subscriptions, mailed tokens and suppressed addresses (tables {@code subscriptions},
 * {@code mail_tokens}, {@code suppressed_addresses}): the only class that speaks SQL about them.
 * Works through {@link CatalogueStore}'s connection and transactions; methods taking a
 * {@link Tx} run inside a caller's transaction.
 */
public final class SubscriptionStore {

  /** What a token was minted for. */
  public enum Purpose { CONFIRM, UNSUBSCRIBE, MANAGE, FEED }

  /** What a token stands for: a subscription, an address, or an account. */
  public record TokenTarget(Purpose purpose, Long subscriptionId, String email, String userId) {}

  private static final String COLUMNS = "id, email, user_id, kind, target, frequency, send_hour, weekday,"
      + " time_zone, created_at, confirmed_at, unsubscribed_at, last_slot, last_listed, last_seq";

  private final CatalogueStore store;

  public SubscriptionStore(CatalogueStore store) {
    this.store = store;
  }

  public CatalogueStore catalogue() {
    return store;
  }

  static long insert(Tx c, String email, String userId, Topic topic, Cadence cadence, Instant now) throws SQLException {
    try (PreparedStatement st = c.prepare("INSERT INTO subscriptions (email, user_id, kind, target, frequency,"
        + " send_hour, weekday, time_zone, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
      st.setString(1, email);
      st.setString(2, userId);
      st.setString(3, topic.kind());
      st.setString(4, topic.target());
      st.setString(5, cadence.frequency().name().toLowerCase(java.util.Locale.ROOT));
      st.setInt(6, cadence.hour());
      st.setInt(7, cadence.weekday().getValue());
      st.setString(8, cadence.zone().getId());
      st.setString(9, now.toString());
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static void putToken(Tx c, String token, TokenTarget target, Instant now) throws SQLException {
    try (PreparedStatement st = c.prepare("INSERT INTO mail_tokens (token_hash, purpose, subscription_id,"
        + " email, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      st.setString(1, Tokens.hash(token));
      st.setString(2, target.purpose().name());
      if (target.subscriptionId() == null) {
        st.setNull(3, Types.INTEGER);
      } else {
        st.setLong(3, target.subscriptionId());
      }
      st.setString(4, target.email());
      st.setString(5, target.userId());
      st.setString(6, now.toString());
      st.executeUpdate();
    }
  }

  static void deleteTokens(Tx c, Purpose purpose, String userId) throws SQLException {
    try (PreparedStatement st = c.prepare("DELETE FROM mail_tokens WHERE purpose = ? AND user_id = ?")) {
      st.setString(1, purpose.name());
      st.setString(2, userId);
      st.executeUpdate();
    }
  }

  /** The token's target, if the token was minted here for {@code purpose}. */
  public Optional<TokenTarget> token(String token, Purpose purpose) {
    if (!Tokens.wellFormed(token)) {
      return Optional.empty();
    }
    return store.query(w -> {
      try (PreparedStatement st = w.tx().prepare(
          "SELECT subscription_id, email, user_id FROM mail_tokens WHERE token_hash = ? AND purpose = ?")) {
        st.setString(1, Tokens.hash(token));
        st.setString(2, purpose.name());
        try (ResultSet rs = st.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          long sub = rs.getLong(1);
          Long subId = rs.wasNull() ? null : sub;
          return Optional.of(new TokenTarget(purpose, subId, rs.getString(2), rs.getString(3)));
        }
      }
    });
  }

  public Optional<Subscription> find(long id) {
    return store.query(w -> {
      try (PreparedStatement st = w.tx().prepare("SELECT " + COLUMNS + " FROM subscriptions WHERE id = ?")) {
        st.setLong(1, id);
        try (ResultSet rs = st.executeQuery()) {
          return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
      }
    });
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
        + " AND email NOT IN (SELECT email FROM suppressed_addresses) ORDER BY id", null);
  }

  /** Marks confirmed (once: a second click changes nothing). Returns false if it does not exist. */
  public boolean confirm(long id, Instant now) {
    return update("UPDATE subscriptions SET confirmed_at = COALESCE(confirmed_at, ?) WHERE id = ?", now, id);
  }

  /** Ends a subscription at once; nothing more is planned for it, and pending digests are dropped. */
  public boolean unsubscribe(long id, Instant now) {
    return store.write(w -> {
      try (PreparedStatement st = w.tx().prepare(
          "UPDATE outbox SET state = 'cancelled' WHERE subscription_id = ? AND state = 'pending' AND kind = 'digest'")) {
        st.setLong(1, id);
        st.executeUpdate();
      }
      try (PreparedStatement st = w.tx().prepare(
          "UPDATE subscriptions SET unsubscribed_at = COALESCE(unsubscribed_at, ?) WHERE id = ?")) {
        st.setString(1, now.toString());
        st.setLong(2, id);
        return st.executeUpdate() > 0;
      }
    });
  }

  /**
   * Deletes every subscription an account made, with its mail (sent or not), its tokens and the
   * record of papers mailed by it, and the account's private feed tokens. Other subscriptions of
   * the same address (made without logging in) stay.
   */
  public void forgetUser(String userId) {
    store.write(w -> {
      String subs = "SELECT id FROM subscriptions WHERE user_id = ?";
      for (String sql : new String[] {
          "DELETE FROM sent_papers WHERE outbox_id IN (SELECT id FROM outbox WHERE subscription_id IN (" + subs + "))",
          "DELETE FROM outbox WHERE subscription_id IN (" + subs + ")",
          "DELETE FROM mail_tokens WHERE subscription_id IN (" + subs + ")",
          "DELETE FROM mail_tokens WHERE user_id = ?",
          "DELETE FROM subscriptions WHERE user_id = ?"}) {
        try (PreparedStatement st = w.tx().prepare(sql)) {
          st.setString(1, userId);
          st.executeUpdate();
        }
      }
      return null;
    });
  }

  /** Stops all mail to an address after a permanent SMTP failure. */
  static void suppress(Tx c, String email, String reason, Instant now) throws SQLException {
    try (PreparedStatement st = c.prepare("INSERT INTO suppressed_addresses (email, reason, since)"
        + " VALUES (?, ?, ?) ON CONFLICT (email) DO NOTHING")) {
      st.setString(1, email);
      st.setString(2, reason.length() > 500 ? reason.substring(0, 500) : reason);
      st.setString(3, now.toString());
      st.executeUpdate();
    }
  }

  public Optional<String> suppressedReason(String email) {
    return store.query(w -> {
      try (PreparedStatement st = w.tx().prepare("SELECT reason FROM suppressed_addresses WHERE email = ?")) {
        st.setString(1, email);
        try (ResultSet rs = st.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
      }
    });
  }

  /** Advances a subscription's cursor; part of the transaction that plans its digest. */
  static void advance(Tx c, long id, Instant slot, LocalDate listed, long seq) throws SQLException {
    try (PreparedStatement st = c.prepare(
        "UPDATE subscriptions SET last_slot = ?, last_listed = ?, last_seq = ? WHERE id = ?")) {
      st.setString(1, slot.toString());
      st.setString(2, listed == null ? null : listed.toString());
      st.setLong(3, seq);
      st.setLong(4, id);
      st.executeUpdate();
    }
  }

  private boolean update(String sql, Instant now, long id) {
    return store.write(w -> {
      try (PreparedStatement st = w.tx().prepare(sql)) {
        st.setString(1, now.toString());
        st.setLong(2, id);
        return st.executeUpdate() > 0;
      }
    });
  }

  private List<Subscription> list(String sql, String arg) {
    return store.query(w -> {
      try (PreparedStatement st = w.tx().prepare(sql)) {
        if (arg != null) {
          st.setString(1, arg);
        }
        List<Subscription> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            out.add(read(rs));
          }
        }
        return out;
      }
    });
  }

  private static Subscription read(ResultSet rs) throws SQLException {
    Cadence cadence = new Cadence(Cadence.Frequency.parse(rs.getString("frequency")), rs.getInt("send_hour"),
        DayOfWeek.of(rs.getInt("weekday")), ZoneId.of(rs.getString("time_zone")));
    String listed = rs.getString("last_listed");
    return new Subscription(rs.getLong("id"), rs.getString("email"), rs.getString("user_id"),
        Topic.of(rs.getString("kind"), rs.getString("target")), cadence, instant(rs.getString("created_at")),
        instant(rs.getString("confirmed_at")), instant(rs.getString("unsubscribed_at")), instant(rs.getString("last_slot")),
        listed == null ? null : LocalDate.parse(listed), rs.getObject("last_seq") == null ? null : rs.getLong("last_seq"));
  }

  private static Instant instant(String s) {
    return s == null ? null : Instant.parse(s);
  }
}
