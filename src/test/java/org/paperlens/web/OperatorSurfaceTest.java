package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperlens.ops.LogLine;
import org.paperlens.ops.Operations;

/**
 * The operators' surface of a real server (issue 21): {@code /health/live}, {@code /health/ready}
 * (503 while the catalogue does not answer, 200 again after), Prometheus text at {@code /metrics}
 * behind its token, and the request log. Before it, {@code /api/v1/status} was the only check there
 * was, and it answered 200 while every page with a session answered 503.
 */
class OperatorSurfaceTest {

  static final String TOKEN = "metrics-token-for-tests";
  static final List<String> LOG = Collections.synchronizedList(new ArrayList<>());

  @RegisterExtension
  static final WebFixture web = new WebFixture().withOperations(new Operations(TOKEN, true, LOG::add));

  @Test
  void live_and_ready_answer_200_with_what_was_checked() {
    Browser b = web.browser();
    HttpResponse<String> live = b.get("/health/live");
    assertThat(live.statusCode()).isEqualTo(200);
    HttpResponse<String> ready = b.get("/health/ready");
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    JsonNode body = Browser.json(ready);
    assertThat(body.path("status").asText()).isEqualTo("ready");
    assertThat(body.path("checks").fieldNames()).toIterable().containsExactly("catalogue", "index", "pipeline");
    assertThat(body.path("checks").path("catalogue").path("ok").asBoolean()).isTrue();
    assertThat(body.path("failed")).isEmpty();
  }

  @Test
  void ready_goes_503_while_the_catalogue_does_not_answer_and_200_after_while_live_stays_200() throws Exception {
    Browser b = web.browser();
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // The pages' catalogue connection taken by a transaction that does not end: every page that
    // reads the catalogue waits, as it did behind a dead PostgreSQL connection.
    Thread stuck = new Thread(() -> web.store.database().transaction(tx -> {
      holding.countDown();
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    }));
    stuck.start();
    try {
      assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
      HttpResponse<String> ready = b.get("/health/ready");
      assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
      JsonNode body = Browser.json(ready);
      assertThat(body.path("status").asText()).isEqualTo("not ready");
      assertThat(body.path("failed").toString()).contains("catalogue");
      assertThat(body.path("checks").path("catalogue").path("detail").asText()).contains("no answer within");
      assertThat(b.get("/health/live").statusCode()).isEqualTo(200);
    } finally {
      release.countDown();
      stuck.join(30_000);
    }
    HttpResponse<String> again = pollReady(b);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
  }

  private static HttpResponse<String> pollReady(Browser b) throws InterruptedException {
    HttpResponse<String> r = b.get("/health/ready");
    for (int i = 0; i < 60 && r.statusCode() != 200; i++) {
      Thread.sleep(1000);
      r = b.get("/health/ready");
    }
    return r;
  }

  @Test
  void metrics_need_the_token() {
    Browser b = web.browser();
    assertThat(b.get("/metrics").statusCode()).isEqualTo(401);
    assertThat(b.get("/metrics", "Authorization", "Bearer wrong-token-of-some-length").statusCode()).isEqualTo(401);
    assertThat(b.get("/metrics", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
  }

  /** One sample line of the text format: name, optional labels, value (and an optional timestamp). */
  static final Pattern SAMPLE = Pattern.compile(
      "^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*\\})? (-?[0-9.eE+-]+|NaN|[+-]Inf)( -?\\d+)?$");

  @Test
  void metrics_parse_as_prometheus_text_and_hold_the_named_series_per_route_template() {
    Browser b = web.browser();
    for (int i = 0; i < 3; i++) {
      assertThat(b.get("/papers/2503.16428?token=secret-in-a-query").statusCode()).isLessThan(500);
      b.get("/search?q=attention");
      b.get("/no/such/page/" + i);
    }
    HttpResponse<String> r = b.get("/metrics", "Authorization", "Bearer " + TOKEN);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
    Set<String> names = new TreeSet<>();
    List<String> routes = new ArrayList<>();
    for (String line : r.body().split("\n")) {
      if (line.isBlank() || line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      assertThat(m.matches()).as("a sample line of the text format: %s", line).isTrue();
      names.add(m.group(1));
      if (m.group(1).equals("http_server_requests_seconds_count")) {
        routes.add(m.group(2));
      }
    }
    assertThat(names).contains("http_server_requests_seconds_count", "http_server_requests_seconds_sum",
        "http_server_requests_seconds_bucket", "paperlens_pipeline_lag", "paperlens_index_watermark",
        "paperlens_catalogue_change", "paperlens_embedding_backlog", "paperlens_outbox_messages",
        "paperlens_source_errors_total", "jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_gc_memory_allocated_bytes_total",
        "process_uptime_seconds");
    assertThat(routes).anyMatch(l -> l.contains("route=\"/papers/{id}\"") && l.contains("method=\"GET\""))
        .anyMatch(l -> l.contains("route=\"/search\"") && l.contains("status=\"2xx\""))
        .anyMatch(l -> l.contains("route=\"unmatched\"") && l.contains("status=\"4xx\""));
    assertThat(r.body()).doesNotContain("secret-in-a-query", "2503.16428", "/no/such/page")
        .contains("paperlens_outbox_messages{state=\"failed\"}");
  }

  @Test
  void the_request_log_writes_one_line_per_request_with_the_route_template_and_no_query_string() throws Exception {
    Browser b = web.browser();
    LOG.clear();
    b.get("/papers/2503.16428?token=secret-in-a-query");
    for (int i = 0; i < 100 && LOG.stream().noneMatch(l -> l.contains("/papers/")); i++) {
      Thread.sleep(50);
    }
    List<String> lines = List.copyOf(LOG);
    String line = lines.stream().filter(l -> l.contains("/papers/")).findFirst().orElseThrow(() -> new AssertionError(lines));
    Matcher m = LogLine.PATTERN.matcher(line);
    assertThat(m.matches()).as(line).isTrue();
    assertThat(m.group(3)).isEqualTo("paperlens.request");
    assertThat(m.group(4)).matches("GET /papers/\\{id\\} \\d{3} \\d+\\.\\d ms \\d+ B");
    assertThat(line).doesNotContain("secret", "2503.16428");
  }
}
