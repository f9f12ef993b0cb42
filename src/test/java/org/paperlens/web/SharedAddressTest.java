package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many people share one address (an office, a campus, a proxy): failed log-ins from it must not
 * lock all of them out. Members who logged in from their browser before keep getting in; behind
 * a trusted proxy, each forwarded client has its own limit.
 */
class SharedAddressTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture().withTrustedProxies(java.util.List.of("127.0.0.1"));

  static final String PASSWORD = "correct horse battery";

  /** Fifty wrong passwords for fifty names from {@code forwardedFor} (null: the proxy's own address). */
  static void lockOut(String forwardedFor, String prefix) {
    Browser attacker = web.browser();
    for (int i = 0; i < 50; i++) {
      HttpResponse<String> r = forwardedFor == null
          ? attacker.post("/login", Map.of("name", prefix + i, "password", "guess"))
          : attacker.postFrom(forwardedFor, "/login", Map.of("name", prefix + i, "password", "guess"));
      assertThat(r.statusCode()).isEqualTo(401);
    }
  }

  @Test
  void a_member_who_logged_in_here_before_gets_in_while_the_address_is_locked_out() {
    Browser member = web.browser().signUp("regular");
    assertThat(member.post("/logout", Map.of()).statusCode()).isEqualTo(303);
    lockOut(null, "nobody");
    assertThat(web.browser().post("/login", Map.of("name", "regular", "password", PASSWORD)).statusCode())
        .as("a browser never used to log in here").isEqualTo(429);
    assertThat(member.post("/login", Map.of("name", "regular", "password", PASSWORD)).statusCode()).isEqualTo(303);

    // An attacker who locks the member's own name out does not lock out the member's browser either.
    member.post("/logout", Map.of());
    Browser attacker = web.browser();
    for (int i = 0; i < 5; i++) {
      attacker.postFrom("10.9.9.9", "/login", Map.of("name", "regular", "password", "guess" + i));
    }
    assertThat(attacker.postFrom("10.9.9.9", "/login", Map.of("name", "regular", "password", PASSWORD)).statusCode()).isEqualTo(429);
    assertThat(member.post("/login", Map.of("name", "regular", "password", PASSWORD)).statusCode()).isEqualTo(303);
    assertThat(member.post("/login", Map.of("name", "someone-else", "password", PASSWORD)).statusCode())
        .as("the browser is trusted for its own name only").isEqualTo(429);
  }

  @Test
  void behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit() {
    web.browser().signUp("commuter");
    lockOut("198.51.100.7", "ghost");
    assertThat(web.browser().postFrom("198.51.100.7", "/login", Map.of("name", "commuter", "password", PASSWORD)).statusCode())
        .isEqualTo(429);
    assertThat(web.browser().postFrom("198.51.100.8", "/login", Map.of("name", "commuter", "password", PASSWORD)).statusCode())
        .isEqualTo(303);
    // A client cannot pick its own address: only the entry the trusted proxy appended counts.
    assertThat(web.browser().postFrom("203.0.113.1, 198.51.100.7", "/login", Map.of("name", "commuter", "password", PASSWORD))
        .statusCode()).isEqualTo(429);
  }
}
