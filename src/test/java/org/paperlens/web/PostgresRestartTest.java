package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.config.Config;
import org.paperlens.testing.ChildProcess;
import org.paperlens.testing.Fixtures;
import org.paperlens.testing.OwnPostgres;

/**
 * Issue 21: "a PostgreSQL restart of 2.6 s left both processes answering 503 to every page with a
 * session or the catalogue until they were restarted by hand; ingest, embedding, indexing and
 * digests stopped". A real {@code serve} on a PostgreSQL cluster of the test's own, under a little
 * load, while that server restarts: pages, the API and a session answer 200 again by themselves,
 * a paper dropped into the watched folder afterwards becomes searchable, and the outage is logged
 * in a line or two, not a stack trace per request.
 */
@Tag("slow")
class PostgresRestartTest {

  private static final String NEW_PAPER = "2612.99999";

  @TempDir Path tmp;

  @Test
  void a_restarted_postgresql_is_reconnected_to_without_restarting_paperlens() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeFalse(org.paperlens.testing.TestDatabase.onPostgres(),
        "runs once, in the SQLite run: it brings a PostgreSQL cluster of its own");
    try (OwnPostgres pg = OwnPostgres.start()) {
      Path watch = Files.createDirectories(tmp.resolve("watch"));
      Files.copy(Fixtures.path("listings-sample.jsonl"), watch.resolve("first.jsonl"));
      Path log = tmp.resolve("serve.log");
      Process serve = ChildProcess.start(log, Map.of(Config.DB_ENV, pg.url().jdbcUrl()),
          "--data", tmp.resolve("data").toString(), "--new-account-hours", "0",
          "serve", "--port", "0", "--watch", watch.toString());
      AtomicBoolean loading = new AtomicBoolean(true);
      Thread load = null;
      try {
        String base = ChildProcess.awaitServing(log);
        assertThat(base).as("serve started: log %s", log).isNotNull();
        base = base.substring(0, base.length() - 1);
        Browser ada = new Browser(base).signUp("ada");
        String paper = "2601.90001";
        awaitOk(ada, "/api/v1/papers/" + paper);

        // A little load: pages and API calls, as a client would keep making them.
        AtomicInteger served = new AtomicInteger();
        Browser loader = new Browser(base);
        load = new Thread(() -> {
          for (int i = 0; i < 100_000 && loading.get(); i++) {
            for (String path : List.of("/daily", "/api/v1/papers/" + paper, "/search?q=gradient", "/api/v1/daily")) {
              try {
                if (loader.get(path).statusCode() == 200) {
                  served.incrementAndGet();
                }
              } catch (RuntimeException e) {
                // a refused request is counted by its absence
              }
            }
          }
        }, "load");
        load.start();
        Thread.sleep(1_000);

        pg.restart();

        // Everything answers again by itself: a page, the API, a page with the session, the session's API.
        awaitOk(ada, "/daily");
        awaitOk(ada, "/api/v1/papers/" + paper);
        awaitOk(ada, "/library");
        HttpResponse<String> me = awaitOk(ada, "/api/v1/me");
        assertThat(Browser.json(me).get("name").asText()).isEqualTo("ada");
        Browser other = new Browser(base);
        for (HttpCookie c : ada.cookies.getCookieStore().getCookies()) {
          other.cookies.getCookieStore().add(URI.create(base), c);
        }
        int before = served.get();
        awaitOk(other, "/api/v1/papers/" + paper);
        for (int i = 0; i < 600 && served.get() < before + 20; i++) {
          Thread.sleep(100);
        }
        assertThat(served.get()).as("the load's requests answered after the restart").isGreaterThanOrEqualTo(before + 20);

        // The pipeline goes on: a paper dropped in after the restart is imported and indexed.
        String line = Files.readAllLines(Fixtures.path("listings-sample.jsonl")).getFirst()
            .replace("2601.90001", NEW_PAPER).replace("Gradient Tricks for Imaginary Benchmark Number 1", "Quokka Restart Survival");
        Files.writeString(watch.resolve("second.jsonl"), line + "\n");
        String found = "";
        for (int i = 0; i < 1_200 && !found.contains(NEW_PAPER); i++) {
          Thread.sleep(100);
          found = ada.get("/api/v1/search?q=quokka").body();
        }
        assertThat(found).as("a paper added after the restart is searchable; log %s", log).contains(NEW_PAPER);

        String written = Files.readString(log);
        assertThat(written.lines().filter(l -> l.contains("unreachable (")).count())
            .as("one line per outage, not one per request:\n%s", written).isBetween(1L, 3L);
        assertThat(written).as("no stack trace per failed request").doesNotContain("catalogue failure");
      } finally {
        loading.set(false);
        if (load != null) {
          load.join(30_000);
        }
        serve.destroy();
        assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
      }
    }
  }

  /** Polls {@code path} until it answers 200 (a minute at most: "within seconds" with room for a slow machine). */
  private static HttpResponse<String> awaitOk(Browser b, String path) throws InterruptedException {
    HttpResponse<String> r = null;
    for (int i = 0; i < 600; i++) {
      try {
        r = b.get(path);
        if (r.statusCode() == 200) {
          return r;
        }
      } catch (RuntimeException e) {
        // connection refused while the server is busy: try again
      }
      Thread.sleep(100);
    }
    throw new AssertionError(path + " did not answer 200 within a minute: "
        + (r == null ? "no answer" : r.statusCode() + " " + r.body()));
  }
}
