package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperlens.web.http.Auth;

class ApiTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture();
  static String token;

  @BeforeAll
  static void start() throws Exception {
    web.browser().signUp("apiuser");
    HttpResponse<String> r = web.browser().api("POST", "/api/v1/tokens",
        "{\"name\":\"apiuser\",\"password\":\"correct horse battery\",\"label\":\"tests\"}");
    assertThat(r.statusCode()).isEqualTo(201);
    token = Browser.json(r).get("token").asText();
  }

  static HttpResponse<String> call(String method, String path, String body) {
    return web.browser().api(method, path, body, "Authorization", "Bearer " + token);
  }

  static JsonNode ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    return Browser.json(r);
  }

  static List<String> ids(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get("id").asText()));
    return out;
  }

  @Test
  void a_paper_has_its_metadata_signals_and_bibtex() {
    JsonNode p = ok(web.browser().get("/api/v1/papers/arXiv:2401.00102v2"));
    assertThat(p.get("id").asText()).isEqualTo("2401.00102");
    assertThat(p.get("title").asText()).isEqualTo("Sparse Attention for Long Documents");
    assertThat(p.get("authors").get(0).asText()).isEqualTo("John Smith");
    assertThat(p.get("upvotes").asInt()).isZero();
    assertThat(p.get("bibtex").asText()).startsWith("@misc{smith2024sparse,").contains("eprint = {2401.00102}");
  }

  @Test
  void related_papers_come_with_reasons() {
    JsonNode r = ok(web.browser().get("/api/v1/papers/2401.00101/related?k=3"));
    assertThat(r.get("related")).hasSize(3);
    assertThat(ids(r.get("related"))).first().isIn("2401.00105", "2401.00109");
    assertThat(r.get("related").get(0).get("reason").asText()).isNotBlank();
  }

  @Test
  void daily_lists_a_day_with_counts_and_pages() {
    JsonNode d = ok(web.browser().get("/api/v1/daily?date=2024-01-03"));
    assertThat(d.get("total").asInt()).isEqualTo(2);
    assertThat(ids(d.get("papers"))).containsExactlyInAnyOrder("2401.00102", "2401.00101"); // order: DailyPageTest
    assertThat(d.get("next").asText()).isEqualTo("2024-01-10");
    JsonNode month = ok(web.browser().get("/api/v1/daily?date=2024-01-15&view=month&limit=3&page=2"));
    assertThat(month.get("total").asInt()).isEqualTo(4);
    assertThat(month.get("perDay").get("2024-01-10").asInt()).isEqualTo(2);
    assertThat(month.get("papers")).hasSize(1);
    assertThat(month.get("more").asBoolean()).isFalse();
  }

  @Test
  void upvotes_order_the_day_and_can_be_undone_once_per_user() {
    assertThat(ok(call("PUT", "/api/v1/papers/2401.00101/vote", null)).get("upvotes").asInt()).isEqualTo(1);
    assertThat(ok(call("PUT", "/api/v1/papers/2401.00101/vote", null)).get("changed").asBoolean()).isFalse();
    assertThat(ids(ok(web.browser().get("/api/v1/daily?date=2024-01-03")).get("papers"))).containsExactly("2401.00101", "2401.00102");
    JsonNode trending = ok(web.browser().get("/api/v1/trending?window=day"));
    assertThat(trending.get("formula").asText()).contains("0.5^(age / half-life)");
    JsonNode entry = null;
    for (JsonNode n : trending.get("papers")) {
      entry = n.get("id").asText().equals("2401.00101") ? n : entry;
    }
    assertThat(entry).isNotNull();
    assertThat(entry.get("components").get("upvotes").asInt()).isEqualTo(1);
    assertThat(entry.get("score").asDouble()).isGreaterThan(0.99); // a fresh upvote weighs 1 (other tests may have saved it too)
    assertThat(ok(call("DELETE", "/api/v1/papers/2401.00101/vote", null)).get("upvotes").asInt()).isZero();
    assertThat(ok(call("DELETE", "/api/v1/papers/2401.00101/vote", null)).get("changed").asBoolean()).isFalse();
  }

  @Test
  void search_works_in_every_mode_with_filters_and_pages() {
    for (String mode : List.of("keyword", "semantic", "hybrid")) {
      JsonNode r = ok(web.browser().get("/api/v1/search?q=networks&mode=" + mode + "&limit=2"));
      assertThat(r.get("mode").asText()).isEqualTo(mode);
      assertThat(r.get("hits")).hasSize(2);
      assertThat(r.get("permalink").asText()).startsWith("/search?q=networks&mode=" + mode);
    }
    JsonNode filtered = ok(web.browser().get("/api/v1/search?q=molecules&mode=semantic&category=cs.LG&from=2024-02-01&to=2024-12-31"));
    assertThat(ids(filtered.get("hits"))).contains("2401.00105", "2401.00109").doesNotContain("2401.00101", "2401.00108");
    JsonNode byAuthor = ok(web.browser().get("/api/v1/search?q=learning&mode=keyword&author=" + Browser.enc("Maria Garcia")));
    byAuthor.get("hits").forEach(h -> assertThat(h.get("authors").toString()).contains("Maria Garcia"));
    JsonNode page1 = ok(web.browser().get("/api/v1/search?q=networks&mode=keyword&limit=1"));
    JsonNode page2 = ok(web.browser().get("/api/v1/search?q=networks&mode=keyword&limit=1&page=2"));
    assertThat(page1.get("more").asBoolean()).isTrue();
    assertThat(ids(page2.get("hits"))).doesNotContainAnyElementsOf(ids(page1.get("hits")));
    JsonNode pinned = ok(web.browser().get("/api/v1/search?q=2401.00108&mode=hybrid"));
    assertThat(pinned.get("hits").get(0).get("pinned").asBoolean()).isTrue();
  }

  @Test
  void an_unparsable_query_is_searched_literally_with_a_notice() {
    JsonNode r = ok(web.browser().get("/api/v1/search?mode=keyword&q=" + Browser.enc("\"sparse attention")));
    assertThat(r.get("notice").asText()).contains("plain words");
    assertThat(ids(r.get("hits"))).contains("2401.00102");
  }

  @Test
  void the_library_keeps_tags_and_filters_by_them() {
    ok(call("PUT", "/api/v1/library/2401.00103", "{\"tags\":[\"Robots\",\"to-read\"]}"));
    ok(call("PUT", "/api/v1/library/2401.00104", "{\"tags\":[\"to-read\"]}"));
    JsonNode all = ok(call("GET", "/api/v1/library", null));
    assertThat(all.get("total").asInt()).isEqualTo(2);
    assertThat(all.get("tags").get("to-read").asInt()).isEqualTo(2);
    JsonNode robots = ok(call("GET", "/api/v1/library?tag=robots", null));
    assertThat(ids(robots.get("entries"))).containsExactly("2401.00103");
    assertThat(robots.get("entries").get(0).get("tags").toString()).isEqualTo("[\"robots\",\"to-read\"]");
    assertThat(ok(web.browser().get("/api/v1/papers/2401.00103")).get("saves").asInt()).isEqualTo(1);
    assertThat(call("DELETE", "/api/v1/library/2401.00104", null).statusCode()).isEqualTo(204);
    assertThat(call("DELETE", "/api/v1/library/2401.00104", null).statusCode()).isEqualTo(404);
  }

  @Test
  void submissions_need_a_known_arxiv_id() {
    HttpResponse<String> r = call("POST", "/api/v1/submissions", "{\"paper\":\"https://arxiv.org/abs/2401.00107v1\",\"comment\":\"a classic\"}");
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(ids(ok(web.browser().get("/api/v1/submissions")).get("submissions"))).contains("2401.00107");
    HttpResponse<String> unknown = call("POST", "/api/v1/submissions", "{\"paper\":\"2501.99999\"}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(Browser.json(unknown).get("detail").asText()).contains("2501.99999 is not in the catalogue");
    assertThat(call("POST", "/api/v1/submissions", "{\"paper\":\"not an id\"}").statusCode()).isEqualTo(400);
  }

  @Test
  void me_names_the_token_owner_and_needs_authentication() {
    assertThat(ok(call("GET", "/api/v1/me", null)).get("name").asText()).isEqualTo("apiuser");
    assertThat(web.browser().get("/api/v1/me").statusCode()).isEqualTo(401);
    assertThat(web.browser().get("/api/v1/me", "Authorization", "Bearer pl_wrong").statusCode()).isEqualTo(401);
  }

  @Test
  void the_openapi_document_is_served() {
    JsonNode doc = ok(web.browser().get("/api/v1/openapi.json"));
    assertThat(doc.get("openapi").asText()).startsWith("3.");
  }

  @Test
  void recommendations_come_from_the_library_with_reasons() {
    Browser b = web.browser().signUp("chemist");
    String csrf = b.csrf();
    b.api("PUT", "/api/v1/library/2401.00101", "{\"tags\":[\"chem\"]}", Auth.CSRF_HEADER, csrf);
    b.api("PUT", "/api/v1/library/2401.00105", "{\"tags\":[\"chem\"]}", Auth.CSRF_HEADER, csrf);
    JsonNode r = ok(b.get("/api/v1/recommendations?days=3650&limit=3"));
    assertThat(r.get("liked").asInt()).isEqualTo(2);
    assertThat(r.get("papers")).isNotEmpty();
    assertThat(ids(r.get("papers"))).doesNotContain("2401.00101", "2401.00105").first().isEqualTo("2401.00109");
    assertThat(r.get("papers").get(0).get("reason").asText()).isNotBlank();
    JsonNode none = ok(b.get("/api/v1/recommendations?tag=nothing"));
    assertThat(none.get("papers")).isEmpty();
    assertThat(none.get("emptyReason").asText()).contains("nothing");
    assertThat(b.get("/recommended?days=3650").body()).contains("data-testid=\"recommended-item\"", "Equivariant Networks");
    assertThat(web.browser().get("/api/v1/recommendations").statusCode()).isEqualTo(401);
  }
}
