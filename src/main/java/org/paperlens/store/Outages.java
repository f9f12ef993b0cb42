package org.paperlens.store;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Which databases this process cannot reach now, so an outage is logged once when it starts and
 * once when it ends, however many connections and transactions fail meanwhile (one process has
 * several {@link Database}s on one URL). Thread-safe.
 */
final class Outages {

  private static final Logger LOG = Logger.getLogger(Database.class.getName());
  private static final ConcurrentHashMap<String, Outage> STATES = new ConcurrentHashMap<>();
  /**
   * After an outage ends, each of the process's other connections still finds its own connection
   * broken on its next use (and replaces it at once): failures this soon after belong to the same
   * outage and are counted without another pair of lines.
   */
  private static final Duration SETTLING = Duration.ofSeconds(60);

  /** One database's state; guarded by itself. */
  private static final class Outage {
    Instant since;
    Instant ended;
    long failures;
    boolean open;
  }

  private Outages() {}

  /** A connection to {@code url} broke or could not be made. */
  static void failed(DatabaseUrl url, String cause) {
    Outage o = STATES.computeIfAbsent(url.toString(), u -> new Outage());
    synchronized (o) {
      Instant now = Instant.now();
      if (!o.open && (o.ended == null || o.ended.plus(SETTLING).isBefore(now))) {
        o.since = now;
        o.failures = 0;
        LOG.warning(() -> "database " + url + " unreachable (" + cause + "); reconnecting by itself, "
            + "requests that need it are answered 503 meanwhile");
      }
      o.open = true;
      o.failures++;
    }
  }

  /** A transaction on {@code url} committed: ends its outage, if there was one. */
  static void succeeded(DatabaseUrl url) {
    if (STATES.isEmpty()) {
      return; // the common case costs one read
    }
    Outage o = STATES.get(url.toString());
    if (o == null) {
      return;
    }
    synchronized (o) {
      if (!o.open) {
        return;
      }
      o.open = false;
      boolean first = o.ended == null || o.ended.isBefore(o.since);
      o.ended = Instant.now();
      if (first) {
        long failures = o.failures;
        double seconds = Duration.between(o.since, o.ended).toMillis() / 1000.0;
        LOG.warning(() -> "database " + url + " reachable again after " + seconds + " s (" + failures
            + " failed attempts meanwhile)");
      }
    }
  }

  /** Whether {@code url} is in an outage now (for status and readiness). */
  static boolean isDown(DatabaseUrl url) {
    Outage o = STATES.get(url.toString());
    if (o == null) {
      return false;
    }
    synchronized (o) {
      return o.open;
    }
  }
}
