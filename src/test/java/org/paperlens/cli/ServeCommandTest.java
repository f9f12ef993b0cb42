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

  @Test
  void a_bad_port_is_a_usage_error() {
    assertThat(Cli.run("serve", "--port", "70000").code()).isEqualTo(2);
    Cli.Result proxy = Cli.run("serve", "--trusted-proxy", "proxy.example");
    assertThat(proxy.code()).isEqualTo(2);
    assertThat(proxy.err()).contains("'proxy.example'");
  }
}
