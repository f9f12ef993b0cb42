package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What accounts younger than the configured age do shows nowhere in trending yet, and the page says so. */
class NewAccountsTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture().withNewAccountAge(Duration.ofHours(24));

  @Test
  void a_brand_new_accounts_upvote_does_not_move_trending_and_the_rule_is_published() {
    Browser b = web.browser().signUp("freshface");
    assertThat(b.post("/papers/2401.00104/vote", Map.of()).statusCode()).isEqualTo(303);
    assertThat(b.get("/api/v1/papers/2401.00104").body()).contains("\"upvotes\":1");
    assertThat(Browser.json(b.get("/api/v1/trending?window=day")).get("papers")).isEmpty();
    assertThat(Browser.json(b.get("/api/v1/trending")).get("minAccountAgeHours").asInt()).isEqualTo(24);
    assertThat(b.get("/trending").body()).contains("Only accounts at least 24 h old count");
  }
}
