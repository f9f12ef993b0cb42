package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The inputs that got 500 in the issue-21 campaign (an empty multipart body, a query of many fuzzy
 * terms, deeply nested BibTeX braces) and the limits Jetty enforces before Javalin (414, 431): each
 * a 4xx, as problem+json under /api/v1. Sent over raw sockets, as an attacker would.
 */
class HostileInputTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture();

  static RawHttp http() {
    return new RawHttp(URI.create(web.base).getPort(), 60_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/login", "/signup", "/submit", "/library/import", "/papers/2401.00101/vote", "/account/tokens"})
  void an_empty_multipart_body_is_a_bad_request(String path) throws Exception {
    RawHttp.Response r = http().send(new RawHttp.Request("POST", path, List.of("Content-Type: multipart/form-data; boundary=x"), new byte[0]));
    assertThat(r.status()).as(r.head()).isBetween(400, 499);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a~ b~ c~ d~ e~ f~ g~ h~ i~ j~", "a~ b~ c~ d~ e~ f~ g~ h~ i~ j~ k~ l~ m~ n~ o~ p~ q~ r~ s~ t~",
      "ti:[a TO z]", "[a TO zzzz]", "a* b* c* d* e* f* g* h* i* j*", "gr~2 ne~2 le~2 ma~2 mo~2 da~2 th~2 co~2 pr~2 re~2"})
  void expensive_queries_are_bad_requests_as_problem_json(String q) throws Exception {
    String path = "/api/v1/search?mode=keyword&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    RawHttp.Response r = http().send(new RawHttp.Request("GET", path, List.of(), null));
    assertThat(r.status()).as(q + ": " + r.head()).isIn(200, 400);
    if (r.status() == 400) {
      assertThat(r.head()).containsIgnoringCase("application/problem+json");
    }
    RawHttp.Response page = http().send(new RawHttp.Request("GET", "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), List.of(), null));
    assertThat(page.status()).as(q + ": " + page.head()).isLessThan(500);
  }

  @Test
  void braces_nested_thousands_deep_in_an_upload_skip_that_entry_and_name_its_line() {
    Browser member = web.browser().signUp("nester");
    String deep = "@article{deep,\n  title = " + "{".repeat(5_000) + "x" + "}".repeat(5_000) + "}\n";
    var r = member.post("/library/import", java.util.Map.of("bibtex", "@misc{ok, title = {Nothing like it}}\n" + deep));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("line 2 (deep): braces nested deeper than 100 levels");
    var only = member.post("/library/import", java.util.Map.of("bibtex", deep));
    assertThat(only.statusCode()).isEqualTo(400);
    assertThat(only.body()).contains("line 1 (deep)");
  }

  @Test
  void ten_fuzzy_terms_are_answered_400_with_a_clear_message() {
    var r = web.browser().get("/api/v1/search?mode=keyword&q=" + URLEncoder.encode("a~ b~ c~ d~ e~ f~ g~ h~ i~ j~", StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("fuzzy");
  }

  @Test
  void a_uri_too_long_for_the_api_is_problem_json() throws Exception {
    RawHttp.Response r = http().send(new RawHttp.Request("GET", "/api/v1/search?q=" + "a".repeat(20_000), List.of(), null));
    assertThat(r.status()).isEqualTo(414);
    assertThat(r.head()).containsIgnoringCase("Content-Type: application/problem+json");
  }

  @Test
  void headers_too_large_for_the_api_are_problem_json() throws Exception {
    RawHttp.Response r = http().send(new RawHttp.Request("GET", "/api/v1/search?q=x", List.of("X-Big: " + "b".repeat(20_000)), null));
    assertThat(r.status()).isEqualTo(431);
    assertThat(r.head()).containsIgnoringCase("Content-Type: application/problem+json");
  }

  @Test
  void a_uri_too_long_for_jetty_itself_is_problem_json() throws Exception {
    RawHttp.Response r = http().send(new RawHttp.Request("GET", "/api/v1/search?q=" + "a".repeat(60_000), List.of(), null));
    assertThat(r.status()).isEqualTo(414);
    assertThat(r.head()).containsIgnoringCase("Content-Type: application/problem+json");
    RawHttp.Response h = http().send(new RawHttp.Request("GET", "/api/v1/search?q=x", List.of("X-Big: " + "b".repeat(60_000)), null));
    assertThat(h.status()).isEqualTo(431);
    assertThat(h.head()).containsIgnoringCase("Content-Type: application/problem+json");
  }

  @Test
  void headers_too_large_for_a_page_are_a_plain_page() throws Exception {
    RawHttp.Response r = http().send(new RawHttp.Request("GET", "/search?q=x", List.of("Cookie: c=" + "b".repeat(20_000)), null));
    assertThat(r.status()).isEqualTo(431);
    assertThat(r.head()).containsIgnoringCase("Content-Type: text/plain");
  }

  @Test
  void a_uri_too_long_for_a_page_is_a_plain_page() throws Exception {
    RawHttp.Response r = http().send(new RawHttp.Request("GET", "/search?q=" + "a".repeat(20_000), List.of(), null));
    assertThat(r.status()).isEqualTo(414);
    assertThat(r.head()).doesNotContainIgnoringCase("problem+json");
  }
}
