package org.paperlens.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Limits failed log-in attempts in a sliding {@code window}: at most {@code perName} for one
 * account name (guessing one person's password), and {@code perAddress} for one client address
 * (trying one password on many names from one place).
 *
 * <p>Those two limits would let an attacker lock others out: a name anyone can fail five times,
 * and an address many people share (an office, a campus). So a browser that has logged in to a
 * name before carries a device token for it ({@link #deviceToken}, OWASP's "device cookie"), and
 * its attempts on that name count only against that token ({@code perName} per window), not
 * against the name or the address. Members keep getting in from their own browsers while a
 * stranger's attempts are locked out; a browser never used to log in from a locked-out address
 * waits, as before. Device tokens are signed with the site's key: kept in the catalogue, so every
 * serve process on it accepts a token another gave (or, in tests, made at start-up).
 *
 * <p>An attempt is counted as a failure before the password is checked ({@link #tryAttempt}) and
 * taken back when it succeeds ({@link #succeeded}): checking first and counting after the slow
 * password hash let a burst of concurrent guesses all through the check. Thread-safe.
 */
public final class LoginThrottle {

  /** How long a browser stays trusted for a name after logging in with it. */
  public static final Duration DEVICE_LIFETIME = Duration.ofDays(30);

  private final RateLimit perName;
  private final RateLimit perAddress;
  private final RateLimit perDevice;
  private final Clock clock;
  private final SiteKey deviceKey;

  /** Limits counted in this process, with a key of its own. */
  public LoginThrottle(int perName, int perAddress, Duration window, Clock clock) {
    this(new RateLimit(perName, window, clock), new RateLimit(perAddress, window, clock),
        new RateLimit(perName, window, clock), clock, SiteKey.random());
  }

  /** These limits (shared through the catalogue, or not) and this key for device tokens. */
  public LoginThrottle(RateLimit perName, RateLimit perAddress, RateLimit perDevice, Clock clock, SiteKey deviceKey) {
    this.perName = perName;
    this.perAddress = perAddress;
    this.perDevice = perDevice;
    this.clock = clock;
    this.deviceKey = deviceKey;
  }

  /**
   * Claims one attempt for {@code name} from {@code address}, counted as a failure until
   * {@link #succeeded}; or, when a limit is reached, returns how long to wait (nothing counted).
   *
   * @param device the device token the client sent, or null; one that is not valid for this name is ignored
   */
  public Optional<Duration> tryAttempt(String name, String address, String device) {
    if (trusted(device, name)) {
      return perDevice.tryAcquire(device);
    }
    return RateLimit.tryAcquire(perName.key(nameKey(name)), perAddress.key(address));
  }

  /** The attempt was right: the name's failures are forgotten and the attempt's claim is taken back. */
  public void succeeded(String name, String address, String device) {
    perName.clear(nameKey(name));
    if (trusted(device, name)) {
      perDevice.clear(device);
    } else {
      perAddress.release(address);
    }
  }

  /** A token that makes this browser trusted for {@code name} for {@link #DEVICE_LIFETIME}: give it after a right password. */
  public String deviceToken(String name) {
    long issued = clock.instant().getEpochSecond();
    return issued + "." + sign(nameKey(name), issued);
  }

  private boolean trusted(String token, String name) {
    if (token == null || name == null || token.length() > 100) {
      return false;
    }
    int dot = token.indexOf('.');
    if (dot < 1) {
      return false;
    }
    long issued;
    try {
      issued = Long.parseLong(token.substring(0, dot));
    } catch (NumberFormatException e) {
      return false;
    }
    long now = clock.instant().getEpochSecond();
    if (issued > now || now - issued > DEVICE_LIFETIME.toSeconds()) {
      return false;
    }
    return deviceKey.verifies(nameKey(name) + "\n" + issued, token.substring(dot + 1));
  }

  private String sign(String name, long issued) {
    return deviceKey.sign(name + "\n" + issued);
  }

  private static String nameKey(String name) {
    return name == null ? "" : name.toLowerCase(Locale.ROOT);
  }
}
