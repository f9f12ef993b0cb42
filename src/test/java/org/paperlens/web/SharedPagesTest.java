package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperlens.web.http.Auth;
import org.paperlens.web.page.SharedPage;

/**
 * Pages rendered once for every visitor who is not logged in ({@link SharedPage}): each visitor
 * still gets their own CSRF token, a vote shows at once, and members still see their own state.
 */
class SharedPagesTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture();

  private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\">");

  @Test
  void every_visitor_gets_their_own_csrf_token_in_a_shared_page() {
    for (String path : new String[] {"/daily?date=2024-01-03", "/papers/2401.00101", "/search?q=attention&mode=keyword"}) {
      Browser one = web.browser();
      Browser two = web.browser();
      HttpResponse<String> first = one.get(path);
      HttpResponse<String> second = two.get(path);
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.headers().firstValue("Content-Type").orElse("").replace(" ", "")).isEqualToIgnoringCase("text/html;charset=utf-8");
      String a = token(first.body());
      String b = token(second.body());
      assertThat(a).as(path).isEqualTo(one.cookie(Auth.CSRF_COOKIE)).matches("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}");
      assertThat(b).as(path).isEqualTo(two.cookie(Auth.CSRF_COOKIE)).isNotEqualTo(a);
      assertThat(second.body()).as("the same page, but for the token").isEqualTo(first.body().replace(a, b))
          .doesNotContain(SharedPage.TOKEN_GAP);
      assertThat(token(one.get(path).body())).as("a returning visitor keeps their token").isEqualTo(a);
    }
  }

  @Test
  void a_browser_that_accepts_gzip_gets_the_same_page_compressed_with_its_own_token() throws Exception {
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    for (String path : new String[] {"/daily?date=2024-01-03", "/papers/2401.00101", "/search?q=attention&mode=keyword"}) {
      HttpResponse<byte[]> r = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(web.base + path))
          .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
      String html = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(r.body())).readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8);
      String token = token(html);
      assertThat(r.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith(Auth.CSRF_COOKIE + "=" + token + ";"));
      Browser plain = web.browser();
      String uncompressed = plain.get(path).body();
      assertThat(html).as(path).isEqualTo(uncompressed.replace(token(uncompressed), token));
    }
  }

  @Test
  void a_vote_shows_at_once_on_the_shared_pages_and_the_voter_sees_their_own_state() {
    Browser visitor = web.browser();
    String before = visitor.get("/papers/2401.00103").body();
    assertThat(before).contains("▲ 0 · log in to upvote");
    visitor.get("/daily?date=2024-01-03");
    Browser member = web.browser().signUp("sharer");
    assertThat(member.post("/papers/2401.00103/vote", Map.of()).statusCode()).isEqualTo(303);
    assertThat(visitor.get("/papers/2401.00103").body()).contains("▲ 1 · log in to upvote");
    assertThat(member.get("/papers/2401.00103").body()).contains("aria-pressed=\"true\"", "▲ Upvoted · 1")
        .doesNotContain("log in to upvote");
    assertThat(visitor.get("/papers/2401.00103?done=submitted").body()).contains("Thanks: the paper is submitted.");
    assertThat(visitor.get("/papers/2401.00103").body()).doesNotContain("Thanks: the paper is submitted.");
  }

  private static String token(String html) {
    Matcher m = META_TOKEN.matcher(html);
    assertThat(m.find()).as(html).isTrue();
    return m.group(1);
  }
}
