package org.paperlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.TestDatabase;

/**
 * Fetching from a repository that misbehaves (issue 12): a response of hundreds of megabytes, a
 * gzip bomb, a body that never finishes, a Retry-After of ten minutes. Each fails the fetch
 * quickly with a {@link RemoteSourceException}, having read no more than the caps allow.
 * The time bounds only prove that nothing hung; they are far above what the fetches take.
 */
class FetchLimitsTest {

  private static final Duration DID_NOT_HANG = Duration.ofSeconds(60);
  private static final PaperId ID = new PaperId("2402.01234");

  @TempDir Path dir;

  @Test
  void a_response_of_300_megabytes_is_refused_after_reading_no_more_than_the_cap() throws Exception {
    byte[] block = new byte[1 << 16];
    Arrays.fill(block, (byte) 'x');
    try (HostileServer server = new HostileServer((exchange, body) -> {
          exchange.sendResponseHeaders(200, 0); // chunked: the size is not announced
          for (int i = 0; i < 300 * 16; i++) {
            body.write(block);
          }
        });
        CatalogueStore store = TestDatabase.catalogue(dir);
        RecordFetcher fetcher = new RecordFetcher(store, server.baseUrl(), Duration.ofSeconds(20))) {

      assertTimeoutPreemptively(DID_NOT_HANG, () -> assertThatThrownBy(() -> fetcher.fetch(ID))
          .isInstanceOf(RemoteSourceException.class).hasMessageContaining("larger than"));
      assertThat(server.requests()).as("a response too large is not asked for again").isEqualTo(1);
      assertThat(server.bytesSent()).as("what the server got out before the client hung up").isLessThan(64L << 20);
    }
  }

  @Test
  void a_gzip_bomb_is_refused_once_it_expands_past_the_cap() throws Exception {
    try (HostileServer server = new HostileServer((exchange, body) -> {
          exchange.getResponseHeaders().add("Content-Encoding", "gzip");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream gz = new GZIPOutputStream(body, 1 << 16)) {
            gz.write(("<?xml version=\"1.0\"?><OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
                + "<responseDate>2026-03-10T00:00:01Z</responseDate><GetRecord><record><header>"
                + "<identifier>oai:arXiv.org:2402.01234</identifier><datestamp>2024-02-05</datestamp></header>"
                + "<metadata><arXiv xmlns=\"http://arxiv.org/OAI/arXiv/\"><id>2402.01234</id><title>Bomb</title><abstract>")
                .getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 16];
            Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 64 * 16; i++) { // 64 MiB of abstract in about 64 kB on the wire
              gz.write(block);
            }
            gz.write("</abstract></arXiv></metadata></record></GetRecord></OAI-PMH>".getBytes(StandardCharsets.UTF_8));
          }
        });
        CatalogueStore store = TestDatabase.catalogue(dir);
        RecordFetcher fetcher = new RecordFetcher(store, server.baseUrl(), Duration.ofSeconds(20))) {

      assertTimeoutPreemptively(DID_NOT_HANG, () -> assertThatThrownBy(() -> fetcher.fetch(ID))
          .isInstanceOf(RemoteSourceException.class).hasMessageContaining("larger than"));
      assertThat(store.find(ID)).isEmpty();
    }
  }

  @Test
  void a_body_that_never_finishes_is_given_up_once_the_time_cap_has_passed() throws Exception {
    try (HostileServer server = new HostileServer((exchange, body) -> {
          exchange.sendResponseHeaders(200, 0);
          for (int i = 0; i < 6000; i++) { // a byte every 100 ms for ten minutes
            body.write('<');
            body.flush();
            Thread.sleep(100);
          }
        });
        CatalogueStore store = TestDatabase.catalogue(dir);
        RecordFetcher fetcher = new RecordFetcher(store, server.baseUrl(), Duration.ofSeconds(1))) {

      assertTimeoutPreemptively(DID_NOT_HANG, () -> assertThatThrownBy(() -> fetcher.fetch(ID))
          .isInstanceOf(RemoteSourceException.class));
    }
  }

  @Test
  void a_retry_after_longer_than_the_cap_fails_at_once_instead_of_holding_the_request() throws Exception {
    try (HostileServer server = new HostileServer((exchange, body) -> {
          exchange.getResponseHeaders().add("Retry-After", "600");
          exchange.sendResponseHeaders(503, -1);
        });
        CatalogueStore store = TestDatabase.catalogue(dir);
        RecordFetcher fetcher = new RecordFetcher(store, server.baseUrl(), Duration.ofSeconds(20))) {

      assertTimeoutPreemptively(DID_NOT_HANG, () -> assertThatThrownBy(() -> fetcher.fetch(ID))
          .isInstanceOf(RemoteSourceException.class).hasMessageContaining("Retry-After"));
      assertThat(server.requests()).isEqualTo(1);
    }
  }
}
