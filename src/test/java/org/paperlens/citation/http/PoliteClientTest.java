package org.paperlens.citation.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The client on its own: bodies as sent gzipped, and a host that refuses connections. */
class PoliteClientTest {

  private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
  private final FakeTime time = new FakeTime(T0);
  private final List<String> notices = new ArrayList<>();

  private PoliteClient client(long maxBytes) {
    FetchPolicy policy = new FetchPolicy(Duration.ofMillis(100), Duration.ofSeconds(2), maxBytes, 3,
        Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofMinutes(1), Duration.ofMinutes(10));
    return new PoliteClient("Test source", policy, time, time, notices::add);
  }

  private static PoliteClient.BodyParser<String> text() {
    return body -> new String(body.readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void a_gzip_body_is_unpacked() throws Exception {
    try (StubServer server = new StubServer(gzipped("{\"results\": []}"));
        PoliteClient client = client(1 << 16)) {
      assertThat(client.send(client.request(server.base().resolve("/works")).GET().build(), text()))
          .isEqualTo(new Exchange.Ok<>("{\"results\": []}"));
    }
  }

  @Test
  void a_small_gzip_body_that_unpacks_past_the_limit_is_refused() throws Exception {
    try (StubServer server = new StubServer(gzipped("0".repeat(1_000_000)));
        PoliteClient client = client(1 << 16)) {
      Exchange<String> out = client.send(client.request(server.base().resolve("/works")).GET().build(), text());
      assertThat(out).isInstanceOfSatisfying(Exchange.Unusable.class,
          u -> assertThat(u.reason()).contains("larger than 65,536 bytes once unpacked"));
      assertThat(server.seen()).hasSize(1);
    }
  }

  @Test
  void a_host_that_refuses_connections_is_unavailable_after_the_attempts_without_real_waiting() throws Exception {
    URI gone;
    try (StubServer server = new StubServer(StubServer.ok("{}"))) {
      gone = server.base();
    }
    try (PoliteClient client = client(1 << 16)) {
      Exchange<String> out = client.send(client.request(gone.resolve("/works")).GET().build(), text());
      assertThat(out).isInstanceOfSatisfying(Exchange.Unavailable.class, u -> {
        assertThat(u.since()).isEqualTo(T0);
        assertThat(u.retryAt()).isEqualTo(T0.plusSeconds(3).plus(Duration.ofMinutes(10)));
        assertThat(u.reason()).contains("ConnectException");
      });
      assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
      assertThat(client.unavailableSince()).contains(T0);
      assertThat(notices).last().asString().startsWith("Test source: unavailable since 2026-12-06T12:00:00Z");
    }
  }

  private static StubServer.Reply gzipped(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    byte[] body = bytes.toByteArray();
    return (ex, closing) -> {
      ex.getResponseHeaders().add("Content-Encoding", "gzip");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    };
  }
}
