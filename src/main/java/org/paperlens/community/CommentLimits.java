package org.paperlens.community;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.paperlens.account.Account;
import org.paperlens.account.RateLimit;

/**
 * How often a member may write comments (new ones and edits): 10 in 10 minutes and 60 a day per
 * account, so one member cannot flood a page. Both the page's forms and the API count here. Thread-safe.
 */
public final class CommentLimits {

  private final RateLimit burst;
  private final RateLimit daily;

  public CommentLimits(Clock clock) {
    this.burst = new RateLimit(10, Duration.ofMinutes(10), clock);
    this.daily = new RateLimit(60, Duration.ofDays(1), clock);
  }

  /** Counts one comment of {@code member}; when over a limit, counts nothing and says how long to wait. */
  public Optional<Duration> tryAcquire(Account member) {
    String key = Long.toString(member.id());
    return RateLimit.tryAcquire(burst.key(key), daily.key(key));
  }
}
