package org.paperlens.digest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.PaperId;
import org.paperlens.store.Tx;

/**
 * The outbox and the papers already mailed (tables {@code outbox}, {@code sent_papers}): the only
 * class that speaks SQL about them. Each state change is its own committed transaction, which is
 * what makes a run killed at any point resumable (see {@link OutboxSender}).
 */
public final class OutboxStore {

  private final CatalogueStore store;

  public OutboxStore(CatalogueStore store) {
    this.store = store;
  }

  /** Adds a planned message; returns its id, or -1 when one was already planned for that slot. */
  static long insert(Tx c, OutboxMessage m, Instant now) throws SQLException {
    try (PreparedStatement st = c.prepare("INSERT INTO outbox (subscription_id, slot, kind, email, message_id,"
        + " subject, text_body, html_body, unsubscribe_url, state, attempts, next_attempt_at, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)"
        + " ON CONFLICT (subscription_id, slot, kind) DO NOTHING RETURNING id")) {
      st.setLong(1, m.subscriptionId());
      st.setString(2, m.slot());
      st.setString(3, m.kind());
      st.setString(4, m.email());
      st.setString(5, m.messageId());
      st.setString(6, m.subject());
      st.setString(7, m.textBody());
      st.setString(8, m.htmlBody());
      st.setString(9, m.unsubscribeUrl());
      st.setString(10, now.toString());
      st.setString(11, now.toString());
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
  }

  static void recordPapers(Tx c, String email, Collection<PaperId> papers, long outboxId) throws SQLException {
    try (PreparedStatement st = c.prepare(
        "INSERT INTO sent_papers (email, paper_id, outbox_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
      for (PaperId id : papers) {
        st.setString(1, email);
        st.setString(2, id.value());
        st.setLong(3, outboxId);
        st.addBatch();
      }
      st.executeBatch();
    }
  }

  /** Every paper already mailed (or planned) to each address, in one pass: what a run must not repeat. */
  public Map<String, Set<String>> sentPapers() {
    return store.query(w -> {
      Map<String, Set<String>> out = new java.util.HashMap<>();
      try (PreparedStatement st = w.tx().prepare("SELECT email, paper_id FROM sent_papers");
          ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
        }
      }
      return out;
    });
  }

  /**
   * Messages due for an attempt: pending ones whose retry time has come, and any left in
   * {@code sending} by a process that died mid-conversation (see {@link OutboxSender} on that window).
   */
  public List<OutboxMessage> due(Instant now, int limit) {
    return store.query(w -> {
      try (PreparedStatement st = w.tx().prepare("SELECT id, subscription_id, slot, kind, email,"
          + " message_id, subject, text_body, html_body, unsubscribe_url, state, attempts FROM outbox"
          + " WHERE state IN ('pending', 'sending') AND next_attempt_at <= ? ORDER BY id LIMIT ?")) {
        st.setString(1, now.toString());
        st.setInt(2, limit);
        List<OutboxMessage> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            out.add(new OutboxMessage(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getInt(12)));
          }
        }
        return out;
      }
    });
  }

  /**
   * Claims a message for one SMTP conversation, committed before the conversation starts; false
   * when another process claimed it first (or it was cancelled). The claim holds until
   * {@code until}: a process killed mid-conversation leaves the message to whichever process runs
   * after that. Two senders on one database race in this one conditional UPDATE; the row lock
   * (PostgreSQL) or the write lock (SQLite) lets exactly one of them change the row.
   */
  boolean claim(long id, Instant now, Instant until) {
    return store.write(w -> w.tx().update("UPDATE outbox SET state = 'sending', attempts = attempts + 1, next_attempt_at = ?"
        + " WHERE id = ? AND state IN ('pending', 'sending') AND next_attempt_at <= ?", until.toString(), id, now.toString()) == 1);
  }

  void markSent(long id, Instant now) {
    store.write(w -> {
      try (PreparedStatement st = w.tx().prepare(
          "UPDATE outbox SET state = 'sent', sent_at = ?, last_error = NULL WHERE id = ?")) {
        st.setString(1, now.toString());
        st.setLong(2, id);
        return st.executeUpdate();
      }
    });
  }

  /** A transient failure: back to pending, to be tried again at {@code next}. */
  void markRetry(long id, Instant next, String error) {
    store.write(w -> {
      try (PreparedStatement st = w.tx().prepare(
          "UPDATE outbox SET state = 'pending', next_attempt_at = ?, last_error = ? WHERE id = ?")) {
        st.setString(1, next.toString());
        st.setString(2, error);
        st.setLong(3, id);
        return st.executeUpdate();
      }
    });
  }

  /**
   * A permanent failure: this message fails and, when the address itself was refused, the address is
   * suppressed and every other message waiting for it is cancelled, in one transaction.
   */
  void markFailed(long id, String email, String error, boolean suppressAddress, Instant now) {
    store.write(w -> {
      Tx c = w.tx();
      try (PreparedStatement st = c.prepare("UPDATE outbox SET state = 'failed', last_error = ? WHERE id = ?")) {
        st.setString(1, error);
        st.setLong(2, id);
        st.executeUpdate();
      }
      if (suppressAddress) {
        SubscriptionStore.suppress(c, email, error, now);
        try (PreparedStatement st = c.prepare(
            "UPDATE outbox SET state = 'cancelled' WHERE email = ? AND state = 'pending'")) {
          st.setString(1, email);
          st.executeUpdate();
        }
      }
      return null;
    });
  }

  /** Whether a subscription may still receive its messages (it may have been cancelled since planning). */
  boolean stillWanted(OutboxMessage m) {
    return store.query(w -> {
      try (PreparedStatement st = w.tx().prepare("SELECT state FROM outbox WHERE id = ?")) {
        st.setLong(1, m.id());
        try (ResultSet rs = st.executeQuery()) {
          return rs.next() && (rs.getString(1).equals("pending") || rs.getString(1).equals("sending"));
        }
      }
    });
  }

  /** How many messages are in each state, for reports. */
  public Map<String, Long> countsByState() {
    return store.query(w -> {
      Map<String, Long> out = new LinkedHashMap<>();
      try (PreparedStatement st = w.tx().prepare(
          "SELECT state, COUNT(*) FROM outbox GROUP BY state ORDER BY state");
          ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
      return out;
    });
  }

}
