package org.paperlens.account;

import static org.assertj.core.api.Assertions.assertThat;

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
}
