package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sign-ups per address and API tokens per account are rate-limited (429 with Retry-After). */
class SignUpAndTokenLimitsTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture().withAccountLimits(org.paperlens.account.AccountLimits::standard);

  @Test
  void one_address_can_sign_up_ten_accounts_an_hour() {
    for (int i = 0; i < 10; i++) {
      web.browser().signUp("sockpuppet" + i);
    }
    HttpResponse<String> eleventh = web.browser().post("/signup", Map.of("name", "sockpuppet10", "password", "correct horse battery"));
    assertThat(eleventh.statusCode()).isEqualTo(429);
    assertThat(eleventh.headers().firstValue("Retry-After")).isPresent();
    assertThat(eleventh.body()).contains("too many sign-ups");
    assertThat(web.browser().post("/login", Map.of("name", "sockpuppet10", "password", "correct horse battery")).statusCode())
        .as("the account was not made").isEqualTo(401);
  }

  @Test
  void one_account_can_make_ten_api_tokens_an_hour_by_form_or_api() {
    // Made directly, not through the sign-up form, which the other test may have used up.
    new org.paperlens.account.AccountStore(web.db, new org.paperlens.account.PasswordHasher(1024, 1, 1), java.time.Clock.systemUTC())
        .signUp("tokenhoarder", "correct horse battery");
    Browser b = web.browser();
    assertThat(b.post("/login", Map.of("name", "tokenhoarder", "password", "correct horse battery")).statusCode()).isEqualTo(303);
    for (int i = 0; i < 5; i++) {
      assertThat(b.post("/account/tokens", Map.of("label", "form" + i)).statusCode()).isEqualTo(200);
    }
    String login = "{\"name\":\"tokenhoarder\",\"password\":\"correct horse battery\"}";
    for (int i = 0; i < 5; i++) {
      assertThat(web.browser().api("POST", "/api/v1/tokens", login).statusCode()).isEqualTo(201);
    }
    HttpResponse<String> api = web.browser().api("POST", "/api/v1/tokens", login);
    assertThat(api.statusCode()).isEqualTo(429);
    assertThat(api.headers().firstValue("Retry-After")).isPresent();
    HttpResponse<String> form = b.post("/account/tokens", Map.of("label", "one more"));
    assertThat(form.statusCode()).isEqualTo(429);
    assertThat(b.get("/account").body().split("action=\"/account/tokens/revoke\"", -1)).hasSize(11);
  }
}
