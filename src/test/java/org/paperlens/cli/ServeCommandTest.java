package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.testing.ChildProcess;
import org.paperlens.testing.Cli;
import org.paperlens.testing.Fixtures;

/** {@code paperlens serve} as a newcomer runs it: in its own JVM, printing the URL it serves. */
class ServeCommandTest {

  @Test
  void serve_prints_its_url_serves_the_pages_and_stops_cleanly(@TempDir Path dir) throws Exception {
    String data = dir.resolve("data").toString();
    assertThat(Cli.run("import", "--data", data, Fixtures.path("search-corpus.jsonl").toString()).code()).isZero();
    assertThat(Cli.run("reindex", "--data", data).code()).isZero();
    Path log = dir.resolve("serve.log");
    Process p = ChildProcess.start(log, "--data", data, "serve", "--port", "0");
    try {
      String url = null;
      Pattern served = Pattern.compile("serving at (http://127\\.0\\.0\\.1:\\d+/)");
      for (int i = 0; i < 600 && url == null && p.isAlive(); i++) {
        Matcher m = served.matcher(Files.readString(log));
        url = m.find() ? m.group(1) : null;
        Thread.sleep(100);
      }
      assertThat(url).as(Files.readString(log)).isNotNull();
      HttpResponse<String> daily = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "daily")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(daily.statusCode()).isEqualTo(200);
      assertThat(daily.body()).contains("Attention Is Not All You Need for Tabular Data");
      HttpResponse<String> search = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(url + "api/v1/search?q=sparse+attention&mode=hybrid")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(search.body()).contains("2401.00102");
    } finally {
      p.destroy(); // SIGTERM: the shutdown hook closes the server and the catalogue
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(Cli.run("search", "--data", data, "--mode", "keyword", "sparse attention").code()).isZero();
  }

  /**
   * The living service: a server started on an empty data directory takes in a file dropped in its
   * watched folder, makes it searchable by keyword and then by meaning without a restart, and after
   * a SIGKILL and a restart has the same papers, all indexed and embedded, nothing duplicated.
   */
  @Test
  void serve_starts_empty_takes_in_a_dropped_file_and_survives_a_kill(@TempDir Path dir) throws Exception {
    String data = dir.resolve("data").toString();
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    java.util.Map<String, String> env = java.util.Map.of("PAPERLENS_SCAN_SECONDS", "0.3", "PAPERLENS_EMBED_SHARE", "1");
    Path log = dir.resolve("serve.log");
    Process p = ChildProcess.start(log, env, "--data", data, "serve", "--port", "0", "--watch", inbox.toString());
    try {
      String url = awaitUrl(p, log);
      assertThat(get(url + "daily").body()).as("an empty site says how to add papers").contains("data-testid=\"empty-catalogue\"");
      assertThat(get(url + "api/v1/status").body()).contains("\"papers\":0");

      Files.copy(Fixtures.path("search-corpus.jsonl"), inbox.resolve("corpus.jsonl"));
      awaitBody(url + "api/v1/search?q=sparse+attention&mode=keyword", "2401.00102", log);
      awaitBody(url + "api/v1/status", "\"embedded\":11,", log);
      assertThat(get(url + "api/v1/search?q=sparse+attention&mode=semantic").body()).contains("2401.00102");
    } finally {
      p.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    Path log2 = dir.resolve("serve2.log");
    Process again = ChildProcess.start(log2, env, "--data", data, "serve", "--port", "0", "--watch", inbox.toString());
    try {
      String url = awaitUrl(again, log2);
      String status = awaitBody(url + "api/v1/status", "\"embedded\":11,", log2);
      assertThat(status).contains("\"papers\":11,");
      assertThat(get(url + "api/v1/search?q=sparse+attention&mode=hybrid").body()).contains("2401.00102");
    } finally {
      again.destroy();
      assertThat(again.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(Cli.run("stats", "--data", data).out()).contains("11");
  }

  private static String awaitUrl(Process p, Path log) throws Exception {
    Pattern served = Pattern.compile("serving at (http://127\\.0\\.0\\.1:\\d+/)");
    for (int i = 0; i < 600 && p.isAlive(); i++) {
      Matcher m = served.matcher(Files.readString(log));
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("serve did not start: " + Files.readString(log));
  }

  /** Polls until the body contains {@code wanted}; a generous bound proves "did not hang", it times nothing. */
  private static String awaitBody(String url, String wanted, Path log) throws Exception {
    String body = "";
    for (int i = 0; i < 1200; i++) {
      body = get(url).body();
      if (body.contains(wanted)) {
        return body;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(url + " never contained " + wanted + "; last body " + body + "; log:\n" + Files.readString(log));
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void a_bad_port_is_a_usage_error() {
    assertThat(Cli.run("serve", "--port", "70000").code()).isEqualTo(2);
    Cli.Result proxy = Cli.run("serve", "--trusted-proxy", "proxy.example");
    assertThat(proxy.code()).isEqualTo(2);
    assertThat(proxy.err()).contains("'proxy.example'");
  }

  /** In its own JVM: the process must also end at once (it once waited 80 s in its shutdown hook). */
  @Test
  void a_negative_admission_limit_is_a_usage_error_that_names_the_flag_and_ends_at_once(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("serve.log");
    Process p = ChildProcess.start(log, "--data", dir.resolve("data").toString(), "serve", "--port", "0", "--admit-queue", "-1");
    assertEndsAtOnceWithUsageError(p, log, "--admit-queue must be 0 or more, was -1");
  }

  @Test
  void a_bad_environment_variable_is_a_usage_error_that_ends_at_once(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("serve.log");
    Process p = ChildProcess.start(log, java.util.Map.of("PAPERLENS_SCAN_SECONDS", "soon"),
        "--data", dir.resolve("data").toString(), "serve", "--port", "0");
    assertEndsAtOnceWithUsageError(p, log, "$PAPERLENS_SCAN_SECONDS");
  }

  /** "At once" is generous for a loaded machine (a JVM start), and far below the 80 s of the old hang. */
  private static void assertEndsAtOnceWithUsageError(Process p, Path log, String message) throws Exception {
    try {
      assertThat(p.waitFor(40, TimeUnit.SECONDS)).as("ended; log: %s", Files.readString(log)).isTrue();
      assertThat(p.exitValue()).isEqualTo(2);
      assertThat(Files.readString(log)).contains(message);
    } finally {
      p.destroyForcibly();
    }
  }
}
