package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperlens.citation.store.PaperAuthor;

/**
 * The paper page, the full lists, the citation map and the JSON API over citation data written
 * through the real {@link org.paperlens.citation.store.CitationStore} ({@link CitationFixture}), on
 * the real server (SQLite, or PostgreSQL on the pom's second run).
 */
class CitationPagesTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture();

  @BeforeAll
  static void storeCitations() {
    CitationFixture.write(web.root.citations());
  }

  private static String page(String path) {
    HttpResponse<String> r = web.browser().get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }

  private static JsonNode json(String path) {
    HttpResponse<String> r = web.browser().get(path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return Browser.json(r);
  }

  private static long identity(String name) {
    return web.root.citations().authors(CitationFixture.MOLECULES).stream().filter(a -> a.name().equals(name))
        .map(PaperAuthor::identity).flatMap(java.util.Optional::stream).findFirst().orElseThrow().id();
  }

  @Test
  void the_paper_page_shows_the_count_as_of_its_date_the_chart_with_its_numbers_venue_and_a_marked_tldr() {
    String html = page("/papers/2401.00101");
    assertThat(html).contains("Cited by <strong>42</strong> according to OpenAlex, as of <time datetime=\"2026-11-30\">2026-11-30</time>");
    assertThat(html).contains("<title id=\"yearchart-title\">Citations per year, 2024–2026</title>",
        "data-testid=\"citation-chart-text\">Citations per year, 2024–2026: 2024: 5 · 2025: 30 · 2026: 7</figcaption>");
    assertThat(html.split("class=\"yc-bar\"", -1)).hasSize(4);
    assertThat(html).contains("<strong>Venue:</strong> Journal of Chemical Information and Modeling");
    assertThat(html).contains("machine-written by Semantic Scholar (tldr@v2.0.0)</span>: A message-passing network predicts");
    assertThat(html).contains("href=\"/papers/2401.00101/map\" data-testid=\"citation-map-link\"");
  }

  @Test
  void references_and_citers_link_catalogue_papers_here_and_external_works_by_doi_or_arxiv() {
    String html = page("/papers/2401.00101");
    assertThat(html).contains("References (4)", "Cited by (2)", "paperlens knows 2 of the 42 citing papers OpenAlex counts.");
    assertThat(html).contains("<a class=\"title\" href=\"/papers/2401.00105\">Contrastive Pretraining of Molecule Encoders</a>",
        "<a class=\"title\" href=\"/papers/2401.00110\">Attention Is Not All You Need for Tabular Data</a>");
    assertThat(html).contains("<span class=\"title\">Neural Message Passing for Quantum Chemistry</span> <span class=\"n\">(2017)</span> · "
        + "<a class=\"extlink\" href=\"https://doi.org/10.5555/3305381.3305512\"");
    assertThat(html).contains("href=\"https://arxiv.org/abs/1609.02907\" rel=\"noopener nofollow\" data-testid=\"external-link\">arXiv:1609.02907</a>");
    assertThat(html).contains("Molecules at Scale: A Survey", "href=\"https://doi.org/10.1000/molecules.at.scale\"");
    assertThat(html).doesNotContain("data-testid=\"references-all\"", "data-testid=\"cited-by-all\"");
  }

  @Test
  void authors_a_source_identified_link_to_their_identity_pages() {
    String html = page("/papers/2401.00101");
    assertThat(html).contains("<a href=\"/authors/id/" + identity("Maria Garcia") + "\">Maria Garcia</a>",
        "<a href=\"/authors/id/" + identity("Wei Zhang") + "\">Wei Zhang</a>");
  }

  @Test
  void a_long_reference_list_is_capped_with_a_link_to_the_full_list_which_pages() {
    String html = page("/papers/2401.00102");
    assertThat(html).contains("References (25)", "href=\"/papers/2401.00102/references\" data-testid=\"references-all\">All 25 references</a>");
    assertThat(html.split("data-testid=\"citation-item\"", -1)).hasSize(21);
    assertThat(html).doesNotContain("Cited by (");
    String all = page("/papers/2401.00102/references");
    assertThat(all).contains("References (25)", "1–25 of 25");
    assertThat(all.split("data-testid=\"citation-item\"", -1)).hasSize(26);
    for (int i = 1; i <= 25; i++) {
      assertThat(all).contains(">Long-context reference " + i + "</span>");
    }
    assertThat(page("/papers/2401.00101/citations")).contains("Cited by (2)", "Molecules at Scale: A Survey");
  }

  @Test
  void a_paper_without_citation_data_shows_none_of_it_and_its_authors_link_by_name() {
    String html = page("/papers/2401.00103");
    assertThat(html).doesNotContain("citation-facts", "Citations per year", "References (", "Cited by (", "citation-map-link", "/authors/id/");
    assertThat(html).contains("href=\"/authors/Aiko%20Tanaka\"");
    JsonNode p = json("/api/v1/papers/2401.00103");
    assertThat(p.get("citationCount").isNull()).isTrue();
    assertThat(p.get("tldr").isNull()).isTrue();
    assertThat(p.get("references").asInt()).isZero();
    assertThat(p.get("authorIds")).isEmpty();
    JsonNode g = json("/api/v1/papers/2401.00103/graph");
    assertThat(g.get("nodes")).hasSize(1);
    assertThat(g.get("nodes").get(0).get("kind").asText()).isEqualTo("self");
    assertThat(g.get("edges")).isEmpty();
    assertThat(page("/papers/2401.00103/map")).contains("No citation data is stored for this paper yet.");
  }

  @Test
  void the_map_page_draws_each_node_as_a_link_with_edges_a_legend_and_a_table() {
    String html = page("/papers/2401.00101/map");
    assertThat(html).contains("<svg viewBox=\"0 0 880 560\" role=\"img\"", "<title id=\"map-title\">Citation map of Graph Neural Networks");
    assertThat(html).contains("<a href=\"/papers/2401.00105\" data-testid=\"map-node\" data-key=\"2401.00105\" data-kind=\"reference\">",
        "<a href=\"/papers/2401.00110\" data-testid=\"map-node\" data-key=\"2401.00110\" data-kind=\"citer\">",
        "<a href=\"/papers/2401.00106\" data-testid=\"map-node\" data-key=\"2401.00106\" data-kind=\"neighbour\">",
        "<a href=\"https://doi.org/10.5555/3305381.3305512\" rel=\"noopener nofollow\" data-testid=\"map-node\"");
    assertThat(html.split("data-testid=\"map-node\"", -1)).hasSize(9);
    assertThat(html.split(java.util.regex.Pattern.quote("marker-end=\"url(#arrow)\""), -1)).hasSize(8);
    assertThat(html).contains("data-testid=\"map-legend\"", "2016", "2024", "Arrows point from a paper to what it cites.");
    assertThat(html).contains("near in the citation graph (shares 1 reference)");
  }

  @Test
  void the_paper_json_has_counts_venue_tldr_reference_and_citation_counts_and_author_ids() {
    JsonNode p = json("/api/v1/papers/2401.00101");
    assertThat(p.get("citationCount").asInt()).isEqualTo(42);
    assertThat(p.get("citationsAsOf").asText()).isEqualTo("2026-11-30");
    assertThat(p.get("citationCountSource").asText()).isEqualTo("OpenAlex");
    assertThat(p.get("citationsByYear").get(0).get("year").asInt()).isEqualTo(2024);
    assertThat(p.get("venue").asText()).isEqualTo("Journal of Chemical Information and Modeling");
    assertThat(p.get("tldr").get("source").asText()).isEqualTo("Semantic Scholar");
    assertThat(p.get("tldr").get("model").asText()).isEqualTo("tldr@v2.0.0");
    assertThat(p.get("references").asInt()).isEqualTo(4);
    assertThat(p.get("citations").asInt()).isEqualTo(2);
    assertThat(p.get("authorIds")).hasSize(2);
    assertThat(p.get("authorIds").get(0).get("orcid").asText()).isEqualTo(CitationFixture.ORCID);
    assertThat(p.get("authorIds").get(0).get("identityId").asLong()).isEqualTo(identity("Maria Garcia"));
    assertThat(p.get("title").asText()).isEqualTo("Graph Neural Networks for Molecular Property Prediction");
  }

  @Test
  void reference_and_citation_lists_page_and_give_catalogue_ids_or_external_ids() {
    JsonNode refs = json("/api/v1/papers/2401.00101/references");
    assertThat(refs.get("total").asInt()).isEqualTo(4);
    List<String> ids = new ArrayList<>();
    refs.get("references").forEach(r -> ids.add(r.get("id").isNull() ? "doi:" + r.get("doi").asText(null) + " arxiv:" + r.get("arxiv").asText(null)
        : r.get("id").asText()));
    assertThat(ids.subList(0, 2)).containsExactlyInAnyOrder("2401.00105", "2401.00109");
    assertThat(ids.subList(2, 4)).containsExactlyInAnyOrder("doi:" + CitationFixture.NMP_DOI + " arxiv:null", "doi:null arxiv:1609.02907");
    JsonNode page3 = json("/api/v1/papers/2401.00102/references?limit=10&page=3");
    assertThat(page3.get("total").asInt()).isEqualTo(25);
    assertThat(page3.get("references")).hasSize(5);
    assertThat(page3.get("more").asBoolean()).isFalse();
    assertThat(json("/api/v1/papers/2401.00102/references?limit=10&page=2").get("more").asBoolean()).isTrue();
    JsonNode cites = json("/api/v1/papers/2401.00101/citations");
    assertThat(cites.get("citations")).hasSize(2);
    assertThat(cites.get("citations").findValuesAsText("title")).contains("Molecules at Scale: A Survey");
  }

  @Test
  void the_graph_json_has_placed_nodes_of_each_kind_and_the_edges_among_them() {
    JsonNode g = json("/api/v1/papers/2401.00101/graph");
    assertThat(g.get("nodes").get(0).get("id").asText()).isEqualTo("2401.00101");
    assertThat(g.get("nodes").findValuesAsText("kind")).contains("self", "reference", "citer", "neighbour");
    g.get("nodes").forEach(n -> {
      assertThat(n.get("x").asDouble()).isBetween(0.0, g.get("width").asDouble());
      assertThat(n.get("y").asDouble()).isBetween(0.0, g.get("height").asDouble());
      assertThat(n.has("title") && n.has("year") && n.has("citationCount")).isTrue();
    });
    List<String> edges = new ArrayList<>();
    g.get("edges").forEach(e -> edges.add(e.get("citing").asText() + ">" + e.get("cited").asText()));
    assertThat(edges).contains("2401.00101>2401.00105", "2401.00110>2401.00101");
    JsonNode neighbour = null;
    for (JsonNode n : g.get("nodes")) {
      if (n.get("kind").asText().equals("neighbour")) {
        neighbour = n;
      }
    }
    assertThat(neighbour.get("id").asText()).isEqualTo("2401.00106");
    assertThat(neighbour.get("reason").asText()).isEqualTo("shares 1 reference");
  }

  @Test
  void unknown_papers_are_404_on_every_citation_route() {
    for (String path : List.of("/api/v1/papers/2999.99999/references", "/api/v1/papers/2999.99999/citations",
        "/api/v1/papers/2999.99999/graph")) {
      HttpResponse<String> r = web.browser().get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
    for (String path : List.of("/papers/2999.99999/references", "/papers/2999.99999/citations", "/papers/2999.99999/map")) {
      assertThat(web.browser().get(path).statusCode()).as(path).isEqualTo(404);
    }
  }
}
