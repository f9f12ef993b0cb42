package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperlens.digest.SubscriptionStore;

/** Changing the password and the e-mail address, and deleting an account with its data, through the real server. */
class AccountChangesTest {

  static SubscriptionStore subscriptions;

  @RegisterExtension
  static final WebFixture web = new WebFixture(() -> WebFixture.mailLinkingTo("http://paperlens.test"),
      root -> subscriptions = new SubscriptionStore(root.catalogue()));

  private static final String PASSWORD = "correct horse battery";

  @Test
  void a_new_password_logs_in_the_old_one_no_longer_and_other_sessions_end() {
    Browser laptop = web.browser().signUp("changer");
    Browser phone = web.browser();
    phone.post("/login", Map.of("name", "changer", "password", PASSWORD));
    assertThat(phone.get("/account").statusCode()).isEqualTo(200);

    HttpResponse<String> wrong = laptop.post("/account/password", Map.of("current", "not it at all", "password", "a brand new secret"));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("data-testid=\"account-error\"");
    HttpResponse<String> ok = laptop.post("/account/password", Map.of("current", PASSWORD, "password", "a brand new secret"));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("Your password is changed");

    assertThat(laptop.get("/account").statusCode()).isEqualTo(200);
    assertThat(phone.get("/account").statusCode()).isEqualTo(303); // logged out: back to the log-in form
    assertThat(web.browser().post("/login", Map.of("name", "changer", "password", PASSWORD)).statusCode()).isEqualTo(401);
    assertThat(web.browser().post("/login", Map.of("name", "changer", "password", "a brand new secret")).statusCode()).isEqualTo(303);
  }

  @Test
  void the_e_mail_address_is_set_checked_shown_in_the_api_prefilled_in_digests_and_removed() {
    Browser b = web.browser().signUp("mailer");
    assertThat(b.post("/account/email", Map.of("email", "not an address")).statusCode()).isEqualTo(400);
    assertThat(b.post("/account/email", Map.of("email", "Mailer@Example.org")).body()).contains("is now mailer@example.org");
    assertThat(b.get("/subscriptions").body()).contains("value=\"mailer@example.org\"");
    JsonNode me = Browser.json(b.api("GET", "/api/v1/me", null));
    assertThat(me.get("email").asText()).isEqualTo("mailer@example.org");
    HttpResponse<String> removed = b.api("PUT", "/api/v1/me/email", "{\"email\":null}", "X-CSRF-Token", b.csrf());
    assertThat(Browser.json(removed).get("email").isNull()).isTrue();
  }

  @Test
  void deleting_an_account_takes_its_votes_library_and_subscriptions_with_it_and_frees_the_name() {
    Browser b = web.browser().signUp("leaver");
    b.post("/papers/2401.00104/vote", Map.of("action", "up"));
    b.post("/papers/2401.00104/save", Map.of("tags", "gone"));
    assertThat(b.post("/subscriptions", Map.of("email", "leaver@example.org", "kind", "author", "target", "Lena Müller")).statusCode()).isEqualTo(200);
    assertThat(subscriptions.byEmail("leaver@example.org")).hasSize(1);
    JsonNode before = Browser.json(web.browser().get("/api/v1/papers/2401.00104"));
    assertThat(before.get("upvotes").asInt()).isPositive();

    assertThat(b.post("/account/delete", Map.of("password", "wrong password")).statusCode()).isEqualTo(401);
    HttpResponse<String> gone = b.post("/account/delete", Map.of("password", PASSWORD));
    assertThat(gone.statusCode()).isEqualTo(200);
    assertThat(gone.body()).contains("is deleted");

    JsonNode after = Browser.json(web.browser().get("/api/v1/papers/2401.00104"));
    assertThat(after.get("upvotes").asInt()).isEqualTo(before.get("upvotes").asInt() - 1);
    assertThat(after.get("saves").asInt()).isEqualTo(before.get("saves").asInt() - 1);
    assertThat(b.get("/account").statusCode()).isEqualTo(303);
    assertThat(subscriptions.byEmail("leaver@example.org")).isEmpty();
    web.browser().signUp("leaver"); // the name is free again, and nothing of the old account comes with it
  }

  @Test
  void the_api_deletes_the_callers_account_after_its_password() {
    Browser b = web.browser().signUp("apileaver");
    String token = Browser.json(b.api("POST", "/api/v1/tokens", "{\"name\":\"apileaver\",\"password\":\"" + PASSWORD + "\"}")).get("token").asText();
    assertThat(b.api("DELETE", "/api/v1/me", "{\"password\":\"nope nope nope\"}", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
    assertThat(b.api("PUT", "/api/v1/me/password", "{\"current\":\"" + PASSWORD + "\",\"password\":\"short\"}",
        "Authorization", "Bearer " + token).statusCode()).isEqualTo(400);
    assertThat(b.api("DELETE", "/api/v1/me", "{\"password\":\"" + PASSWORD + "\"}", "Authorization", "Bearer " + token).statusCode()).isEqualTo(204);
    assertThat(b.api("GET", "/api/v1/me", null, "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
  }
}
