package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Code links taken from abstracts and comments, and the "with code" filter, through the real server. */
class WithCodeTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture();

  @Test
  void a_paper_has_its_code_and_project_links_in_the_api_and_as_buttons_on_its_page() {
    JsonNode p = ApiTest.ok(web.browser().get("/api/v1/papers/2401.00102"));
    assertThat(p.get("hasCode").asBoolean()).isTrue();
    assertThat(p.get("codeLinks").findValuesAsText("url"))
        .containsExactly("https://huggingface.co/jsmith/sparse-attn", "https://jsmith.github.io/sparse");
    assertThat(web.browser().get("/papers/2401.00110").body())
        .contains("href=\"https://github.com/ken-ito/tabular-trees\"", "data-testid=\"link-repository\"");
    assertThat(ApiTest.ok(web.browser().get("/api/v1/papers/2401.00101")).get("codeLinks")).isEmpty();
  }

  @Test
  void the_daily_listing_filters_by_code_and_category_with_counts_of_what_is_left() {
    JsonNode all = ApiTest.ok(web.browser().get("/api/v1/daily?date=2024-01-03"));
    assertThat(ApiTest.ids(all.get("papers"))).containsExactlyInAnyOrder("2401.00101", "2401.00102");
    JsonNode code = ApiTest.ok(web.browser().get("/api/v1/daily?date=2024-01-03&code=true"));
    assertThat(ApiTest.ids(code.get("papers"))).containsExactly("2401.00102");
    assertThat(code.get("total").asInt()).isEqualTo(1);
    JsonNode month = ApiTest.ok(web.browser().get("/api/v1/daily?date=2024-01-03&view=month&category=cs.LG"));
    assertThat(ApiTest.ids(month.get("papers"))).containsExactlyInAnyOrder("2401.00101", "2401.00103");
    assertThat(month.get("perCategory").get("cs.CL").asInt()).isEqualTo(1);
    assertThat(month.get("perCategory").get("cs.LG").asInt()).isEqualTo(2); // a cross-list counts, as the filter keeps it
    String page = web.browser().get("/daily?date=2024-01-03&code=1").body();
    assertThat(page).contains("Sparse Attention for Long Documents", "data-testid=\"code-link\"")
        .doesNotContain("Graph Neural Networks for Molecular");
  }

  @Test
  void search_and_its_feed_keep_only_papers_with_code_when_asked() {
    JsonNode hits = ApiTest.ok(web.browser().get("/api/v1/search?q=attention&mode=keyword&code=1"));
    assertThat(ApiTest.ids(hits.get("hits"))).containsExactlyInAnyOrder("2401.00102", "2401.00110");
    assertThat(hits.get("total").asInt()).isEqualTo(2);
    assertThat(web.browser().get("/search?q=attention&mode=keyword&code=1").body()).contains("name=\"code\" value=\"1\" checked");
  }

  @Test
  void a_search_hit_links_its_code_as_daily_entries_do() {
    JsonNode hits = ApiTest.ok(web.browser().get("/api/v1/search?q=attention%20OR%20molecular&mode=keyword"));
    Map<String, String> code = new java.util.HashMap<>();
    hits.get("hits").forEach(h -> code.put(h.get("id").asText(), h.get("codeUrl").isNull() ? null : h.get("codeUrl").asText()));
    assertThat(code).containsEntry("2401.00102", "https://huggingface.co/jsmith/sparse-attn")
        .containsEntry("2401.00110", "https://github.com/ken-ito/tabular-trees");
    assertThat(code.entrySet()).filteredOn(e -> !e.getKey().equals("2401.00102") && !e.getKey().equals("2401.00110"))
        .isNotEmpty().allSatisfy(e -> assertThat(e.getValue()).isNull());
    String page = web.browser().get("/search?q=attention%20OR%20molecular&mode=keyword").body();
    assertThat(page).contains("<a class=\"chip code\" href=\"https://github.com/ken-ito/tabular-trees\" rel=\"noopener nofollow\" data-testid=\"code-link\">Code</a>");
    assertThat(page.split("data-testid=\"code-link\"", -1)).as("one chip per hit with code").hasSize(3);
  }

  @Test
  void a_malformed_code_flag_is_a_400() {
    assertThat(web.browser().get("/api/v1/daily?code=maybe").statusCode()).isEqualTo(400);
    assertThat(web.browser().get("/api/v1/search?q=x&code=maybe").statusCode()).isEqualTo(400);
  }
}
