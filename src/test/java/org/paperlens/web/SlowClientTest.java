package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperlens.web.http.ServerLimits;

/**
 * Clients that send a request slowly, or not at all, over raw sockets on the loopback address:
 * they get a 4xx (never a 500) and do not hold up everyone else. Counts are bounded and every
 * socket has a read timeout, so the test ends by itself even when the server misbehaves.
 */
class SlowClientTest {

  /** The idle timeout is short so the test sees it expire; the page must answer well before it. */
  @RegisterExtension
  static final WebFixture web = new WebFixture().withLimits(ServerLimits.DEFAULT.withIdleTimeout(Duration.ofSeconds(5)));

  /** Generous: a broken server fails the assertions long before this. */
  static final int SOCKET_TIMEOUT_MILLIS = 90_000;

  static int port() {
    return URI.create(web.base).getPort();
  }

  /** Opens a connection and sends {@code head} (request line and headers, ending in a blank line) and {@code body}, then nothing more. */
  static Socket send(String head, String body) throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), port());
    s.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
    OutputStream out = s.getOutputStream();
    out.write((head + body).getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return s;
  }

  static Socket stalledPost(String path) throws IOException {
    return send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        + "Content-Length: 1000\r\n\r\n", "c");
  }

  /** The status code of the response on {@code s}, blocking until it comes (or the socket times out). */
  static int status(Socket s) throws IOException {
    String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
    assertThat(line).as("a status line").isNotNull().startsWith("HTTP/1.1 ");
    return Integer.parseInt(line.substring(9, 12));
  }

  static void closeAll(List<Socket> sockets) {
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  @Test
  void a_body_that_stops_arriving_is_answered_408() throws Exception {
    try (Socket s = stalledPost("/login")) {
      assertThat(status(s)).isEqualTo(408);
    }
  }

  @Test
  void a_malformed_chunked_body_is_answered_400() throws Exception {
    String head = "POST /api/v1/tokens HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    try (Socket s = send(head, "zz\r\n{}\r\n0\r\n\r\n")) {
      assertThat(status(s)).isEqualTo(400);
    }
    String form = "POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nTransfer-Encoding: chunked\r\n\r\n";
    try (Socket s = send(form, "5\r\n--XyZ\r\nnot hex\r\n")) {
      assertThat(status(s)).isEqualTo(400);
    }
  }

  @Test
  void a_chunked_body_over_the_size_limit_is_answered_413() throws Exception {
    String head = "POST /api/v1/tokens HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    StringBuilder body = new StringBuilder();
    String chunk = " ".repeat(4096);
    for (int i = 0; i < 40; i++) { // 160 KB, over the 64 KB limit
      body.append("1000\r\n").append(chunk).append("\r\n");
    }
    body.append("0\r\n\r\n");
    try (Socket s = send(head, body.toString())) {
      assertThat(status(s)).isEqualTo(413);
    }
  }

  /** Issue 21: a large upload with {@code Expect: 100-continue} got "100 Continue" and a 20 s wait instead of a 413. */
  @Test
  void a_declared_body_over_the_limit_with_expect_continue_gets_413_before_sending_it() throws Exception {
    String head = "POST /api/v1/tokens HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: 50000000\r\nExpect: 100-continue\r\n\r\n";
    try (Socket s = send(head, "")) {
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertThat(answer).startsWith("HTTP/1.1 413 ").doesNotContain("100 Continue")
          .contains("application/problem+json").contains("\"status\":413");
    }
  }

  /** Issue 21: 413 on /api/v1 came back as plain text; a client that sends the body anyway still reads the answer. */
  @Test
  void a_declared_body_over_the_limit_sent_anyway_gets_413_as_problem_json() throws Exception {
    int size = 300 * 1024;
    String head = "POST /api/v1/tokens HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + size + "\r\n\r\n";
    try (Socket s = send(head, "x".repeat(size))) {
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertThat(answer).startsWith("HTTP/1.1 413 ").contains("application/problem+json");
    }
  }

  @Test
  void three_hundred_stalled_bodies_do_not_hold_up_the_daily_page() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 300; i++) {
        slow.add(stalledPost("/login"));
      }
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
      HttpResponse<String> daily = client.send(HttpRequest.newBuilder(URI.create(web.base + "/daily"))
          .timeout(Duration.ofMillis(SOCKET_TIMEOUT_MILLIS)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(daily.statusCode()).isEqualTo(200);
      // The page did not wait for the stalled bodies to time out: at most the few this client may
      // have read at once can have been answered for a timeout yet (the rest are turned away at once).
      List<Integer> statuses = new ArrayList<>();
      List<Socket> pending = new ArrayList<>();
      for (Socket s : slow) {
        if (s.getInputStream().available() > 0) {
          statuses.add(status(s));
        } else {
          pending.add(s);
        }
      }
      assertThat(statuses.stream().filter(code -> code == 408 || code >= 500).count())
          .isLessThanOrEqualTo(ServerLimits.DEFAULT.bodyReadsPerClient());
      for (Socket s : pending) {
        statuses.add(status(s));
      }
      assertThat(statuses).hasSize(300).allMatch(code -> code >= 400 && code < 500 || code == 503, "4xx or 503");
      assertThat(statuses).contains(429);
      assertThat(statuses).contains(408);
    } finally {
      closeAll(slow);
    }
  }
}
