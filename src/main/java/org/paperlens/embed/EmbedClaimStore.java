package org.paperlens.embed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.paperlens.store.Database;

/**
 * Which process is embedding which papers (table {@code embed_claims}), so that several serve
 * processes on one catalogue embed each paper once: a process claims a batch before it runs the
 * model on it, renews the claim while it works and drops it when the batch is stored. A claim
 * that runs out (its holder was killed, or stalled past the lease) may be taken by any process.
 *
 * <p>A claim is one conditional upsert per paper, as the digest outbox claims a message: two
 * processes that race for a paper both write its row, and the row lock (PostgreSQL) or the write
 * lock (SQLite) lets the second see the first's claim and change nothing. Thread-safe (every call
 * is one transaction on {@code db}).
 */
public final class EmbedClaimStore {

  private final Database db;

  public EmbedClaimStore(Database db) {
    this.db = db;
  }

  /**
   * Claims for {@code owner}, until {@code until}, those of {@code papers} nobody else holds at
   * {@code now}; returns them, in the order given. A paper {@code owner} holds already is renewed.
   */
  public List<VectorStore.Stale> claim(List<VectorStore.Stale> papers, String owner, Instant now, Instant until) {
    if (papers.isEmpty()) {
      return List.of();
    }
    return db.transaction(tx -> {
      List<VectorStore.Stale> claimed = new ArrayList<>();
      for (VectorStore.Stale p : papers) {
        int n = tx.update("INSERT INTO embed_claims (paper_id, owner, until_ms) VALUES (?, ?, ?)"
            + " ON CONFLICT (paper_id) DO UPDATE SET owner = excluded.owner, until_ms = excluded.until_ms"
            + " WHERE embed_claims.until_ms <= ? OR embed_claims.owner = excluded.owner",
            p.id().value(), owner, until.toEpochMilli(), now.toEpochMilli());
        if (n == 1) {
          claimed.add(p);
        }
      }
      return claimed;
    });
  }

  /** Moves every claim of {@code owner} on to {@code until}; returns how many it holds still. */
  public int renew(String owner, Instant until) {
    return db.transaction(tx -> tx.update("UPDATE embed_claims SET until_ms = ? WHERE owner = ?", until.toEpochMilli(), owner));
  }

  /** Drops every claim of {@code owner}: its batch is stored (or given up). */
  public void release(String owner) {
    db.transaction(tx -> tx.update("DELETE FROM embed_claims WHERE owner = ?", owner));
  }

  /** Claims held by anyone at {@code now}, for tests and the status. */
  public long held(Instant now) {
    return db.transaction(tx -> tx.number("SELECT count(*) FROM embed_claims WHERE until_ms > ?", now.toEpochMilli()));
  }
}
