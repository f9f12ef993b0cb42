package org.paperlens.account;

import java.time.Clock;
import java.time.Duration;

/**
 * How often one client or account may do the things that cost the site (a password hash, a row
 * that lives on) or that an attacker repeats: log-ins that fail, sign-ups, new API tokens.
 *
 * @param logIns failed log-ins per account name and per client address
 * @param signUps sign-ups per client address
 * @param apiTokens new API tokens per account, from the account page and the API together
 */
public record AccountLimits(LoginThrottle logIns, RateLimit signUps, RateLimit apiTokens) {

  /**
   * What {@code paperlens serve} uses: 5 failed log-ins per name and 50 per address in 15 minutes;
   * 10 sign-ups per address and 10 API tokens per account an hour.
   */
  public static AccountLimits standard(Clock clock) {
    return new AccountLimits(new LoginThrottle(5, 50, Duration.ofMinutes(15), clock),
        new RateLimit(10, Duration.ofHours(1), clock), new RateLimit(10, Duration.ofHours(1), clock));
  }

  /**
   * The {@link #standard} limits for the site on {@code store}'s catalogue: counted in it when
   * several processes may share it ({@link LimitStore#shared}: PostgreSQL), in this process
   * otherwise; trusted-browser tokens signed with the site's stored key either way.
   */
  public static AccountLimits forCatalogue(Clock clock, LimitStore store) {
    Duration window = Duration.ofMinutes(15);
    java.util.function.BiFunction<String, Integer, RateLimit> limit = (name, max) -> store.shared()
        ? RateLimit.shared(name, max, name.startsWith("login") ? window : Duration.ofHours(1), clock, store)
        : new RateLimit(max, name.startsWith("login") ? window : Duration.ofHours(1), clock);
    LoginThrottle logIns = new LoginThrottle(limit.apply("login-name", 5), limit.apply("login-address", 50),
        limit.apply("login-device", 5), clock, store.siteKey("device"));
    return new AccountLimits(logIns, limit.apply("sign-up", 10), limit.apply("api-token", 10));
  }

  /** These limits with another allowance of sign-ups per address and hour (tests sign up many accounts from one address). */
  public AccountLimits withSignUpsPerHour(int max, Clock clock) {
    return new AccountLimits(logIns, new RateLimit(max, Duration.ofHours(1), clock), apiTokens);
  }
}
