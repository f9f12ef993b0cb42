package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What accounts younger than the configured age do counts nowhere in trending yet: with no voter
 * old enough, the site shows new and notable, which counts it openly as a reason.
 */
class NewAccountsTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture().withNewAccountAge(Duration.ofHours(24));

  @Test
  void a_brand_new_accounts_upvote_does_not_move_trending_and_the_rule_is_published() {
    Browser b = web.browser().signUp("freshface");
    assertThat(b.post("/papers/2401.00104/vote", Map.of()).statusCode()).isEqualTo(303);
    assertThat(b.get("/api/v1/papers/2401.00104").body()).contains("\"upvotes\":1");
    // Trending would be empty; the site shows new and notable instead, where the upvote is a stated reason.
    com.fasterxml.jackson.databind.JsonNode day = Browser.json(b.get("/api/v1/trending?window=day"));
    assertThat(day.get("list").asText()).isEqualTo("new-and-notable");
    assertThat(day.get("voters").asInt()).isZero();
    assertThat(day.toString()).contains("\"reasons\":[\"upvoted by 1 member\"]");
    assertThat(Browser.json(b.get("/api/v1/trending")).get("minAccountAgeHours").asInt()).isEqualTo(24);
    assertThat(b.get("/trending").body()).contains("New and notable this week", "Trending starts once 1 member votes in the week; 0 so far.");
  }
}
