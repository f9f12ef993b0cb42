package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Author pages and their API, through the real server over the search fixture. */
class AuthorPagesTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture();

  @Test
  void an_author_has_their_papers_newest_first_with_co_authors_and_categories() {
    JsonNode a = ApiTest.ok(web.browser().get("/api/v1/authors/wei%20zhang"));
    assertThat(a.get("name").asText()).isEqualTo("Wei Zhang");
    assertThat(ApiTest.ids(a.get("papers"))).containsExactly("2401.00105", "2401.00101");
    assertThat(a.get("coAuthors").findValuesAsText("name")).containsExactlyInAnyOrder("Maria Garcia", "Omar Haddad");
    assertThat(a.get("categories").get(0).get("category").asText()).isEqualTo("cs.LG");
    assertThat(a.get("categories").get(0).get("papers").asInt()).isEqualTo(2);
    assertThat(a.get("feed").asText()).isEqualTo("/authors/Wei%20Zhang/feed");
  }

  @Test
  void a_name_is_one_author_whatever_its_accents_and_case_but_not_a_longer_name() {
    assertThat(ApiTest.ids(ApiTest.ok(web.browser().get("/api/v1/authors/LENA%20MULLER")).get("papers"))).containsExactly("2401.00104");
    assertThat(ApiTest.ids(ApiTest.ok(web.browser().get("/api/v1/authors/John%20Smith")).get("papers"))).containsExactly("2401.00102");
  }

  @Test
  void names_on_pages_link_to_their_author_pages() {
    assertThat(web.browser().get("/daily?date=2024-01-03").body()).contains("<a href=\"/authors/Maria%20Garcia\">Maria Garcia</a>");
    assertThat(web.browser().get("/papers/2401.00103").body()).contains("href=\"/authors/John%20Smithson\"");
    String page = web.browser().get("/authors/Maria%20Garcia").body();
    assertThat(page).contains("Graph Neural Networks for Molecular Property Prediction", "href=\"/authors/Wei%20Zhang\"",
        "/subscriptions?kind=author&amp;target=Maria+Garcia");
  }

  @Test
  void an_unknown_author_is_a_404() {
    assertThat(web.browser().get("/authors/Nobody%20Atall").statusCode()).isEqualTo(404);
    assertThat(web.browser().get("/api/v1/authors/Nobody%20Atall").statusCode()).isEqualTo(404);
  }
}
