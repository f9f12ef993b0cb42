package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperlens.account.Secrets;
import org.paperlens.web.http.Auth;

/** The security promises of the web app, checked over HTTP. */
class SecurityTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture();

  @Test
  void the_session_cookie_is_http_only_and_same_site() {
    Browser b = web.browser();
    HttpResponse<String> r = b.post("/signup", Map.of("name", "cookies", "password", "correct horse battery"));
    assertThat(r.statusCode()).isEqualTo(303);
    String session = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Auth.SESSION_COOKIE + "=")).findFirst().orElseThrow();
    assertThat(session).contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure");
    HttpResponse<String> overTls = web.browser().api("GET", "/search", null, "X-Forwarded-Proto", "https");
    assertThat(overTls.headers().allValues("Set-Cookie")).isNotEmpty().allSatisfy(c -> assertThat(c).contains("Secure", "HttpOnly"));
  }

  @Test
  void forms_without_the_csrf_token_are_refused() {
    Browser b = web.browser().signUp("csrfvictim");
    HttpResponse<String> noToken = b.postRaw("/papers/2401.00101/vote", Map.of("action", "up"));
    assertThat(noToken.statusCode()).isEqualTo(403);
    HttpResponse<String> wrongToken = b.postRaw("/papers/2401.00101/vote", Map.of("action", "up", "csrf", "x".repeat(43)));
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    HttpResponse<String> signupNoToken = web.browser().postRaw("/signup", Map.of("name", "sneaky", "password", "correct horse battery"));
    assertThat(signupNoToken.statusCode()).isEqualTo(403);
    for (String path : List.of("/papers/2401.00101/save", "/submit", "/login", "/logout", "/account/tokens", "/account/tokens/revoke")) {
      assertThat(b.postRaw(path, Map.of("paper", "2401.00101", "name", "csrfvictim")).statusCode()).as(path).isEqualTo(403);
    }
    assertThat(b.get("/api/v1/papers/2401.00101").body()).contains("\"upvotes\":0");
    assertThat(b.post("/papers/2401.00101/vote", Map.of("action", "up")).statusCode()).isEqualTo(303);
  }

  @Test
  void a_made_up_csrf_cookie_with_a_matching_field_is_refused() {
    Browser b = web.browser().signUp("csrfforger");
    java.net.URI site = java.net.URI.create(web.base);
    for (String forged : List.of("x".repeat(43), "A".repeat(22) + "." + "B".repeat(43), Secrets.newToken())) {
      java.net.HttpCookie cookie = new java.net.HttpCookie(Auth.CSRF_COOKIE, forged);
      cookie.setPath("/");
      b.cookies.getCookieStore().add(site, cookie);
      assertThat(b.postRaw("/papers/2401.00103/vote", Map.of("action", "up", "csrf", forged)).statusCode()).as(forged).isEqualTo(403);
      assertThat(b.api("PUT", "/api/v1/papers/2401.00103/vote", null, Auth.CSRF_HEADER, forged).statusCode()).as(forged).isEqualTo(403);
      Browser visitor = web.browser();
      visitor.cookies.getCookieStore().add(site, cookie);
      assertThat(visitor.postRaw("/login", Map.of("name", "csrfforger", "password", "correct horse battery", "csrf", forged)).statusCode())
          .as("a forged pair on a log-in form, which would log a visitor in as someone else").isEqualTo(403);
    }
    assertThat(b.get("/api/v1/papers/2401.00103").body()).contains("\"upvotedByMe\":false");
  }

  @Test
  void a_csrf_token_of_another_session_is_refused() {
    Browser alice = web.browser().signUp("csrfalice");
    Browser mallory = web.browser().signUp("csrfmallory");
    String hers = alice.csrf();
    java.net.HttpCookie cookie = new java.net.HttpCookie(Auth.CSRF_COOKIE, hers);
    cookie.setPath("/");
    mallory.cookies.getCookieStore().add(java.net.URI.create(web.base), cookie);
    assertThat(mallory.postRaw("/papers/2401.00104/vote", Map.of("action", "up", "csrf", hers)).statusCode()).isEqualTo(403);
    assertThat(alice.postRaw("/papers/2401.00104/vote", Map.of("action", "up", "csrf", hers)).statusCode()).isEqualTo(303);
  }

  @Test
  void a_browser_that_gets_a_form_and_posts_it_gets_through_and_its_token_follows_the_session() {
    Browser b = web.browser();
    java.util.regex.Pattern field = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    java.util.regex.Matcher m = field.matcher(b.get("/signup").body());
    assertThat(m.find()).isTrue();
    assertThat(b.postRaw("/signup", Map.of("name", "csrfformer", "password", "correct horse battery", "csrf", m.group(1))).statusCode())
        .isEqualTo(303);
    assertThat(b.postRaw("/papers/2401.00105/vote", Map.of("action", "up", "csrf", m.group(1))).statusCode())
        .as("the token from before the session began").isEqualTo(403);
    m = field.matcher(b.get("/papers/2401.00105").body());
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).isEqualTo(b.csrf());
    assertThat(b.postRaw("/papers/2401.00105/vote", Map.of("action", "up", "csrf", m.group(1))).statusCode()).isEqualTo(303);
  }

  @Test
  void api_calls_with_the_session_cookie_need_the_csrf_header_but_bearer_tokens_do_not() {
    Browser b = web.browser().signUp("apicsrf");
    assertThat(b.api("PUT", "/api/v1/papers/2401.00102/vote", null).statusCode()).isEqualTo(403);
    assertThat(b.api("PUT", "/api/v1/papers/2401.00102/vote", null, Auth.CSRF_HEADER, b.csrf()).statusCode()).isEqualTo(200);
    String token = Browser.json(web.browser().api("POST", "/api/v1/tokens",
        "{\"name\":\"apicsrf\",\"password\":\"correct horse battery\"}")).get("token").asText();
    assertThat(web.browser().api("DELETE", "/api/v1/papers/2401.00102/vote", null, "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
  }

  @Test
  void failed_log_ins_are_rate_limited_even_with_the_right_password_afterwards() {
    web.browser().signUp("target");
    Browser attacker = web.browser();
    for (int i = 0; i < 5; i++) {
      assertThat(attacker.post("/login", Map.of("name", "target", "password", "guess" + i)).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> blocked = attacker.post("/login", Map.of("name", "target", "password", "correct horse battery"));
    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
    HttpResponse<String> api = web.browser().api("POST", "/api/v1/tokens", "{\"name\":\"target\",\"password\":\"correct horse battery\"}");
    assertThat(api.statusCode()).isEqualTo(429);
  }

  @Test
  void passwords_are_stored_as_argon2id_hashes() throws Exception {
    web.browser().signUp("hashed");
    String stored = web.db.transaction(tx -> tx.text("SELECT password_hash FROM accounts WHERE name = ?", "hashed").orElseThrow());
    assertThat(stored).startsWith("$argon2id$v=19$").doesNotContain("correct horse");
  }

  @Test
  void one_user_cannot_read_or_change_another_users_library() {
    Browser alice = web.browser().signUp("alice");
    Browser bob = web.browser().signUp("bob");
    alice.post("/papers/2401.00108/save", Map.of("tags", "secret-quantum"));
    assertThat(alice.get("/library").body()).contains("Quantum Error Correction", "secret-quantum");
    String bobs = bob.get("/library").body();
    assertThat(bobs).doesNotContain("Quantum Error Correction").doesNotContain("secret-quantum");
    assertThat(bob.get("/library?tag=secret-quantum").body()).doesNotContain("Quantum Error Correction");
    assertThat(bob.get("/api/v1/library", Auth.CSRF_HEADER, bob.csrf()).body()).doesNotContain("2401.00108");
    // Bob removing "the paper" only touches his own library: Alice still has it.
    bob.post("/papers/2401.00108/save", Map.of("action", "remove"));
    bob.api("DELETE", "/api/v1/library/2401.00108", null, Auth.CSRF_HEADER, bob.csrf());
    assertThat(alice.get("/library").body()).contains("Quantum Error Correction", "secret-quantum");
    assertThat(web.browser().get("/library").statusCode()).isEqualTo(303);
    assertThat(web.browser().get("/api/v1/library").statusCode()).isEqualTo(401);
  }

  @Test
  void script_and_quotes_in_tags_and_comments_are_shown_as_text() {
    Browser b = web.browser().signUp("xss");
    String evil = "<script>alert('x')</script>\"onmouseover=\"alert(1)";
    b.post("/papers/2401.00106/save", Map.of("tags", "<script>alert(2)</script>\"'"));
    b.post("/submit", Map.of("paper", "2401.00106", "comment", evil));
    for (String path : List.of("/library", "/papers/2401.00106", "/submit")) {
      String page = b.get(path).body();
      assertThat(page).as(path).doesNotContain("<script>alert").doesNotContain("\"onmouseover=\"")
          .contains("&lt;script&gt;alert(");
    }
    String search = b.get("/search?q=" + Browser.enc("<script>alert(1)</script>") + "&mode=keyword").body();
    assertThat(search).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void a_paper_title_with_script_and_quotes_is_shown_as_text() {
    web.store.write(w -> {
      w.put(org.paperlens.paper.Paper.builder(new org.paperlens.paper.PaperId("2405.00001"))
          .title("<script>alert('t')</script> \"Quoted\" & <b>bold</b>").abstractText("An abstract with $<img src=x onerror=alert(1)>$ math.")
          .authors(List.of("Eve <i>Evil</i>")).categories(List.of("cs.CR")).firstListed(java.time.LocalDate.of(2024, 5, 6)).source("test").build());
      return null;
    });
    for (String path : List.of("/papers/2405.00001", "/daily?date=2024-05-06")) {
      String page = web.browser().get(path).body();
      assertThat(page).as(path).doesNotContain("<script>alert", "<b>bold", "<i>Evil", "<img src=x")
          .contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; &quot;Quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;");
    }
    assertThat(web.browser().get("/papers/2405.00001").body()).contains("&lt;img src=x onerror=alert(1)&gt;");
  }

  @Test
  void sql_metacharacters_in_parameters_are_harmless() {
    Browser b = web.browser().signUp("bobby");
    String[] evil = {"'; DROP TABLE papers; --", "\" OR 1=1 --", "x' UNION SELECT password_hash FROM accounts --", "%' OR '%'='"};
    for (String e : evil) {
      String q = Browser.enc(e);
      assertThat(b.get("/search?q=" + q + "&mode=keyword").statusCode()).isEqualTo(200);
      assertThat(b.get("/api/v1/search?q=" + q + "&mode=hybrid&author=" + q + "&category=" + q).statusCode()).isEqualTo(200);
      assertThat(b.get("/api/v1/papers/" + q).statusCode()).isIn(400, 404);
      assertThat(b.get("/library?tag=" + q).statusCode()).isEqualTo(200);
      assertThat(b.post("/papers/2401.00101/save", Map.of("tags", e)).statusCode()).isIn(303, 400); // 400: a tag over 40 characters
      assertThat(b.post("/login", Map.of("name", e, "password", e)).statusCode()).isIn(401, 429);
    }
    assertThat(b.post("/papers/2401.00101/save", Map.of("tags", evil[0])).statusCode()).isEqualTo(303);
    assertThat(b.get("/library").body()).contains("drop table papers");
    assertThat(b.get("/api/v1/daily?date=2024-01-03").body()).contains("2401.00101", "2401.00102");
    assertThat(b.get("/api/v1/library", Auth.CSRF_HEADER, b.csrf()).body()).doesNotContain("argon2id");
  }

  @Test
  void pages_send_a_content_security_policy() {
    HttpResponse<String> r = web.browser().get("/daily");
    assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'", "frame-ancestors 'none'");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void log_out_ends_the_session() {
    Browser b = web.browser().signUp("leaver");
    assertThat(b.get("/library").statusCode()).isEqualTo(200);
    String old = b.cookie(Auth.SESSION_COOKIE);
    assertThat(b.post("/logout", Map.of()).statusCode()).isEqualTo(303);
    assertThat(b.get("/library").statusCode()).isEqualTo(303);
    Browser thief = web.browser();
    thief.cookies.getCookieStore().add(java.net.URI.create(web.base), new java.net.HttpCookie(Auth.SESSION_COOKIE, old));
    assertThat(thief.get("/library").statusCode()).isEqualTo(303);
  }

  @Test
  void back_links_never_lead_to_another_site() {
    web.browser().signUp("wanderer");
    List<String> offSite = List.of("/\t/127.0.0.1:18181/pwned", "/\u000b/127.0.0.1:18181/pwned", "/\u0000/127.0.0.1:18181/pwned",
        "/\n/127.0.0.1:18181/pwned", "//127.0.0.1:18181/pwned", "/\\127.0.0.1:18181/pwned", "https://127.0.0.1:18181/pwned",
        "/ /127.0.0.1:18181/pwned", "/\u3000/127.0.0.1:18181/pwned");
    for (String back : offSite) {
      assertThat(web.browser().get("/login?back=" + Browser.enc(back)).body()).as(back).doesNotContain("18181");
      Browser b = web.browser();
      HttpResponse<String> login = b.post("/login", Map.of("name", "wanderer", "password", "correct horse battery", "back", back));
      assertThat(login.statusCode()).as(back).isEqualTo(303);
      assertThat(login.headers().firstValue("Location")).as(back).contains("/library");
      assertThat(b.post("/papers/2401.00103/vote", Map.of("back", back)).headers().firstValue("Location")).as(back)
          .contains("/papers/2401.00103");
      assertThat(b.post("/papers/2401.00103/save", Map.of("back", back)).headers().firstValue("Location")).as(back)
          .contains("/papers/2401.00103");
    }
    Browser b = web.browser();
    HttpResponse<String> local = b.post("/login", Map.of("name", "wanderer", "password", "correct horse battery",
        "back", "/search?q=graph%20networks&page=2"));
    assertThat(local.headers().firstValue("Location")).contains("/search?q=graph%20networks&page=2");
  }
}
