package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The daily page's teasers, upvoting from the list and its order, through the real server. */
class DailyPageTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture();

  @Test
  void each_paper_has_an_abstract_teaser_and_everyone_shares_one_list_with_log_in_links() {
    String page = web.browser().get("/daily?date=2024-01-03").body();
    assertThat(page).contains("data-testid=\"teaser\"", "We train message-passing graph neural networks",
        "href=\"/login?back=/papers/2401.00101\"").doesNotContain("data-testid=\"list-upvote\"");
  }

  @Test
  void a_member_upvotes_from_the_list_and_returns_to_it_with_the_vote_shown() {
    Browser b = web.browser().signUp("lister");
    assertThat(b.get("/daily?date=2024-01-10").body()).contains("data-testid=\"list-upvote\"", "aria-pressed=\"false\"");
    HttpResponse<String> r = b.post("/papers/2401.00104/vote", Map.of("action", "up", "back", "/daily?date=2024-01-10"));
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/daily?date=2024-01-10");
    String page = b.get("/daily?date=2024-01-10").body();
    assertThat(page.indexOf("2401.00104")).isLessThan(page.indexOf("2401.00103"));
    assertThat(page).contains("class=\"vote on\" aria-pressed=\"true\"");
    b.post("/papers/2401.00104/vote", Map.of("action", "undo", "back", "/daily?date=2024-01-10"));
  }

  @Test
  void without_votes_papers_in_the_categories_members_read_come_first_then_papers_with_code() {
    // 2024-01-03: a cs.LG paper without code and a cs.CL paper with code; nobody has voted.
    assertThat(ApiTest.ids(ApiTest.ok(web.browser().get("/api/v1/daily?date=2024-01-03")).get("papers")))
        .containsExactly("2401.00102", "2401.00101");
    // A member saves a cs.LG paper of another day: the community reads cs.LG.
    web.browser().signUp("reader").post("/papers/2401.00105/save", Map.of("tags", "x"));
    assertThat(ApiTest.ids(ApiTest.ok(web.browser().get("/api/v1/daily?date=2024-01-03")).get("papers")))
        .containsExactly("2401.00101", "2401.00102");
  }
}
