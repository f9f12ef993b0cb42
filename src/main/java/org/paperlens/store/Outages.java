package org.paperlens.store;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Which databases this process cannot reach now, so an outage is logged once when it starts and
 * once when it ends, however many connections and transactions fail meanwhile (one process has
 * several {@link Database}s on one URL). Thread-safe.
 */
final class Outages {

  private static final Logger LOG = Logger.getLogger(Database.class.getName());
  private static final ConcurrentHashMap<String, Outage> OPEN = new ConcurrentHashMap<>();

  private record Outage(Instant since, AtomicLong failures) {}

  private Outages() {}

  /** A connection to {@code url} broke or could not be made. */
  static void failed(DatabaseUrl url, String cause) {
    Outage outage = OPEN.computeIfAbsent(url.toString(), u -> {
      LOG.warning(() -> "database " + url + " unreachable (" + cause + "); reconnecting by itself, "
          + "requests that need it are answered 503 meanwhile");
      return new Outage(Instant.now(), new AtomicLong());
    });
    outage.failures().incrementAndGet();
  }

  /** A transaction on {@code url} committed: ends its outage, if there was one. */
  static void succeeded(DatabaseUrl url) {
    if (OPEN.isEmpty()) {
      return; // the common case costs one read
    }
    Outage outage = OPEN.remove(url.toString());
    if (outage != null) {
      LOG.warning(() -> "database " + url + " reachable again after "
          + Duration.between(outage.since(), Instant.now()).toMillis() / 1000.0 + " s ("
          + outage.failures().get() + " failed attempts meanwhile)");
    }
  }

  /** Whether {@code url} is in an outage now (for status and readiness). */
  static boolean isDown(DatabaseUrl url) {
    return OPEN.containsKey(url.toString());
  }
}
