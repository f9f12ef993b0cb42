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
      assertThat(t.tryAttempt("ann", "1.2.3.4")).isEmpty(); // wrong password: stays counted
    }
    assertThat(t.tryAttempt("Ann", "5.6.7.8")).as("names ignore case").contains(Duration.ofMinutes(10));
    assertThat(t.tryAttempt("bob", "1.2.3.4")).isEmpty();
    assertThat(t.tryAttempt("cy", "1.2.3.4")).isEmpty();
    assertThat(t.tryAttempt("dee", "1.2.3.4")).as("the address is at 5").isPresent();
    clock.now = clock.now.plus(Duration.ofMinutes(11));
    assertThat(t.tryAttempt("ann", "1.2.3.4")).isEmpty();
  }

  @Test
  void a_successful_log_in_takes_back_its_attempt_and_clears_the_name() {
    LoginThrottle t = new LoginThrottle(2, 2, Duration.ofMinutes(10), new RateLimitTest.MovableClock());
    assertThat(t.tryAttempt("ann", "1.2.3.4")).isEmpty();
    t.succeeded("ann", "1.2.3.4");
    assertThat(t.tryAttempt("ann", "1.2.3.4")).isEmpty();
    t.succeeded("ann", "1.2.3.4");
    assertThat(t.tryAttempt("ann", "1.2.3.4")).isEmpty();
    assertThat(t.tryAttempt("ann", "1.2.3.4")).as("two failures now").isEmpty();
    assertThat(t.tryAttempt("ann", "1.2.3.4")).isPresent();
  }
}
