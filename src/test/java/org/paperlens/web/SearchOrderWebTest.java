package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperlens.account.Account;
import org.paperlens.community.CommunityStore;
import org.paperlens.paper.PaperId;

/**
 * Search as the anchors sort and count it, through the real server over the search fixture: every
 * word required by default (with the total saying so), {@code match=any} and explicit OR for the
 * classic OR, a sort by members' upvotes on the page and in the API, and feeds newest first.
 */
class SearchOrderWebTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture(() -> WebFixture.mailLinkingTo("https://papers.example"));

  /** Upvotes cast by distinct members; every other fixture paper has none. */
  static final Map<String, Integer> VOTES = Map.of("2401.00108", 3, "2401.00103", 2, "2401.00110", 2, "2401.00101", 1);

  @BeforeAll
  static void voted() {
    CommunityStore community = web.root.community();
    List<Account> members = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      members.add(web.root.accounts().signUp("voter" + i, "correct horse battery " + i));
    }
    VOTES.forEach((id, n) -> {
      for (int i = 0; i < n; i++) {
        community.upvote(members.get(i), new PaperId(id));
      }
    });
  }

  @Test
  void a_search_counts_only_papers_with_every_word_unless_asked_for_any() {
    JsonNode all = ApiTest.ok(web.browser().get("/api/v1/search?q=diffusion%20models&mode=keyword"));
    assertThat(all.get("total").asInt()).isEqualTo(1);
    assertThat(ApiTest.ids(all.get("hits"))).containsExactly("2401.00104");
    assertThat(all.get("match").asText()).isEqualTo("all");
    assertThat(all.get("totalText").asText()).isEqualTo("1 paper has all the words");

    JsonNode any = ApiTest.ok(web.browser().get("/api/v1/search?q=diffusion%20models&mode=keyword&match=any"));
    assertThat(any.get("total").asInt()).isEqualTo(3);
    assertThat(ApiTest.ids(any.get("hits"))).containsExactlyInAnyOrder("2401.00104", "2401.00106", "2401.00110");
    assertThat(any.get("permalink").asText()).contains("match=any");
    JsonNode or = ApiTest.ok(web.browser().get("/api/v1/search?q=diffusion%20OR%20models&mode=keyword"));
    assertThat(or.get("total").asInt()).isEqualTo(3);
    assertThat(web.browser().get("/api/v1/search?q=x&match=some").statusCode()).isEqualTo(400);

    String page = web.browser().get("/search?q=diffusion+models&mode=keyword").body();
    assertThat(page).contains("data-testid=\"search-total\">1 paper has all the words<", "value=\"all\" checked data-testid=\"match-all\"");
    String hybrid = web.browser().get("/search?q=diffusion+models&mode=hybrid").body();
    assertThat(hybrid).contains("1 paper has all the words; the list also ranks papers close in meaning");
    assertThat(web.browser().get("/search").body()).contains("data-testid=\"search-help\"",
        "Words with no operator between them must all be in a paper", "<code>diffusion (language OR text)</code>");
    String none = web.browser().get("/search?q=diffusion+robot&mode=keyword").body();
    assertThat(none).contains("data-testid=\"match-any-link\"", "href=\"/search?q=diffusion+robot&amp;mode=keyword&amp;match=any\"");
  }

  @Test
  void a_search_sorted_by_votes_orders_its_whole_result_most_upvoted_first_ties_by_relevance() {
    // Semantic search ranks every embedded paper: the whole fixture, in an order that is not the votes'.
    List<String> relevance = ids("/api/v1/search?q=graphs&mode=semantic&limit=100");
    List<String> expected = new ArrayList<>(relevance);
    expected.sort(Comparator.comparing((String id) -> VOTES.getOrDefault(id, 0)).reversed());
    assertThat(expected).isNotEqualTo(relevance);
    JsonNode sorted = ApiTest.ok(web.browser().get("/api/v1/search?q=graphs&mode=semantic&limit=100&sort=votes"));
    assertThat(ApiTest.ids(sorted.get("hits"))).isEqualTo(expected);
    assertThat(sorted.get("sort").asText()).isEqualTo("votes");
    assertThat(sorted.get("sortedAmong").asInt()).isEqualTo(11);
    assertThat(sorted.get("hits").get(0).get("votes").asInt()).isEqualTo(3);

    String page = web.browser().get("/search?q=graphs&mode=semantic&sort=votes").body();
    assertThat(page).contains("<strong aria-current=\"true\" data-testid=\"sort-votes\">Most upvoted</strong>",
        "data-testid=\"vote-count\">▲ 3<", "Most upvoted first; ties keep their relevance order.");
    assertThat(web.browser().get("/search?q=graphs&mode=semantic").body())
        .contains("<a href=\"/search?q=graphs&amp;mode=semantic&amp;sort=votes\" data-testid=\"sort-votes\">Most upvoted</a>");
  }

  @Test
  void a_vote_moves_a_search_sorted_by_votes_at_once() {
    Account late = web.root.accounts().signUp("latevoter", "correct horse battery late");
    List<String> before = ids("/api/v1/search?q=sparse%20attention&mode=keyword&match=any&sort=votes");
    assertThat(before).contains("2401.00102");
    web.root.community().upvote(late, new PaperId("2401.00102"));
    web.root.community().upvote(web.root.accounts().logIn("voter0", "correct horse battery 0"), new PaperId("2401.00102"));
    web.root.community().upvote(web.root.accounts().logIn("voter1", "correct horse battery 1"), new PaperId("2401.00102"));
    web.root.community().upvote(web.root.accounts().logIn("voter2", "correct horse battery 2"), new PaperId("2401.00102"));
    assertThat(ids("/api/v1/search?q=sparse%20attention&mode=keyword&match=any&sort=votes")).first().isEqualTo("2401.00102");
  }

  @Test
  void the_search_feed_and_the_other_feeds_list_their_papers_newest_first() throws Exception {
    // By relevance the search puts an old paper before newer ones; its feed is newest first.
    List<String> relevance = ids("/api/v1/search?q=graphs&mode=semantic&limit=50");
    SyndFeed search = feed("/search/feed?q=graphs&mode=semantic");
    assertThat(search.getEntries()).hasSize(relevance.size());
    assertNewestFirst(search);
    assertThat(ids(search)).isNotEqualTo(relevance.stream().map(id -> "https://papers.example/papers/" + id).toList());
    assertNewestFirst(feed("/search/feed?q=graphs&mode=semantic&sort=votes"));
    assertNewestFirst(feed("/trending/feed"));
    assertNewestFirst(feed("/authors/John%20Smith/feed"));
  }

  private static void assertNewestFirst(SyndFeed feed) {
    List<Date> dates = feed.getEntries().stream().map(SyndEntry::getPublishedDate).toList();
    assertThat(dates).isNotEmpty();
    assertThat(dates).isSortedAccordingTo(Comparator.reverseOrder());
  }

  private static List<String> ids(SyndFeed feed) {
    return feed.getEntries().stream().map(SyndEntry::getUri).toList();
  }

  private static SyndFeed feed(String path) throws Exception {
    HttpResponse<String> r = web.browser().get(path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new SyndFeedInput().build(new StringReader(r.body()));
  }

  private static List<String> ids(String path) {
    return ApiTest.ids(ApiTest.ok(web.browser().get(path)).get("hits"));
  }
}
