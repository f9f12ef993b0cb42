package org.paperlens.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Limits failed log-in attempts in a sliding {@code window}: at most {@code perName} for one
 * account name (guessing one person's password), and a larger {@code perAddress} for one client
 * address (trying many names from one place, without locking out a shared office address).
 *
 * <p>An attempt is counted as a failure before the password is checked ({@link #tryAttempt}) and
 * taken back when it succeeds ({@link #succeeded}): checking first and counting after the slow
 * password hash let a burst of concurrent guesses all through the check. Thread-safe.
 */
public final class LoginThrottle {

  private final RateLimit perName;
  private final RateLimit perAddress;

  public LoginThrottle(int perName, int perAddress, Duration window, Clock clock) {
    this.perName = new RateLimit(perName, window, clock);
    this.perAddress = new RateLimit(perAddress, window, clock);
  }

  /**
   * Claims one attempt for {@code name} from {@code address}, counted as a failure until
   * {@link #succeeded}; or, when either is at its limit, returns how long to wait (nothing counted).
   */
  public Optional<Duration> tryAttempt(String name, String address) {
    return RateLimit.tryAcquire(perName.key(nameKey(name)), perAddress.key(address));
  }

  /** The attempt was right: the name's failures are forgotten and the address's claim is taken back. */
  public void succeeded(String name, String address) {
    perName.clear(nameKey(name));
    perAddress.release(address);
  }

  private static String nameKey(String name) {
    return name == null ? "" : name.toLowerCase(Locale.ROOT);
  }
}
