package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperlens.account.Role;

/**
 * Moderation through the real server (issue 21, finding 7: nobody could hide a spam comment or
 * submission, suspend an account, or see who did what): hidden things vanish for everyone but
 * moderators, a suspended account's votes leave counts and trending, the report queue puts the most
 * reported first, every action is in the log, and members are refused with 403 problem+json.
 */
class ModerationTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture();

  private static final String PASSWORD = "{\"name\":\"%s\",\"password\":\"correct horse battery\"}";

  /** A signed-up browser given {@code role} (as the command line would). */
  private static Browser staff(String name, Role role) {
    Browser b = web.browser().signUp(name);
    web.root.moderation().grant(name, role);
    return b;
  }

  private static String token(Browser b, String name) {
    return Browser.json(b.api("POST", "/api/v1/tokens", PASSWORD.formatted(name))).get("token").asText();
  }

  private static long comment(Browser author, String paper, String body) {
    HttpResponse<String> r = author.api("POST", "/api/v1/papers/" + paper + "/comments", "{\"body\":\"" + body + "\"}",
        "X-CSRF-Token", author.csrf());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return Browser.json(r).get("id").asLong();
  }

  private static HttpResponse<String> post(Browser b, String path, String json) {
    return b.api("POST", path, json, "X-CSRF-Token", b.csrf());
  }

  @Test
  void a_hidden_comment_is_gone_for_others_and_shown_marked_to_moderators_until_shown_again() {
    Browser spammer = web.browser().signUp("spammer1");
    long id = comment(spammer, "2401.00102", "Buy cheap pills at spam.example");
    Browser mod = staff("mod1", Role.MODERATOR);
    assertThat(mod.post("/moderation/comments/" + id + "/hide", Map.of("reason", "spam")).statusCode()).isEqualTo(303);

    Browser reader = web.browser().signUp("reader1");
    assertThat(reader.get("/papers/2401.00102").body()).doesNotContain("cheap pills");
    assertThat(web.browser().get("/papers/2401.00102").body()).doesNotContain("cheap pills");
    assertThat(spammer.get("/papers/2401.00102").body()).doesNotContain("cheap pills");
    assertThat(ApiTest.ok(web.browser().get("/api/v1/papers/2401.00102/comments")).get("comments")).isEmpty();
    assertThat(ApiTest.ok(web.browser().get("/api/v1/papers/2401.00102")).get("commentCount").asInt()).isZero();
    String seenByModerator = mod.get("/papers/2401.00102").body();
    assertThat(seenByModerator).contains("cheap pills", "data-testid=\"comment-hidden\"", "Show again");
    assertThat(mod.get("/account").body()).contains("data-testid=\"account-role\"", "href=\"/moderation\"");
    assertThat(reader.get("/account").body()).doesNotContain("data-testid=\"account-role\"");
    assertThat(ApiTest.ok(mod.get("/api/v1/me")).get("role").asText()).isEqualTo("moderator");
    assertThat(post(mod, "/api/v1/moderation/comments/" + id + "/hide", null).statusCode()).as("hidden already").isEqualTo(409);

    assertThat(ApiTest.ok(post(mod, "/api/v1/moderation/comments/" + id + "/unhide", "{\"reason\":\"not spam after all\"}"))
        .get("done").asText()).isEqualTo("unhide");
    assertThat(reader.get("/papers/2401.00102").body()).contains("cheap pills");
    Browser admin = staff("admin1", Role.ADMIN);
    JsonNode log = ApiTest.ok(admin.get("/api/v1/moderation/log?limit=50")).get("entries");
    List<String> lines = new ArrayList<>();
    log.forEach(e -> lines.add(e.get("actor").asText() + " " + e.get("action").asText() + " " + e.get("target").asText() + " "
        + e.get("reason").asText()));
    assertThat(lines).containsSubsequence(
        "mod1 unhide-comment comment " + id + " by spammer1 on 2401.00102 not spam after all",
        "mod1 hide-comment comment " + id + " by spammer1 on 2401.00102 spam");
    assertThat(log.get(0).get("at").asText()).isNotBlank();
    assertThat(admin.get("/moderation/log").body()).contains("hide-comment", "mod1", "comment " + id + " by spammer1");
  }

  @Test
  void a_hidden_submission_leaves_the_lists_and_the_count() {
    Browser submitter = web.browser().signUp("submitter1");
    assertThat(post(submitter, "/api/v1/submissions", "{\"paper\":\"2401.00104\",\"comment\":\"my own ad\"}").statusCode()).isEqualTo(201);
    assertThat(web.browser().get("/api/v1/submissions").body()).contains("submitter1");
    Browser mod = staff("mod2", Role.MODERATOR);
    assertThat(ApiTest.ok(post(mod, "/api/v1/moderation/submissions/hide",
        "{\"paper\":\"2401.00104\",\"member\":\"submitter1\",\"reason\":\"self-promotion\"}")).get("hidden").asBoolean()).isTrue();
    assertThat(web.browser().get("/api/v1/submissions").body()).doesNotContain("submitter1");
    assertThat(web.browser().get("/papers/2401.00104").body()).doesNotContain("my own ad");
    assertThat(mod.get("/papers/2401.00104").body()).contains("my own ad", "data-testid=\"submission-hidden\"");
    assertThat(ApiTest.ok(web.browser().get("/api/v1/papers/2401.00104")).get("submissions").asInt()).isZero();
  }

  @Test
  void a_suspended_account_cannot_log_in_loses_its_sessions_and_tokens_and_its_votes_leave_counts_and_trending() {
    Browser voter = web.browser().signUp("voter1");
    String token = token(voter, "voter1");
    assertThat(voter.post("/papers/2401.00106/vote", Map.of("action", "up")).statusCode()).isEqualTo(303);
    assertThat(ApiTest.ok(web.browser().get("/api/v1/papers/2401.00106")).get("upvotes").asInt()).isEqualTo(1);
    assertThat(trendingIds()).contains("2401.00106");

    Browser mod = staff("mod3", Role.MODERATOR);
    assertThat(ApiTest.ok(post(mod, "/api/v1/moderation/accounts/voter1/suspend", "{\"reason\":\"vote ring\"}"))
        .get("suspended").asBoolean()).isTrue();
    assertThat(ApiTest.ok(web.browser().get("/api/v1/papers/2401.00106")).get("upvotes").asInt()).isZero();
    assertThat(trendingIds()).doesNotContain("2401.00106");
    assertThat(voter.get("/api/v1/me").statusCode()).as("the session ended").isEqualTo(401);
    assertThat(web.browser().get("/api/v1/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
    HttpResponse<String> login = web.browser().api("POST", "/api/v1/tokens", PASSWORD.formatted("voter1"));
    assertThat(login.statusCode()).isEqualTo(403);
    assertThat(login.body()).contains("suspended");
    assertThat(post(mod, "/api/v1/moderation/accounts/mod3/suspend", null).statusCode()).as("staff first lose the role").isEqualTo(409);

    assertThat(post(mod, "/api/v1/moderation/accounts/voter1/unsuspend", null).statusCode()).isEqualTo(200);
    assertThat(ApiTest.ok(web.browser().get("/api/v1/papers/2401.00106")).get("upvotes").asInt()).isEqualTo(1);
    assertThat(trendingIds()).contains("2401.00106");
    assertThat(web.browser().get("/api/v1/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
  }

  private static List<String> trendingIds() {
    List<String> ids = new ArrayList<>();
    ApiTest.ok(web.browser().get("/api/v1/trending?window=day")).get("papers").forEach(n -> ids.add(n.get("id").asText()));
    return ids;
  }

  @Test
  void the_queue_lists_the_most_reported_comment_first_once_per_member_and_hiding_settles_it() {
    Browser author = web.browser().signUp("author2");
    long once = comment(author, "2401.00108", "reported once");
    long thrice = comment(author, "2401.00108", "reported thrice");
    Browser first = web.browser().signUp("reporter1");
    assertThat(first.post("/comments/" + once + "/report", Map.of("reason", "off topic")).statusCode()).isEqualTo(303);
    for (String name : List.of("reporter2", "reporter3", "reporter4")) {
      Browser b = web.browser().signUp(name);
      assertThat(post(b, "/api/v1/comments/" + thrice + "/reports", "{\"reason\":\"abuse from " + name + "\"}").statusCode()).isEqualTo(201);
    }
    HttpResponse<String> again = post(first, "/api/v1/comments/" + once + "/reports", "{\"reason\":\"still off topic\"}");
    assertThat(Browser.json(again).get("new").asBoolean()).isFalse();
    assertThat(post(first, "/api/v1/comments/" + once + "/reports", "{}").statusCode()).as("a reason is required").isEqualTo(400);

    Browser mod = staff("mod4", Role.MODERATOR);
    JsonNode queue = ApiTest.ok(mod.get("/api/v1/moderation/reports")).get("reports");
    assertThat(queue).hasSize(2);
    assertThat(queue.get(0).get("comment").get("id").asLong()).isEqualTo(thrice);
    assertThat(queue.get(0).get("reports").asInt()).isEqualTo(3);
    assertThat(queue.get(1).get("comment").get("id").asLong()).isEqualTo(once);
    assertThat(queue.get(1).get("reasons").get(0).get("reason").asText()).isEqualTo("off topic");
    String page = mod.get("/moderation").body();
    assertThat(page.indexOf("reported thrice")).isPositive().isLessThan(page.indexOf("reported once"));

    assertThat(mod.post("/moderation/comments/" + thrice + "/hide", Map.of("reason", "abuse")).statusCode()).isEqualTo(303);
    assertThat(ApiTest.ok(post(mod, "/api/v1/moderation/comments/" + once + "/dismiss", null)).get("done").asText()).isEqualTo("dismiss");
    assertThat(ApiTest.ok(mod.get("/api/v1/moderation/reports")).get("reports")).isEmpty();
  }

  @Test
  void members_and_visitors_are_refused_the_moderators_routes_and_moderators_the_log() {
    Browser member = web.browser().signUp("member5");
    long id = comment(member, "2401.00110", "a fine comment");
    for (HttpResponse<String> r : List.of(member.get("/api/v1/moderation/reports"), member.get("/api/v1/moderation/log"),
        post(member, "/api/v1/moderation/comments/" + id + "/hide", null),
        post(member, "/api/v1/moderation/accounts/member5/suspend", null),
        post(member, "/api/v1/moderation/submissions/hide", "{\"paper\":\"2401.00110\",\"member\":\"member5\"}"))) {
      assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(403);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
    assertThat(member.get("/moderation").statusCode()).isEqualTo(403);
    assertThat(member.post("/moderation/comments/" + id + "/hide", Map.of()).statusCode()).isEqualTo(403);
    assertThat(web.browser().get("/api/v1/moderation/reports").statusCode()).isEqualTo(401);
    Browser mod = staff("mod5", Role.MODERATOR);
    assertThat(mod.get("/api/v1/moderation/log").statusCode()).as("the log is for administrators").isEqualTo(403);
    assertThat(mod.postRaw("/moderation/comments/" + id + "/hide", Map.of("csrf", "forged")).statusCode()).as("CSRF").isEqualTo(403);
    assertThat(ApiTest.ok(web.browser().get("/api/v1/papers/2401.00110/comments")).get("comments")).hasSize(1);
  }
}
