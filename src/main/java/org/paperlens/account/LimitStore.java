package org.paperlens.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.paperlens.store.Database;
import org.paperlens.store.Dialect;

/**
 * What several serve processes on one catalogue must agree on to act as one site: the events
 * their rate limits count (table {@code rate_events}, one row an event until its window ends) and
 * the keys they sign with (table {@code site_keys}, made by the first process that needs one).
 *
 * <p>Checking a limit and counting an event is one transaction. On PostgreSQL it first takes a
 * transaction-scoped advisory lock on each key, in one order, so that concurrent attempts from any
 * process on one key queue instead of all passing the check; SQLite's write lock serialises them
 * anyway, but one process is the norm there and {@link AccountLimits#forCatalogue} counts in memory.
 */
public final class LimitStore {

  /** Expired events of every key are deleted once in this many checks; a key's own at each of its checks. */
  private static final int PURGE_EVERY = 200;

  private final Database db;
  private final AtomicLong checks = new AtomicLong();

  public LimitStore(Database db) {
    this.db = db;
  }

  /** Whether several processes may share this catalogue (PostgreSQL), so that limits must be counted in it. */
  public boolean shared() {
    return db.dialect() instanceof Dialect.Postgres;
  }

  /**
   * The site's key named {@code name}: made and stored by the first process to ask, read by every
   * later one (two processes asking at once store one and both read it).
   */
  public SiteKey siteKey(String name) {
    return db.transaction(tx -> {
      tx.update("INSERT INTO site_keys (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", name, SiteKey.newEncoded());
      return SiteKey.decode(tx.text("SELECT value FROM site_keys WHERE name = ?", name).orElseThrow());
    });
  }

  /** {@link RateLimit#tryAcquire(RateLimit.Key...)} for limits counted here. */
  Optional<Duration> tryAcquire(List<RateLimit.Key> keys, Instant now) {
    long at = now.toEpochMilli();
    boolean purge = checks.incrementAndGet() % PURGE_EVERY == 0;
    return db.transaction(tx -> {
      if (tx.dialect() instanceof Dialect.Postgres) {
        List<String> ordered = keys.stream().map(LimitStore::lockName).sorted(Comparator.naturalOrder()).toList();
        for (String k : ordered) {
          tx.number("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(?, 0))) locked", k);
        }
      }
      if (purge) {
        tx.update("DELETE FROM rate_events WHERE until_ms <= ?", at);
      }
      Optional<Duration> longest = Optional.empty();
      for (RateLimit.Key k : keys) {
        Optional<Duration> w = waitFor(tx, k, at);
        if (w.isPresent() && (longest.isEmpty() || w.get().compareTo(longest.get()) > 0)) {
          longest = w;
        }
      }
      if (longest.isEmpty()) {
        for (RateLimit.Key k : keys) {
          tx.update("INSERT INTO rate_events (name, key, at_ms, until_ms) VALUES (?, ?, ?, ?)",
              k.limit().name(), k.key(), at, at + k.limit().window().toMillis());
        }
      }
      return longest;
    });
  }

  Optional<Duration> waitFor(RateLimit.Key key, Instant now) {
    return db.transaction(tx -> waitFor(tx, key, now.toEpochMilli()));
  }

  /** Takes back the latest event of {@code key}. */
  void release(RateLimit.Key key) {
    db.transaction(tx -> tx.update("DELETE FROM rate_events WHERE id = (SELECT max(id) FROM rate_events WHERE name = ? AND key = ?)",
        key.limit().name(), key.key()));
  }

  void clear(RateLimit.Key key) {
    db.transaction(tx -> tx.update("DELETE FROM rate_events WHERE name = ? AND key = ?", key.limit().name(), key.key()));
  }

  private static Optional<Duration> waitFor(org.paperlens.store.Tx tx, RateLimit.Key k, long at) {
    String name = k.limit().name();
    tx.update("DELETE FROM rate_events WHERE name = ? AND key = ? AND until_ms <= ?", name, k.key(), at);
    long[] counted = tx.first("SELECT count(*), coalesce(min(until_ms), 0) FROM rate_events WHERE name = ? AND key = ?",
        r -> new long[] {r.getLong(1), r.getLong(2)}, name, k.key()).orElseThrow();
    if (counted[0] < k.limit().max()) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(Math.max(0, counted[1] - at)));
  }

  private static String lockName(RateLimit.Key k) {
    return "rate:" + k.limit().name() + "\n" + k.key();
  }
}
