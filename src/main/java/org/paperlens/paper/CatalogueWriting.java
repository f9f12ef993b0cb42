package org.paperlens.paper;

import java.time.Instant;
import java.util.Optional;
import org.paperlens.store.Tx;

/**
 * The SQL of the catalogue's ingest bookkeeping (table {@code ingest_state}): checkpoints of long
 * work and the leases that let one process of several do it. Package-private; reached through
 * {@link CatalogueStore.Writer}.
 */
final class CatalogueWriting {

  private static final String LEASE = "lease:";
  private static final String OWNER_MARK = " by ";

  private CatalogueWriting() {}

  static Optional<String> state(Tx tx, String name) {
    return tx.text("SELECT value FROM ingest_state WHERE name = ?", name);
  }

  static void putState(Tx tx, String name, String value) {
    tx.update("INSERT INTO ingest_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        name, value);
  }

  /**
   * Takes the lease {@code name} for {@code owner} until {@code until}, if nobody holds it at
   * {@code now}. The stored value is the expiry (fixed-width, so it compares as text) and then
   * the owner, so only the owner renews or releases it. Returns whether it was taken.
   */
  static boolean takeLease(Tx tx, String name, String owner, Instant now, Instant until) {
    return tx.update("INSERT INTO ingest_state (name, value) VALUES (?, ?)"
        + " ON CONFLICT (name) DO UPDATE SET value = excluded.value WHERE ingest_state.value < ?",
        LEASE + name, leaseValue(until, owner), leaseTime(now)) == 1;
  }

  static boolean renewLease(Tx tx, String name, String owner, Instant until) {
    return tx.update("UPDATE ingest_state SET value = ? WHERE name = ? AND value LIKE ?",
        leaseValue(until, owner), LEASE + name, "%" + OWNER_MARK + owner) == 1;
  }

  private static String leaseValue(Instant until, String owner) {
    return leaseTime(until) + OWNER_MARK + owner;
  }

  /** Milliseconds, zero-padded: compared as text, they order as the instants do. */
  private static String leaseTime(Instant t) {
    return String.format("%015d", t.toEpochMilli());
  }
}
