package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperlens.common.Admission;
import org.paperlens.ops.Operations;
import org.paperlens.search.QueryEncoder;
import org.paperlens.search.SearchFixture;
import org.paperlens.web.http.ServerLimits;

/**
 * Admission control of the expensive routes, through the real server: searches whose query
 * embedding is held on a latch keep their turns, so what the server does with more of them than
 * it computes at once can be seen without timing anything. Two compute at once, one more may wait.
 */
class AdmissionTest {

  private static final String TOKEN = "admission-test-metrics-token-0123456789";

  /** Queries containing "held" block in the model until {@link #release} is counted down. */
  private static volatile CountDownLatch release = new CountDownLatch(0);
  private static final Semaphore entered = new Semaphore(0);

  private static final QueryEncoder HELD = q -> {
    if (q.contains("held")) {
      entered.release();
      try {
        release.await(120, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return SearchFixture.TOPICS.embedQuery(q);
  };

  /** The request log's lines: every request the servlet context answered. */
  private static final java.util.Queue<String> logged = new java.util.concurrent.ConcurrentLinkedQueue<>();

  @RegisterExtension
  static final WebFixture web = new WebFixture().withQueryEncoder(HELD)
      .withOperations(new Operations(TOKEN, true, logged::add))
      .withLimits(ServerLimits.DEFAULT.withAdmission(new Admission.Limits(2, 1, Duration.ofMinutes(2))));

  private static final HttpClient http = HttpClient.newHttpClient();

  private static CompletableFuture<HttpResponse<String>> send(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(web.base + path)).timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.sendAsync(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return send(path).get(60, TimeUnit.SECONDS);
  }

  /** Two held searches computing and a third waiting for a turn: the server's limit and queue are full. */
  private static List<CompletableFuture<HttpResponse<String>>> fillTurnsAndQueue(String tag) throws Exception {
    List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
    held.add(send("/search?q=held+" + tag + "+one"));
    held.add(send("/api/v1/search?q=held+" + tag + "+two"));
    assertThat(entered.tryAcquire(2, 60, TimeUnit.SECONDS)).as("two searches computing").isTrue();
    held.add(send("/search?q=held+" + tag + "+three&mode=semantic"));
    // Bounded wait for the third to be queued, read where an operator would read it.
    for (int i = 0; i < 600 && !metrics().contains("paperlens_admission_waiting 1.0"); i++) {
      Thread.sleep(100);
    }
    assertThat(metrics()).contains("paperlens_admission_waiting 1.0", "paperlens_admission_computing 2.0");
    return held;
  }

  /** The refusals counted so far, as an operator reads them (the tests share the server). */
  private static double refusedSoFar() throws Exception {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^paperlens_admission_refused_total ([0-9.]+)$").matcher(metrics());
    assertThat(m.find()).as("the refusals metric").isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static String metrics() throws Exception {
    return send("/metrics", "Authorization", "Bearer " + TOKEN).get(60, TimeUnit.SECONDS).body();
  }

  @Test
  void searches_beyond_the_limit_and_its_queue_are_answered_503_with_retry_after_while_the_admitted_ones_answer() throws Exception {
    release = new CountDownLatch(1);
    List<CompletableFuture<HttpResponse<String>>> held;
    try {
      held = fillTurnsAndQueue("a");
      double refusedBefore = refusedSoFar();
      long asked = System.nanoTime();
      HttpResponse<String> page = get("/search?q=held+a+four");
      long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
      assertThat(page.statusCode()).isEqualTo(503);
      // Held back for the wait budget (2 minutes here, so the longest pace, 1 s): a client that asks
      // again at once cannot flood the server with refusals.
      assertThat(tookMs).as("ms before the refusal").isGreaterThanOrEqualTo(org.paperlens.web.http.InFlight.LONGEST_PACE.toMillis() - 20);
      assertThat(page.headers().firstValue("Retry-After")).contains("1");
      assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(page.body()).contains("Busy");

      HttpResponse<String> api = get("/api/v1/search?q=held+a+five&mode=hybrid");
      assertThat(api.statusCode()).isEqualTo(503);
      assertThat(api.headers().firstValue("Retry-After")).contains("1");
      assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      assertThat(api.body()).contains("\"status\":503");

      HttpResponse<String> related = get("/api/v1/papers/2401.00101/related");
      assertThat(related.statusCode()).isEqualTo(503);
      assertThat(related.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

      HttpResponse<String> mcp = http.send(HttpRequest.newBuilder(URI.create(web.base + "/mcp")).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
          .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
              + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(mcp.statusCode()).isEqualTo(503);
      assertThat(mcp.headers().firstValue("Retry-After")).contains("1");
      assertThat(mcp.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      assertThat(refusedSoFar() - refusedBefore).isEqualTo(4.0);
    } finally {
      release.countDown();
    }
    for (CompletableFuture<HttpResponse<String>> f : held) {
      assertThat(f.get(60, TimeUnit.SECONDS).statusCode()).as("an admitted or queued search answers").isEqualTo(200);
    }
    entered.drainPermits();
  }

  @Test
  void cheap_routes_are_served_while_the_searches_hold_every_turn() throws Exception {
    release = new CountDownLatch(1);
    List<CompletableFuture<HttpResponse<String>>> held;
    try {
      held = fillTurnsAndQueue("b");
      for (String path : List.of("/", "/daily", "/papers/2401.00101", "/search", "/api/v1/papers/2401.00101", "/api/v1/status",
          "/health/live", "/static/app.css", "/trending")) {
        assertThat(get(path).statusCode()).as(path).isIn(200, 302, 303);
      }
    } finally {
      release.countDown();
    }
    for (CompletableFuture<HttpResponse<String>> f : held) {
      assertThat(f.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
    entered.drainPermits();
  }

  /**
   * A client that asks again the instant it is refused can send thousands of requests a second: a
   * refusal is answered in front of the servlet context, so none of the context's work (session,
   * filters, the request log, the per-route metrics) is done for it, and its connection stays open.
   */
  @Test
  void a_refusal_is_answered_before_the_servlet_context_and_keeps_the_connection_open() throws Exception {
    release = new CountDownLatch(1);
    List<CompletableFuture<HttpResponse<String>>> held;
    try {
      held = fillTurnsAndQueue("c");
      double refusedBefore = refusedSoFar();
      logged.clear();
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", java.net.URI.create(web.base).getPort())) {
        socket.setSoTimeout(30_000);
        var out = socket.getOutputStream();
        var in = new java.io.BufferedInputStream(socket.getInputStream());
        out.write("GET /search?q=held+c+four HTTP/1.1\r\nHost: localhost\r\n\r\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.flush();
        String refused = readResponse(in);
        assertThat(refused).startsWith("HTTP/1.1 503").contains("Retry-After: 1").contains("Busy").doesNotContainIgnoringCase("Connection: close");
        // The same connection answers the next request.
        out.write("GET /api/v1/search?q=held+c+five HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.flush();
        assertThat(readResponse(in)).startsWith("HTTP/1.1 503").contains("application/problem+json").contains("\"status\":503");
      }
      assertThat(refusedSoFar() - refusedBefore).isEqualTo(2.0);
      assertThat(metrics()).as("no per-route metric for a refusal").doesNotContain("status=\"5xx\"");
      assertThat(logged).as("no request log line for a refusal").noneMatch(line -> line.contains(" 503 "));
    } finally {
      release.countDown();
    }
    for (CompletableFuture<HttpResponse<String>> f : held) {
      assertThat(f.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
    entered.drainPermits();
  }

  /** One HTTP/1.1 response with a Content-Length body, as text. */
  private static String readResponse(java.io.InputStream in) throws java.io.IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new java.io.EOFException("the connection closed after: " + head);
      }
      head.append((char) b);
    }
    java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
    int n = length.find() ? Integer.parseInt(length.group(1)) : 0;
    return head + new String(in.readNBytes(n), java.nio.charset.StandardCharsets.UTF_8);
  }
}
