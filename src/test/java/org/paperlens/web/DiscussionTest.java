package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperlens.community.CommunityStore;

/** Comments on papers: writing, links, editing and deleting one's own, limits, the API, through the real server. */
class DiscussionTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture();

  @Test
  void a_member_comments_with_a_link_that_becomes_a_safe_link_and_everyone_reads_it() {
    Browser b = web.browser().signUp("commenter");
    HttpResponse<String> r = b.post("/papers/2401.00102/comments",
        Map.of("body", "Code at https://github.com/x/y. <script>alert(1)</script>"));
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location").orElse("")).startsWith("/papers/2401.00102#comment-");
    String page = web.browser().get("/papers/2401.00102").body();
    assertThat(page).contains("<a href=\"https://github.com/x/y\" rel=\"nofollow ugc noopener noreferrer\">https://github.com/x/y</a>.",
        "&lt;script&gt;alert(1)&lt;/script&gt;", "<strong data-testid=\"comment-author\">commenter</strong>")
        .doesNotContain("<script>alert(1)");
    JsonNode api = ApiTest.ok(web.browser().get("/api/v1/papers/2401.00102/comments"));
    assertThat(api.get("comments").get(0).get("body").asText()).startsWith("Code at https://github.com/x/y.");
    assertThat(ApiTest.ok(web.browser().get("/api/v1/papers/2401.00102")).get("commentCount").asInt()).isPositive();
  }

  @Test
  void only_the_author_edits_or_deletes_a_comment() {
    Browser author = web.browser().signUp("author1");
    Browser other = web.browser().signUp("other1");
    author.post("/papers/2401.00103/comments", Map.of("body", "First thoughts"));
    long id = ApiTest.ok(web.browser().get("/api/v1/papers/2401.00103/comments")).get("comments").get(0).get("id").asLong();
    assertThat(other.post("/comments/" + id + "/edit", Map.of("body", "hijacked")).statusCode()).isEqualTo(404);
    assertThat(other.post("/comments/" + id + "/delete", Map.of()).statusCode()).isEqualTo(404);
    assertThat(author.post("/comments/" + id + "/edit", Map.of("body", "Second thoughts")).statusCode()).isEqualTo(303);
    JsonNode c = ApiTest.ok(web.browser().get("/api/v1/papers/2401.00103/comments")).get("comments").get(0);
    assertThat(c.get("body").asText()).isEqualTo("Second thoughts");
    assertThat(c.get("edited").isNull()).isFalse();
    assertThat(author.get("/papers/2401.00103").body()).contains("data-testid=\"comment-delete\"");
    assertThat(other.get("/papers/2401.00103").body()).doesNotContain("data-testid=\"comment-delete\"");
    assertThat(author.post("/comments/" + id + "/delete", Map.of()).statusCode()).isEqualTo(303);
    assertThat(ApiTest.ok(web.browser().get("/api/v1/papers/2401.00103/comments")).get("comments")).isEmpty();
  }

  @Test
  void comments_are_for_members_have_text_of_a_bounded_length_and_are_rate_limited() {
    assertThat(web.browser().post("/papers/2401.00104/comments", Map.of("body", "anonymous")).statusCode()).isEqualTo(303); // to log in
    Browser b = web.browser().signUp("chatty");
    assertThat(b.post("/papers/2401.00104/comments", Map.of("body", "   ")).statusCode()).isEqualTo(400);
    assertThat(b.post("/papers/2401.00104/comments", Map.of("body", "x".repeat(5_001))).statusCode()).isEqualTo(400);
    for (int i = 0; i < 10; i++) {
      assertThat(b.post("/papers/2401.00104/comments", Map.of("body", "comment " + i)).statusCode()).isEqualTo(303);
    }
    HttpResponse<String> limited = b.post("/papers/2401.00104/comments", Map.of("body", "one too many"));
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void the_api_adds_edits_and_deletes_comments_with_a_token() {
    Browser b = web.browser().signUp("apicommenter");
    String token = Browser.json(b.api("POST", "/api/v1/tokens",
        "{\"name\":\"apicommenter\",\"password\":\"correct horse battery\"}")).get("token").asText();
    HttpResponse<String> added = b.api("POST", "/api/v1/papers/2401.00105/comments", "{\"body\":\"Nice\"}", "Authorization", "Bearer " + token);
    assertThat(added.statusCode()).isEqualTo(201);
    long id = Browser.json(added).get("id").asLong();
    assertThat(Browser.json(b.api("PUT", "/api/v1/comments/" + id, "{\"body\":\"Very nice\"}", "Authorization", "Bearer " + token))
        .get("body").asText()).isEqualTo("Very nice");
    assertThat(b.api("DELETE", "/api/v1/comments/" + id, null, "Authorization", "Bearer " + token).statusCode()).isEqualTo(204);
    assertThat(b.api("DELETE", "/api/v1/comments/" + id, null, "Authorization", "Bearer " + token).statusCode()).isEqualTo(404);
    assertThat(b.api("POST", "/api/v1/papers/2401.00105/comments", "{\"body\":5}", "Authorization", "Bearer " + token).statusCode()).isEqualTo(400);
  }

  @Test
  void a_member_is_told_of_comments_by_others_on_the_papers_they_saved_or_upvoted() {
    Instant start = Instant.now().minusSeconds(1);
    Browser reader = web.browser().signUp("follower");
    reader.post("/papers/2401.00106/save", Map.of("tags", ""));
    reader.post("/papers/2401.00107/vote", Map.of("action", "up"));
    reader.post("/papers/2401.00106/comments", Map.of("body", "my own note"));
    Browser other = web.browser().signUp("speaker");
    other.post("/papers/2401.00106/comments", Map.of("body", "on the saved one"));
    other.post("/papers/2401.00107/comments", Map.of("body", "on the upvoted one"));
    other.post("/papers/2401.00108/comments", Map.of("body", "on another one"));
    long readerId = new org.paperlens.account.AccountStore(web.db, new org.paperlens.account.PasswordHasher(1024, 1, 1), Clock.systemUTC())
        .byName("follower").orElseThrow().id();
    var told = new CommunityStore(web.db, Clock.systemUTC()).comments().onPapersOf(readerId, start, 10);
    assertThat(told).extracting(c -> c.body()).containsExactly("on the saved one", "on the upvoted one");
  }
}
