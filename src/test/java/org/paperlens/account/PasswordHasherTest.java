package org.paperlens.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  @Test
  void the_default_hash_is_argon2id_with_owasp_parameters_and_a_fresh_salt() {
    String a = PasswordHasher.DEFAULT.hash("correct horse battery");
    String b = PasswordHasher.DEFAULT.hash("correct horse battery");
    assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(b);
    assertThat(PasswordHasher.DEFAULT.verify("correct horse battery", a)).isTrue();
    assertThat(PasswordHasher.DEFAULT.verify("correct horse batterY", a)).isFalse();
  }

  @Test
  void hashes_made_with_other_parameters_still_verify_and_garbage_never_does() {
    String cheap = new PasswordHasher(1024, 1, 1).hash("pw123456");
    assertThat(PasswordHasher.DEFAULT.verify("pw123456", cheap)).isTrue();
    assertThat(PasswordHasher.DEFAULT.verify("pw123456", "$argon2id$v=19$m=x$y$z")).isFalse();
    assertThat(PasswordHasher.DEFAULT.verify("pw123456", "plain")).isFalse();
  }

  @Test
  void the_throttle_blocks_after_the_limit_and_forgets_after_the_window() {
    Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
    Clock clock = new Clock() {
      @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(java.time.ZoneId zone) { return this; }
      @Override public Instant instant() { return now[0]; }
    };
    LoginThrottle t = new LoginThrottle(3, 5, Duration.ofMinutes(10), clock);
    for (int i = 0; i < 3; i++) {
      assertThat(t.blocked("ann", "1.2.3.4")).isEmpty();
      t.failed("ann", "1.2.3.4");
    }
    assertThat(t.blocked("ann", "5.6.7.8")).contains(Duration.ofMinutes(10));
    assertThat(t.blocked("bob", "1.2.3.4")).isEmpty();
    t.failed("bob", "1.2.3.4");
    t.failed("cy", "1.2.3.4");
    assertThat(t.blocked("dee", "1.2.3.4")).isPresent();
    now[0] = now[0].plus(Duration.ofMinutes(11));
    assertThat(t.blocked("ann", "1.2.3.4")).isEmpty();
  }
}
