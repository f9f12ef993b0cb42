package org.paperlens.digest;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.PaperId;
import org.paperlens.store.Database;
import org.paperlens.store.Tx;

/**
 * The outbox and the papers already mailed (tables {@code outbox}, {@code sent_papers},
 * {@code sent_citations}): the only
 * class that speaks SQL about them. Each state change is its own committed transaction, which is
 * what makes a run killed at any point resumable (see {@link OutboxSender}); the static methods
 * taking a {@link Tx} run inside a caller's transaction (planning a digest, subscribing).
 */
public final class OutboxStore {

  private final Database db;

  public OutboxStore(Database db) {
    this.db = db;
  }

  /** The outbox on the catalogue's connection, where every command and the server keep it. */
  public OutboxStore(CatalogueStore catalogue) {
    this(catalogue.database());
  }

  /** Adds a planned message; returns its id, or -1 when one was already planned for that slot. */
  static long insert(Tx tx, OutboxMessage m, Instant now) {
    return tx.first("INSERT INTO outbox (subscription_id, slot, kind, email, message_id,"
        + " subject, text_body, html_body, unsubscribe_url, state, attempts, next_attempt_at, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)"
        + " ON CONFLICT (subscription_id, slot, kind) DO NOTHING RETURNING id", r -> r.getLong(1),
        m.subscriptionId(), m.slot(), m.kind(), m.email(), m.messageId(), m.subject(), m.textBody(), m.htmlBody(),
        m.unsubscribeUrl(), now.toString(), now.toString()).orElse(-1L);
  }

  static void recordPapers(Tx tx, String email, Collection<PaperId> papers, long outboxId) {
    tx.batch("INSERT INTO sent_papers (email, paper_id, outbox_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        papers.stream().map(id -> new Object[] {email, id.value(), outboxId}).toList());
  }

  /** Records the citing papers a citation alert carries, in the transaction that plans it. */
  static void recordCitations(Tx tx, String email, Collection<PaperId> citing, long outboxId) {
    tx.batch("INSERT INTO sent_citations (email, paper_id, outbox_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        citing.stream().map(id -> new Object[] {email, id.value(), outboxId}).toList());
  }

  /** Every citing paper already mailed (or planned) to each address by a citation alert. */
  public Map<String, Set<String>> sentCitations() {
    return db.transaction(tx -> {
      Map<String, Set<String>> out = new HashMap<>();
      tx.forEach("SELECT email, paper_id FROM sent_citations",
          r -> out.computeIfAbsent(r.getString(1), k -> new HashSet<>()).add(r.getString(2)));
      return out;
    });
  }

  /** Cancels the pending digests of a subscription that ended; part of the unsubscribing transaction. */
  static void cancelDigests(Tx tx, long subscriptionId) {
    tx.update("UPDATE outbox SET state = 'cancelled' WHERE subscription_id = ? AND state = 'pending' AND kind = 'digest'",
        subscriptionId);
  }

  /** Deletes every message of the subscriptions {@code subscriptions} selects (one parameter), with their mailed papers. */
  static void deleteOf(Tx tx, String subscriptions, Object arg) {
    tx.update("DELETE FROM sent_papers WHERE outbox_id IN (SELECT id FROM outbox WHERE subscription_id IN (" + subscriptions + "))", arg);
    tx.update("DELETE FROM sent_citations WHERE outbox_id IN (SELECT id FROM outbox WHERE subscription_id IN (" + subscriptions + "))", arg);
    tx.update("DELETE FROM outbox WHERE subscription_id IN (" + subscriptions + ")", arg);
  }

  /** Every paper already mailed (or planned) to each address, in one pass: what a run must not repeat. */
  public Map<String, Set<String>> sentPapers() {
    return db.transaction(tx -> {
      Map<String, Set<String>> out = new HashMap<>();
      tx.forEach("SELECT email, paper_id FROM sent_papers",
          r -> out.computeIfAbsent(r.getString(1), k -> new HashSet<>()).add(r.getString(2)));
      return out;
    });
  }

  /**
   * Messages due for an attempt: pending ones whose retry time has come, and any left in
   * {@code sending} by a process that died mid-conversation (see {@link OutboxSender} on that window).
   */
  public List<OutboxMessage> due(Instant now, int limit) {
    return db.transaction(tx -> tx.list("SELECT id, subscription_id, slot, kind, email,"
        + " message_id, subject, text_body, html_body, unsubscribe_url, state, attempts FROM outbox"
        + " WHERE state IN ('pending', 'sending') AND next_attempt_at <= ? ORDER BY id LIMIT ?",
        r -> new OutboxMessage(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5),
            r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10), r.getString(11), r.getInt(12)),
        now.toString(), limit));
  }

  /**
   * Claims a message for one SMTP conversation, committed before the conversation starts; false
   * when another process claimed it first (or it was cancelled). The claim holds until
   * {@code until}: a process killed mid-conversation leaves the message to whichever process runs
   * after that. Two senders on one database race in this one conditional UPDATE; the row lock
   * (PostgreSQL) or the write lock (SQLite) lets exactly one of them change the row.
   */
  boolean claim(long id, Instant now, Instant until) {
    return db.transaction(tx -> tx.update("UPDATE outbox SET state = 'sending', attempts = attempts + 1, next_attempt_at = ?"
        + " WHERE id = ? AND state IN ('pending', 'sending') AND next_attempt_at <= ?", until.toString(), id, now.toString()) == 1);
  }

  void markSent(long id, Instant now) {
    db.transaction(tx -> tx.update("UPDATE outbox SET state = 'sent', sent_at = ?, last_error = NULL WHERE id = ?", now.toString(), id));
  }

  /** A transient failure: back to pending, to be tried again at {@code next}. */
  void markRetry(long id, Instant next, String error) {
    db.transaction(tx -> tx.update("UPDATE outbox SET state = 'pending', next_attempt_at = ?, last_error = ? WHERE id = ?",
        next.toString(), error, id));
  }

  /**
   * A permanent failure: this message fails and, when the address itself was refused, the address is
   * suppressed and every other message waiting for it is cancelled, in one transaction.
   */
  void markFailed(long id, String email, String error, boolean suppressAddress, Instant now) {
    db.transaction(tx -> {
      tx.update("UPDATE outbox SET state = 'failed', last_error = ? WHERE id = ?", error, id);
      if (suppressAddress) {
        SubscriptionStore.suppress(tx, email, error, now);
        tx.update("UPDATE outbox SET state = 'cancelled' WHERE email = ? AND state = 'pending'", email);
      }
      return null;
    });
  }

  /** Whether a subscription may still receive its messages (it may have been cancelled since planning). */
  boolean stillWanted(OutboxMessage m) {
    return db.transaction(tx -> tx.text("SELECT state FROM outbox WHERE id = ?", m.id())
        .filter(s -> s.equals("pending") || s.equals("sending")).isPresent());
  }

  /** How many messages are in each state, for reports. */
  public Map<String, Long> countsByState() {
    return db.transaction(tx -> {
      Map<String, Long> out = new LinkedHashMap<>();
      tx.forEach("SELECT state, COUNT(*) FROM outbox GROUP BY state ORDER BY state", r -> out.put(r.getString(1), r.getLong(2)));
      return out;
    });
  }
}
