package org.paperlens.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Limits failed log-in attempts: at most {@code maxFailures} per key (the account name, and
 * separately the client address) in a sliding {@code window}. In memory, which suits one server
 * process; a restart forgets, which only helps someone who can restart the server anyway.
 * Thread-safe. The map is bounded so a flood of distinct keys cannot exhaust memory.
 */
public final class LoginThrottle {

  private static final int MAX_KEYS = 100_000;
  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
      return size() > MAX_KEYS;
    }
  };

  public LoginThrottle(int maxFailures, Duration window, Clock clock) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock;
  }

  /** How long to wait before trying again, if any key is over its limit. */
  public synchronized Optional<Duration> blocked(String... keys) {
    Instant now = clock.instant();
    Duration longest = null;
    for (String key : keys) {
      Deque<Instant> q = failures.get(key);
      if (q == null) {
        continue;
      }
      q.removeIf(t -> t.plus(window).isBefore(now));
      if (q.size() >= maxFailures) {
        Duration wait = Duration.between(now, q.peekFirst().plus(window));
        if (longest == null || wait.compareTo(longest) > 0) {
          longest = wait;
        }
      }
    }
    return Optional.ofNullable(longest);
  }

  public synchronized void failed(String... keys) {
    Instant now = clock.instant();
    for (String key : keys) {
      failures.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
    }
  }

  public synchronized void succeeded(String... keys) {
    for (String key : keys) {
      failures.remove(key);
    }
  }
}
