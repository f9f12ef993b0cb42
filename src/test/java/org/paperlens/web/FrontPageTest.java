package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A fresh install (no member old enough to count, fewer voters than trending asks for) never shows
 * an empty front page: the home page, trending, its feed and the API show "New and notable", each
 * paper with its reasons, and say why; once enough members vote, trending is back.
 */
class FrontPageTest {

  /** As the README's run command leaves a site: 24-hour account age, 20 voters for trending. */
  @RegisterExtension
  static final WebFixture fresh = new WebFixture(() -> WebFixture.mailLinkingTo("http://127.0.0.1"))
      .withNewAccountAge(Duration.ofHours(24)).withTrendingMinVoters(20);

  /** A site that asks for two voters, whose accounts count at once. */
  @RegisterExtension
  static final WebFixture small = new WebFixture().withTrendingMinVoters(2);

  @Test
  void the_home_page_of_a_fresh_install_opens_with_new_and_notable_papers_and_their_reasons() {
    Browser b = fresh.browser();
    HttpResponse<String> home = b.get("/");
    assertThat(home.headers().firstValue("Location")).hasValue("/daily");
    String page = b.get("/daily").body();
    assertThat(page).contains("data-testid=\"front-list\"", "<h2 id=\"front-title\">New and notable</h2>",
        "Trending starts once 20 members vote in the week; 0 so far.");
    assertThat(page).contains("data-testid=\"front-item\" data-paper-id=\"2401.00110\"",
        "in the newest listing (2024-03-15) \u00b7 has code");
  }

  @Test
  void the_trending_page_of_a_fresh_install_is_new_and_notable_and_never_empty() {
    String page = fresh.browser().get("/trending").body();
    assertThat(page).contains("<h1 id=\"page-title\">New and notable this week</h1>", "How “New and notable” is ranked",
        "data-paper-id=\"2401.00110\"", "has code");
    assertThat(page).doesNotContain("data-testid=\"empty\"", "How trending is computed", "Trending this week");
    // The month reaches back to 2024-02-15: four listing days' papers.
    assertThat(fresh.browser().get("/trending?window=month").body()).contains("data-paper-id=\"2401.00107\"",
        "data-paper-id=\"2401.00108\"", "data-paper-id=\"2401.00109\"", "listed 2024-03-01");
  }

  @Test
  void the_api_says_which_list_it_is_why_and_why_each_paper_is_on_it() {
    JsonNode t = Browser.json(fresh.browser().get("/api/v1/trending"));
    assertThat(t.get("list").asText()).isEqualTo("new-and-notable");
    assertThat(t.get("label").asText()).isEqualTo("New and notable");
    assertThat(t.get("voters").asInt()).isZero();
    assertThat(t.get("minVoters").asInt()).isEqualTo(20);
    assertThat(t.get("why").asText()).contains("Trending starts once 20 members vote in the week");
    assertThat(t.get("formula").asText()).contains("recency", "code", "interest", "citations");
    assertThat(t.get("papers")).isNotEmpty();
    assertThat(t.get("papers").get(0).get("id").asText()).isEqualTo("2401.00110");
    assertThat(t.get("papers").get(0).get("reasons")).extracting(JsonNode::asText)
        .containsExactly("in the newest listing (2024-03-15)", "has code");
  }

  @Test
  void the_trending_feed_of_a_fresh_install_is_titled_new_and_notable() {
    String feed = fresh.browser().get("/trending/feed").body();
    assertThat(feed).contains("<title>New and notable (week)", "<subtitle>Trending starts once 20 members vote in the week; 0 so far.", "/papers/2401.00110").doesNotContain("Trending papers");
  }

  @Test
  void a_new_members_upvote_shows_as_a_reason_without_the_list_claiming_to_be_trending() {
    Browser b = fresh.browser().signUp("newcomer");
    assertThat(b.post("/papers/2401.00104/vote", Map.of()).statusCode()).isEqualTo(303);
    JsonNode t = Browser.json(b.get("/api/v1/trending?window=month"));
    assertThat(t.get("list").asText()).isEqualTo("new-and-notable");
    JsonNode voted = null;
    for (JsonNode p : t.get("papers")) {
      if (p.get("id").asText().equals("2401.00104")) {
        voted = p;
      }
    }
    assertThat(voted).as("the upvoted paper, listed before the month, is there for its upvote").isNotNull();
    assertThat(voted.get("reasons")).extracting(JsonNode::asText).containsExactly("upvoted by 1 member");
  }

  @Test
  void trending_takes_over_at_the_configured_number_of_voters() {
    Browser ann = small.browser().signUp("annvoter");
    assertThat(ann.post("/papers/2401.00104/vote", Map.of()).statusCode()).isEqualTo(303);
    JsonNode one = Browser.json(ann.get("/api/v1/trending"));
    assertThat(one.get("list").asText()).isEqualTo("new-and-notable");
    assertThat(one.get("voters").asInt()).isEqualTo(1);
    Browser ben = small.browser().signUp("benvoter");
    assertThat(ben.post("/papers/2401.00102/vote", Map.of()).statusCode()).isEqualTo(303);
    JsonNode two = Browser.json(ben.get("/api/v1/trending"));
    assertThat(two.get("list").asText()).isEqualTo("trending");
    assertThat(two.get("voters").asInt()).isEqualTo(2);
    assertThat(two.get("papers")).extracting(p -> p.get("id").asText()).containsExactlyInAnyOrder("2401.00104", "2401.00102");
    assertThat(ben.get("/trending").body()).contains("<h1 id=\"page-title\">Trending this week</h1>").doesNotContain("New and notable");
    assertThat(ben.get("/daily").body()).contains("<h2 id=\"front-title\">Trending this week</h2>");
  }
}
