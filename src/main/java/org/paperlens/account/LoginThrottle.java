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
 * Limits failed log-in attempts in a sliding {@code window}: at most {@code perName} for one
 * account name (guessing one person's password), and a larger {@code perAddress} for one client
 * address (trying many names from one place, without locking out a shared office address). In memory, which suits one server
 * process; a restart forgets, which only helps someone who can restart the server anyway.
 * Thread-safe. The map is bounded so a flood of distinct keys cannot exhaust memory.
 */
public final class LoginThrottle {

  private static final int MAX_KEYS = 100_000;
  private final int perName;
  private final int perAddress;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
      return size() > MAX_KEYS;
    }
  };

  public LoginThrottle(int perName, int perAddress, Duration window, Clock clock) {
    this.perName = perName;
    this.perAddress = perAddress;
    this.window = window;
    this.clock = clock;
  }

  /** How long to wait before trying again, if the name or the address is over its limit. */
  public Optional<Duration> blocked(String name, String address) {
    Optional<Duration> a = blocked(nameKey(name), perName);
    Optional<Duration> b = blocked(addressKey(address), perAddress);
    return a.isPresent() && (b.isEmpty() || a.get().compareTo(b.get()) >= 0) ? a : b;
  }

  public void failed(String name, String address) {
    record(nameKey(name), addressKey(address));
  }

  public synchronized void succeeded(String name) {
    failures.remove(nameKey(name));
  }

  private static String nameKey(String name) {
    return "name:" + (name == null ? "" : name.toLowerCase(java.util.Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }

  private synchronized Optional<Duration> blocked(String key, int maxFailures) {
    Instant now = clock.instant();
    Deque<Instant> q = failures.get(key);
    if (q == null) {
      return Optional.empty();
    }
    q.removeIf(t -> t.plus(window).isBefore(now));
    if (q.size() < maxFailures) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, q.peekFirst().plus(window)));
  }

  private synchronized void record(String... keys) {
    Instant now = clock.instant();
    for (String key : keys) {
      failures.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
    }
  }
}
