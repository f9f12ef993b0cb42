package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paperlens.web.CitationData.openAlex;
import static org.paperlens.web.CitationData.record;
import static org.paperlens.web.CitationData.semanticScholar;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperlens.citation.store.CitationStore;

/**
 * Citation counts in lists (daily, search, author, collection, library: pages and JSON) and
 * sorting by date and by citations, through the real server over the search fixture, with the
 * counts written by the citation store as enrichment writes them.
 */
class CitationListsTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture();

  /** The counts the sources gave; every other fixture paper has none. */
  static final Map<String, Integer> COUNTS = Map.of("2401.00101", 12, "2401.00105", 3, "2401.00109", 0, "2401.00107", 40,
      "2401.00110", 7);

  @BeforeAll
  static void counted() {
    CitationStore store = web.root.citations();
    record(store, "2401.00101", openAlex("2401.00101", 12));
    record(store, "2401.00105", openAlex("2401.00105", 3));
    record(store, "2401.00109", openAlex("2401.00109", 0));
    record(store, "2401.00107", semanticScholar("2401.00107", 40));
    record(store, "2401.00110", openAlex("2401.00110", 7));
    // A source that knows a paper but gives no count leaves it unknown.
    record(store, "2401.00102", openAlex("2401.00102", null));
  }

  @Test
  void the_daily_list_shows_known_counts_and_its_json_says_null_for_unknown_ones() {
    JsonNode day = ApiTest.ok(web.browser().get("/api/v1/daily?date=2024-01-03"));
    Map<String, JsonNode> counts = counts(day.get("papers"));
    assertThat(counts.get("2401.00101").asInt()).isEqualTo(12);
    assertThat(counts.get("2401.00102").isNull()).isTrue();
    String page = web.browser().get("/daily?date=2024-01-03").body();
    assertThat(item(page, "2401.00101")).contains("data-testid=\"citation-count\">Cited by 12<");
    assertThat(item(page, "2401.00102")).doesNotContain("citation-count");
  }

  @Test
  void search_hits_and_author_papers_show_their_counts_a_known_zero_included() {
    JsonNode hits = ApiTest.ok(web.browser().get("/api/v1/search?q=molecular&mode=keyword")).get("hits");
    assertThat(counts(hits)).containsKeys("2401.00101", "2401.00109");
    assertThat(counts(hits).get("2401.00101").asInt()).isEqualTo(12);
    assertThat(counts(hits).get("2401.00109").asInt()).isZero();
    assertThat(item(web.browser().get("/search?q=molecular&mode=keyword").body(), "2401.00109")).contains(">Cited by 0<");

    JsonNode author = ApiTest.ok(web.browser().get("/api/v1/authors/Maria%20Garcia"));
    assertThat(counts(author.get("papers")).get("2401.00109").asInt()).isZero();
    assertThat(counts(author.get("papers")).get("2401.00101").asInt()).isEqualTo(12);
    String page = web.browser().get("/authors/Maria%20Garcia").body();
    assertThat(item(page, "2401.00101")).contains(">Cited by 12<");
  }

  @Test
  void a_search_sorted_by_citations_orders_its_whole_result_most_cited_first_unknown_last_ties_by_relevance() {
    // Semantic search ranks every embedded paper: the whole fixture, in an order that is not the counts'.
    List<String> relevance = ids("/api/v1/search?q=graphs&mode=semantic&limit=100");
    assertThat(relevance).hasSize(11);
    List<String> expected = new ArrayList<>(relevance);
    expected.sort(Comparator.comparing((String id) -> COUNTS.get(id), Comparator.nullsLast(Comparator.reverseOrder())));
    assertThat(expected).startsWith("2401.00107", "2401.00101", "2401.00110", "2401.00105", "2401.00109");
    // The most cited paper is far down by relevance: a re-ordered first page would not show it first.
    assertThat(relevance.indexOf("2401.00107")).isGreaterThanOrEqualTo(3);

    JsonNode sorted = ApiTest.ok(web.browser().get("/api/v1/search?q=graphs&mode=semantic&limit=100&sort=citations"));
    assertThat(ApiTest.ids(sorted.get("hits"))).isEqualTo(expected);
    assertThat(sorted.get("sort").asText()).isEqualTo("citations");
    assertThat(sorted.get("sortedAmong").asInt()).isEqualTo(11);
    assertThat(sorted.get("hits").get(0).get("rank").asInt()).isEqualTo(1);
    assertThat(sorted.get("hits").get(0).get("citationCount").asInt()).isEqualTo(40);
    assertThat(pages("/api/v1/search?q=graphs&mode=semantic&sort=citations&limit=3")).isEqualTo(expected);
  }

  @Test
  void a_search_sorted_by_date_is_newest_first_with_relevance_breaking_ties() {
    JsonNode hits = ApiTest.ok(web.browser().get("/api/v1/search?q=language&mode=semantic&limit=100")).get("hits");
    Map<String, String> dates = new HashMap<>();
    hits.forEach(h -> dates.put(h.get("id").asText(), h.get("date").asText()));
    List<String> expected = new ArrayList<>(ApiTest.ids(hits));
    expected.sort(Comparator.comparing((String id) -> dates.get(id)).reversed());
    assertThat(expected.getFirst()).isEqualTo("2401.00110");
    assertThat(ids("/api/v1/search?q=language&mode=semantic&limit=100&sort=date")).isEqualTo(expected);
    assertThat(pages("/api/v1/search?q=language&mode=semantic&sort=date&limit=4")).isEqualTo(expected);
    // Same-day papers keep their relevance order: 2024-03-01 has two, 2024-02-01 two, 2024-01-10 two, 2024-01-03 two.
    assertThat(ApiTest.ids(hits)).containsSubsequence(expected.stream().filter(id -> dates.get(id).equals("2024-03-01")).toList());
  }

  @Test
  void the_search_page_links_every_order_without_javascript_and_says_what_a_sort_covers() {
    String page = web.browser().get("/search?q=graphs&mode=semantic").body();
    assertThat(page).contains("<strong aria-current=\"true\" data-testid=\"sort-relevance\">Relevance</strong>",
        "<a href=\"/search?q=graphs&amp;mode=semantic&amp;sort=citations\" data-testid=\"sort-citations\">Most cited</a>",
        "<a href=\"/search?q=graphs&amp;mode=semantic&amp;sort=date\" data-testid=\"sort-date\">Newest</a>");
    assertThat(page).doesNotContain("data-testid=\"sort-note\"");

    String sorted = web.browser().get("/search?q=graphs&mode=semantic&sort=citations&limit=3").body();
    assertThat(sorted).contains("data-testid=\"sort-citations\">Most cited</strong>",
        "<a href=\"/search?q=graphs&amp;mode=semantic&amp;limit=3\" data-testid=\"sort-relevance\">Relevance</a>",
        "<input type=\"hidden\" name=\"sort\" value=\"citations\">",
        "data-testid=\"sort-note\">Most cited first; papers with no known citation count come last");
    assertThat(paperIds(sorted, "search-hit")).containsExactly("2401.00107", "2401.00101", "2401.00110");
    assertThat(sorted).contains("sort=citations&amp;limit=3&amp;page=2");
  }

  @Test
  void a_collection_and_a_library_sort_all_their_papers_by_date_or_citations_and_show_the_counts() {
    Browser owner = web.browser().signUp("citecurator");
    for (String id : List.of("2401.00101", "2401.00107", "2401.00110", "2401.00104")) {
      owner.post("/papers/" + id + "/save", Map.of("tags", "reading"));
    }
    owner.post("/library/tags/visibility", Map.of("tag", "reading", "public", "true"));
    String path = "/api/v1/users/citecurator/tags/reading";
    assertThat(ids(path + "?sort=citations")).containsExactly("2401.00107", "2401.00101", "2401.00110", "2401.00104");
    assertThat(ids(path + "?sort=date")).containsExactly("2401.00110", "2401.00107", "2401.00104", "2401.00101");
    assertThat(ids(path + "?sort=citations&limit=2&page=2")).containsExactly("2401.00110", "2401.00104");
    JsonNode entries = ApiTest.ok(web.browser().get(path)).get("entries");
    assertThat(counts(entries).get("2401.00107").asInt()).isEqualTo(40);
    assertThat(counts(entries).get("2401.00104").isNull()).isTrue();

    String page = web.browser().get("/users/citecurator/tags/reading?sort=citations").body();
    assertThat(paperIds(page, "collection-item")).containsExactly("2401.00107", "2401.00101", "2401.00110", "2401.00104");
    assertThat(page).contains(">Cited by 40<", "data-testid=\"sort-citations\">Most cited</strong>",
        "<a href=\"/users/citecurator/tags/reading?sort=date\" data-testid=\"sort-date\">Newest</a>");

    JsonNode library = Browser.json(owner.api("GET", "/api/v1/library?sort=citations", null, "X-CSRF-Token", owner.csrf()));
    assertThat(ApiTest.ids(library.get("entries"))).containsExactly("2401.00107", "2401.00101", "2401.00110", "2401.00104");
    assertThat(library.get("entries").get(0).get("citationCount").asInt()).isEqualTo(40);
    assertThat(paperIds(owner.get("/library?sort=date").body(), "library-item"))
        .containsExactly("2401.00110", "2401.00107", "2401.00104", "2401.00101");
  }

  @Test
  void an_author_page_sorts_by_citations_and_an_unknown_order_is_a_400() {
    assertThat(ids("/api/v1/authors/Wei%20Zhang?sort=citations")).containsExactly("2401.00101", "2401.00105");
    assertThat(ids("/api/v1/authors/Wei%20Zhang")).containsExactly("2401.00105", "2401.00101");
    assertThat(paperIds(web.browser().get("/authors/Wei%20Zhang?sort=citations").body(), "author-paper"))
        .containsExactly("2401.00101", "2401.00105");
    assertThat(web.browser().get("/api/v1/search?q=graphs&sort=stars").statusCode()).isEqualTo(400);
    assertThat(web.browser().get("/search?q=graphs&sort=stars").statusCode()).isEqualTo(400);
    assertThat(web.browser().get("/authors/Wei%20Zhang?sort=stars").statusCode()).isEqualTo(400);
  }

  private static List<String> ids(String path) {
    JsonNode r = ApiTest.ok(web.browser().get(path));
    return ApiTest.ids(r.has("hits") ? r.get("hits") : r.has("entries") ? r.get("entries") : r.get("papers"));
  }

  /** Every page of a search, concatenated. */
  private static List<String> pages(String path) {
    List<String> out = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonNode r = ApiTest.ok(web.browser().get(path + "&page=" + page));
      out.addAll(ApiTest.ids(r.get("hits")));
      if (!r.get("more").asBoolean()) {
        return out;
      }
    }
  }

  /** Each paper's {@code citationCount} node (null node for unknown), asserting the field is there. */
  static Map<String, JsonNode> counts(JsonNode papers) {
    Map<String, JsonNode> out = new HashMap<>();
    papers.forEach(p -> {
      assertThat(p.has("citationCount")).as(p.toString()).isTrue();
      out.put(p.get("id").asText(), p.get("citationCount"));
    });
    return out;
  }

  /** The list item of one paper on a page. */
  static String item(String page, String id) {
    int start = page.indexOf("data-paper-id=\"" + id + "\"");
    assertThat(start).as("paper " + id + " on the page").isNotNegative();
    return page.substring(start, page.indexOf("</li>", start));
  }

  /** The papers of a page's list items of one kind, in order. */
  static List<String> paperIds(String page, String testId) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("data-testid=\"" + testId + "\" data-paper-id=\"([^\"]+)\"").matcher(page);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
