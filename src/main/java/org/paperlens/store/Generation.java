package org.paperlens.store;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A number that grows whenever a store's data changes, in this process at once and in another
 * process on the same database within about a second: what caches of rankings and graphs key on.
 * Two parts, both only growing, so their sum never repeats: a count of this process's changes,
 * and the database's one-row counter table ({@code id = 1, value}), bumped by every writer inside
 * its change's transaction and read at most once per {@link #SHARED_READ_EVERY_NANOS}.
 */
public final class Generation {

  private static final long SHARED_READ_EVERY_NANOS = 1_000_000_000L;

  private final Database db;
  private final String counter;
  private final AtomicLong local = new AtomicLong();
  private final AtomicLong shared = new AtomicLong();
  private volatile long sharedReadAt;
  private volatile boolean sharedRead;

  /** {@code counter} is the name of a one-row counter table of this database (a constant of the store, never input). */
  public Generation(Database db, String counter) {
    this.db = db;
    this.counter = counter;
  }

  /** Bumps the shared counter inside the change's own transaction, so the two commit together. */
  public void bump(Tx tx) {
    tx.update("UPDATE " + counter + " SET value = value + 1 WHERE id = 1");
  }

  /** Counts a change of this process, once its transaction has committed. */
  public void changed() {
    local.incrementAndGet();
  }

  /** Runs {@code work} in one transaction with the shared counter's bump, then counts the change. */
  public <T> T change(Database.Work<T> work) {
    T result = db.transaction(tx -> {
      T r = work.run(tx);
      bump(tx);
      return r;
    });
    changed();
    return result;
  }

  public long get() {
    long now = System.nanoTime();
    if (!sharedRead || now - sharedReadAt > SHARED_READ_EVERY_NANOS) {
      long read = db.transaction(tx -> tx.number("SELECT value FROM " + counter + " WHERE id = 1"));
      shared.accumulateAndGet(read, Math::max); // a slower reader's older value never goes back
      sharedReadAt = now;
      sharedRead = true;
    }
    return local.get() + shared.get();
  }
}
