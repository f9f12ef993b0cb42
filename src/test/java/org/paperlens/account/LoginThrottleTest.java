package org.paperlens.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  @Test
  void the_throttle_blocks_after_the_limit_and_forgets_after_the_window() {
    RateLimitTest.MovableClock clock = new RateLimitTest.MovableClock();
    LoginThrottle t = new LoginThrottle(3, 5, Duration.ofMinutes(10), clock);
    for (int i = 0; i < 3; i++) {
      assertThat(t.tryAttempt("ann", "1.2.3.4", null)).isEmpty(); // wrong password: stays counted
    }
    assertThat(t.tryAttempt("Ann", "5.6.7.8", null)).as("names ignore case").contains(Duration.ofMinutes(10));
    assertThat(t.tryAttempt("bob", "1.2.3.4", null)).isEmpty();
    assertThat(t.tryAttempt("cy", "1.2.3.4", null)).isEmpty();
    assertThat(t.tryAttempt("dee", "1.2.3.4", null)).as("the address is at 5").isPresent();
    clock.now = clock.now.plus(Duration.ofMinutes(11));
    assertThat(t.tryAttempt("ann", "1.2.3.4", null)).isEmpty();
  }

  @Test
  void a_successful_log_in_takes_back_its_attempt_and_clears_the_name() {
    LoginThrottle t = new LoginThrottle(2, 2, Duration.ofMinutes(10), new RateLimitTest.MovableClock());
    assertThat(t.tryAttempt("ann", "1.2.3.4", null)).isEmpty();
    t.succeeded("ann", "1.2.3.4", null);
    assertThat(t.tryAttempt("ann", "1.2.3.4", null)).isEmpty();
    t.succeeded("ann", "1.2.3.4", null);
    assertThat(t.tryAttempt("ann", "1.2.3.4", null)).isEmpty();
    assertThat(t.tryAttempt("ann", "1.2.3.4", null)).as("two failures now").isEmpty();
    assertThat(t.tryAttempt("ann", "1.2.3.4", null)).isPresent();
  }

  @Test
  void a_device_token_counts_apart_from_the_name_and_the_address_for_its_own_name_only() {
    RateLimitTest.MovableClock clock = new RateLimitTest.MovableClock();
    LoginThrottle t = new LoginThrottle(2, 2, Duration.ofMinutes(10), clock);
    String device = t.deviceToken("Ann");
    t.tryAttempt("ann", "1.2.3.4", null);
    t.tryAttempt("ann", "1.2.3.4", null);
    assertThat(t.tryAttempt("ann", "1.2.3.4", null)).as("name and address locked").isPresent();
    assertThat(t.tryAttempt("ann", "1.2.3.4", device)).isEmpty();
    assertThat(t.tryAttempt("ann", "1.2.3.4", device)).isEmpty();
    assertThat(t.tryAttempt("ann", "1.2.3.4", device)).as("the device has its own limit").isPresent();
    assertThat(t.tryAttempt("bob", "9.9.9.9", device)).as("not a device of bob's: counted as a stranger").isEmpty();
    assertThat(t.tryAttempt("ann", "1.2.3.4", device.substring(0, device.length() - 1) + "x")).as("forged").isPresent();
    clock.now = clock.now.plus(LoginThrottle.DEVICE_LIFETIME).plusSeconds(1);
    assertThat(t.tryAttempt("ann", "1.2.3.4", null)).isEmpty();
    assertThat(t.tryAttempt("ann", "1.2.3.4", null)).isEmpty();
    assertThat(t.tryAttempt("ann", "1.2.3.4", device)).as("expired: a stranger again").isPresent();
  }
}
