package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PagesTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture();

  @Test
  void the_home_page_redirects_to_the_latest_day_which_lists_its_papers() {
    Browser b = web.browser();
    assertThat(b.get("/").statusCode()).isEqualTo(302);
    HttpResponse<String> r = b.get("/daily");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(r.body()).contains("Papers of 2024-03-15", "Attention Is Not All You Need for Tabular Data")
        .contains("data-testid=\"daily-previous\"").doesNotContain("data-testid=\"daily-next\"");
  }

  @Test
  void a_day_a_week_and_a_month_list_their_papers_with_counts() {
    Browser b = web.browser();
    String day = b.get("/daily?date=2024-01-03").body();
    assertThat(day).contains("<strong>2</strong> papers", "Graph Neural Networks", "Sparse Attention");
    String month = b.get("/daily?date=2024-01-20&view=month").body();
    assertThat(month).contains("<strong>4</strong> papers listed from 2024-01-01 to 2024-01-31", "Diffusion Models");
    String week = b.get("/daily?date=2024-01-10&view=week").body();
    assertThat(week).contains("<strong>2</strong> papers listed from 2024-01-08 to 2024-01-14");
    String lastMonth = b.get("/daily?date=2024-03-15&view=month").body();
    assertThat(lastMonth).contains("data-testid=\"daily-previous\"").doesNotContain("data-testid=\"daily-next\"");
  }

  @Test
  void the_paper_page_shows_metadata_links_bibtex_and_related_papers_with_reasons() {
    HttpResponse<String> r = web.browser().get("/papers/2401.00101");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("Graph Neural Networks for Molecular Property Prediction", "Maria Garcia",
        "https://arxiv.org/abs/2401.00101", "https://arxiv.org/pdf/2401.00101", "@misc{garcia2024graph",
        "data-testid=\"related-item\"", "similar in meaning");
  }

  @Test
  void old_style_ids_with_a_slash_have_paper_pages() {
    assertThat(web.browser().get("/papers/hep-th/9901001").body()).contains("String Junctions");
  }

  @Test
  void search_pages_have_modes_snippets_pagination_and_a_permalink() {
    HttpResponse<String> r = web.browser().get("/search?q=molecular&mode=keyword&limit=1");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("<mark>", "data-testid=\"permalink\"", "data-testid=\"page-next\"", "value=\"keyword\" checked");
    String filtered = web.browser().get("/search?q=molecules&mode=semantic&category=physics.chem-ph").body();
    assertThat(filtered).contains("Equivariant Networks").doesNotContain("Graph Neural Networks for Molecular");
  }

  @Test
  void a_query_that_does_not_parse_is_searched_literally_with_a_notice() {
    HttpResponse<String> r = web.browser().get("/search?q=" + Browser.enc("graph \"neural (") + "&mode=keyword");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("data-testid=\"search-notice\"", "Graph Neural Networks");
  }

  @Test
  void trending_documents_its_formula_and_ranks_community_activity() {
    Browser b = web.browser().signUp("trender");
    b.post("/papers/2401.00104/vote", Map.of("action", "up"));
    String page = b.get("/trending?window=day").body();
    assertThat(page).contains("How trending is computed", "0.5<sup>age / half-life</sup>", "Diffusion Models for Image Synthesis");
  }

  @Test
  void every_page_is_under_100_kb() {
    Browser b = web.browser().signUp("sizer");
    for (String path : new String[] {"/daily", "/daily?view=month&date=2024-01-01", "/trending", "/search?q=learning&mode=hybrid",
        "/papers/2401.00101", "/library", "/submit", "/account", "/login", "/signup"}) {
      HttpResponse<String> r = b.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(path).isLessThan(100_000);
    }
  }

  @Test
  void unknown_pages_and_papers_get_an_html_404() {
    HttpResponse<String> r = web.browser().get("/papers/2999.99999");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("no paper 2999.99999");
    assertThat(web.browser().get("/nowhere").statusCode()).isEqualTo(404);
  }
}
