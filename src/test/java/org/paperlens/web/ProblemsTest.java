package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets application/problem+json with the right status, never a 500. */
class ProblemsTest {

  @RegisterExtension
  static final WebFixture web = new WebFixture();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/api/v1/search?q=x&page=0|400|page",
      "/api/v1/search?q=x&page=abc|400|whole number",
      "/api/v1/search?q=x&limit=1000|400|limit",
      "/api/v1/search?q=x&mode=psychic|400|unknown search mode",
      "/api/v1/search?q=x&from=2024-13-01|400|YYYY-MM-DD",
      "/api/v1/search?q=x&from=2024-05-01&to=2024-01-01|400|date range is empty",
      "/api/v1/search|400|'q'",
      "/api/v1/daily?date=yesterday|400|YYYY-MM-DD",
      "/api/v1/daily?date=%2B999999999-12-31&view=week|400|from 1000-01-01 to 9999-12-31",
      "/api/v1/daily?date=%2B999999999-12-31&view=month|400|from 1000-01-01 to 9999-12-31",
      "/api/v1/daily?date=-999999999-01-01|400|from 1000-01-01 to 9999-12-31",
      "/api/v1/daily?date=+999999999-12-31&view=week|400|date",
      "/api/v1/search?q=x&from=%2B999999999-12-31|400|from 1000-01-01 to 9999-12-31",
      "/api/v1/search?q=x&to=-0001-01-01|400|from 1000-01-01 to 9999-12-31",
      "/api/v1/daily?view=year|400|view",
      "/api/v1/daily?page=-1|400|page",
      "/api/v1/trending?window=decade|400|window",
      "/api/v1/papers/2999.99999|404|no paper 2999.99999",
      "/api/v1/papers/2999.99999/related|404|no paper",
      "/api/v1/papers/2401.00101/related?k=0|400|k",
      "/api/v1/nothing-here|404|no page",
      "/api/v1/library|401|log in"})
  void bad_requests_get_problem_json(String path, int status, String detail) {
    HttpResponse<String> r = web.browser().get(path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    JsonNode p = Browser.json(r);
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(p.get("detail").asText()).contains(detail);
  }

  @Test
  void too_long_parameters_are_refused() {
    HttpResponse<String> r = web.browser().get("/api/v1/search?q=" + "a".repeat(600));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Browser.json(r).get("detail").asText()).contains("longer than 500");
  }

  @Test
  void malformed_json_bodies_and_wrong_methods_are_client_errors() {
    Browser b = web.browser();
    assertThat(b.api("POST", "/api/v1/tokens", "{not json").statusCode()).isEqualTo(400);
    assertThat(b.api("POST", "/api/v1/tokens", "[1,2]").statusCode()).isEqualTo(400);
    assertThat(b.api("POST", "/api/v1/tokens", "{\"name\":5}").statusCode()).isEqualTo(400);
    assertThat(b.api("PATCH", "/api/v1/search?q=x", "{}").statusCode()).isEqualTo(405);
    HttpResponse<String> post = b.api("POST", "/api/v1/search?q=x", "{}");
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(b.api("DELETE", "/daily", null).statusCode()).isEqualTo(405);
  }

  @ParameterizedTest
  @CsvSource({"/daily?date=%2B999999999-12-31&view=week", "/daily?date=%2B999999999-12-31&view=month",
      "/daily?date=%2B999999999-12-31", "/search?q=x&to=%2B999999999-12-31", "/search/export?q=x&from=%2B999999999-12-31"})
  void dates_out_of_range_are_bad_requests_on_pages_too(String path) {
    HttpResponse<String> r = web.browser().get(path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("from 1000-01-01 to 9999-12-31");
  }

  @Test
  void a_malformed_multipart_form_is_a_bad_request_logged_in_one_line() throws Exception {
    Browser b = web.browser().signUp("multipart");
    String csrf = b.csrf();
    List<String[]> bodies = List.of(
        new String[] {"multipart/form-data; boundary=XyZ", "this is not multipart at all"},
        new String[] {"multipart/form-data; boundary=XyZ", "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf},
        new String[] {"multipart/form-data; boundary=XyZ", "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf
            + "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bib\"\r\nContent-Type: text/plain\r\n\r\n@misc{"},
        new String[] {"multipart/form-data", "--XyZ\r\n\r\n--XyZ--"},
        new String[] {"multipart/form-data; boundary=", "--\r\n"},
        new String[] {"multipart/form-data; boundary=XyZ", "--XyZ\r\nContent-Disposition: garbage\r\n\r\nx\r\n--XyZ--\r\n"});
    List<String> paths = List.of("/login", "/signup", "/submit", "/library/import", "/papers/2401.00101/vote", "/account/tokens");
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream original = System.err;
    List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler handler = new java.util.logging.Handler() {
      @Override public void publish(java.util.logging.LogRecord r) { records.add(r); }
      @Override public void flush() {}
      @Override public void close() {}
    };
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.addHandler(handler);
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      for (String path : paths) {
        for (String[] body : bodies) {
          HttpResponse<String> r = b.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(web.base + path))
              .header("Content-Type", body[0]).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body[1])).build(),
              HttpResponse.BodyHandlers.ofString());
          assertThat(r.statusCode()).as(path + " " + body[1]).isBetween(400, 499);
        }
      }
    } finally {
      System.setErr(original);
      root.removeHandler(handler);
    }
    assertThat(records).noneMatch(r -> r.getThrown() != null);
    assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("\tat ").doesNotContain("Exception:");
  }

  @Test
  void pages_show_bad_input_as_an_html_error_with_the_status() {
    HttpResponse<String> r = web.browser().get("/daily?date=2024-02-30");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).matches("text/html; ?charset=utf-8");
    assertThat(r.body()).contains("YYYY-MM-DD");
  }
}
