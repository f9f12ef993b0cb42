package org.paperlens.digest;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.paperlens.account.RateLimit;

/**
 * Every subscribe sends a mail to an address someone typed: at most 5 per address and 20 per
 * client an hour, so the subscribe form cannot be used to flood someone's mailbox. Thread-safe.
 */
public final class SubscribeLimits {

  private final RateLimit perAddress;
  private final RateLimit perClient;

  public SubscribeLimits(Clock clock) {
    this.perAddress = new RateLimit(5, Duration.ofHours(1), clock);
    this.perClient = new RateLimit(20, Duration.ofHours(1), clock);
  }

  /** Counted in {@code store} when it is shared by several processes (PostgreSQL), else in this one. */
  public SubscribeLimits(Clock clock, org.paperlens.account.LimitStore store) {
    this.perAddress = store.shared() ? RateLimit.shared("subscribe-address", 5, Duration.ofHours(1), clock, store)
        : new RateLimit(5, Duration.ofHours(1), clock);
    this.perClient = store.shared() ? RateLimit.shared("subscribe-client", 20, Duration.ofHours(1), clock, store)
        : new RateLimit(20, Duration.ofHours(1), clock);
  }

  /**
   * Counts one confirmation mail to {@code address} asked for from {@code client}, in the same step
   * as the check (concurrent requests cannot all pass the check first); when over a limit, counts
   * nothing and says how long to wait.
   */
  public Optional<Duration> tryAcquire(String address, String client) {
    return RateLimit.tryAcquire(perAddress.key(address), perClient.key(client));
  }

  /** Gives back what {@link #tryAcquire} counted, when no mail was queued after all. */
  public void release(String address, String client) {
    perAddress.release(address);
    perClient.release(client);
  }
}
