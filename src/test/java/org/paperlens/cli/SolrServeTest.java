package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.paperlens.common.Admission;
import org.paperlens.web.http.ServerLimits;
import org.paperlens.web.http.ClientAddresses;
import org.paperlens.app.Serving;
import org.paperlens.app.PaperLens;
import org.paperlens.app.IndexBackend;
import org.paperlens.config.Config;
import org.paperlens.index.solr.SolrClusterProcess;
import org.paperlens.live.Pipeline;
import org.paperlens.testing.Fixtures;

/**
 * paperlens on SolrCloud end to end, through the real commands and the real server: {@code import}
 * then {@code reindex --solr} fill the collection, {@code search --solr} answers from it, a
 * {@code serve}-assembled site's pipeline writes a newly dropped paper into it, and with one of
 * the two Solr nodes stopped in the middle of a search load, every search still answers (no 5xx).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Tag("slow") // bin/test -Pfast leaves it out (README, "Test it")
class SolrServeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private SolrClusterProcess cluster;
  private Path dir;
  private Path watched;
  private Serving site;
  private String url;

  @BeforeAll
  void start() throws Exception {
    cluster = SolrClusterProcess.start();
    dir = Files.createTempDirectory("solr-serve-test");
    watched = Files.createDirectories(dir.resolve("inbox"));
    assertThat(cli("import", Fixtures.path("search-corpus.jsonl").toString())).isZero();
  }

  @AfterAll
  void stop() {
    if (site != null) {
      site.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  /** Runs a command on this test's data directory and Solr collection; returns its exit code. */
  private int cli(StringWriter out, String... args) {
    List<String> all = new ArrayList<>(List.of("--data", dir.resolve("data").toString(), "--solr", cluster.solrUrl()));
    all.addAll(List.of(args));
    return Main.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(new StringWriter()));
  }

  private int cli(String... args) {
    return cli(new StringWriter(), args);
  }

  private String cliOut(String... args) {
    StringWriter out = new StringWriter();
    assertThat(cli(out, args)).as(String.join(" ", args)).isZero();
    return out.toString();
  }

  @Test
  @Order(1)
  void reindex_fills_the_collection_and_search_answers_from_it() {
    assertThat(cliOut("reindex")).contains("indexed 11 papers").contains("SolrCloud");
    assertThat(cliOut("search", "sparse attention", "--mode", "keyword", "--json")).contains("2401.00102");
    // The embedded index was never built: the answer came from Solr.
    assertThat(dir.resolve("data/index")).doesNotExist();
  }

  @Test
  @Order(2)
  void a_bad_solr_url_is_a_usage_error_and_an_unreachable_one_a_clear_failure() {
    int bad = Main.run(new String[] {"--data", dir.resolve("data").toString(), "--solr", "localhost:8983", "search", "x"},
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    assertThat(bad).isEqualTo(2);
    StringWriter err = new StringWriter();
    int down = Main.run(new String[] {"--data", dir.resolve("data").toString(), "--solr", "http://127.0.0.1:9/solr/papers",
        "search", "x"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(down).isEqualTo(4);
    assertThat(err.toString()).contains("SolrCloud");
  }

  @Test
  @Order(3)
  void the_live_pipeline_writes_a_dropped_paper_into_solr() throws Exception {
    Pipeline.Settings settings = new Pipeline.Settings(Optional.of(watched), Optional.empty(), 1.0,
        Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofSeconds(1));
    Config config = Config.resolve(Map.of(), dir.resolve("data"));
    IndexBackend backend = IndexBackend.of(config, cluster.solrUrl(), Map.of());
    // Admission control off: the next test loads this site with concurrent searches to check Solr
    // failover, and on a busy CI machine admission's 503s (a search waiting past 300 ms for a turn)
    // would be counted against failover, which they are not. AdmissionTest covers admission.
    site = new Serving(PaperLens.builder(config, backend, Clock.systemUTC()).serving().build(), settings, Optional.empty(),
        ServerLimits.DEFAULT.withAdmission(Admission.Limits.OFF), ClientAddresses.behind(List.of()), line -> {});
    url = "http://127.0.0.1:" + site.start("127.0.0.1", 0) + "/";
    Files.writeString(watched.resolve("new.jsonl"), "{\"id\": \"2402.05555\", \"authors\": [\"Ada Lovelace\"],"
        + " \"title\": \"Zebrafish shoals steer by vortices\", \"categories\": [\"q-bio.PE\"], \"comment\": null,"
        + " \"summary\": \"Zebrafish shoals steer collectively by sensing the vortices of their neighbours.\","
        + " \"first_seen_listing_date\": \"2024-02-05\"}\n");
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    List<String> found = List.of();
    while (System.nanoTime() < deadline && !found.contains("2402.05555")) {
      Thread.sleep(300);
      found = ids(get("api/v1/search?mode=keyword&q=zebrafish").body());
    }
    assertThat(found).containsExactly("2402.05555");
  }

  @Test
  @Order(4)
  void with_one_solr_node_stopped_during_a_search_load_every_search_still_answers() throws Exception {
    assertThat(site).as("the site of the previous test").isNotNull();
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> load = new ArrayList<>();
    String[] queries = {"sparse attention", "graph neural networks", "robot grasping", "zebrafish", "quantum"};
    for (int t = 0; t < 4; t++) {
      int offset = t;
      Thread thread = new Thread(() -> {
        for (int i = offset; running.get(); i++) {
          String mode = i % 2 == 0 ? "keyword" : "hybrid";
          try {
            HttpResponse<String> r = get("api/v1/search?mode=" + mode + "&q=" + enc(queries[i % queries.length]));
            statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            if (r.statusCode() >= 500) {
              failures.add(r.statusCode() + " " + r.body());
            }
          } catch (Exception e) {
            failures.add(e.toString());
          }
        }
      });
      thread.start();
      load.add(thread);
    }
    Thread.sleep(1_500);
    cluster.stopNode(1);
    Thread.sleep(4_000);
    running.set(false);
    for (Thread thread : load) {
      thread.join(60_000);
    }
    assertThat(failures).as("server errors or failed requests, by status " + statuses).isEmpty();
    assertThat(statuses.keySet()).containsExactly(200);
    assertThat(statuses.get(200).get()).isGreaterThan(20);
    // Each shard still has a replica on the node left: the answers are whole.
    assertThat(ids(get("api/v1/search?mode=keyword&q=" + enc("sparse attention")).body())).startsWith("2401.00102");
    assertThat(ids(get("api/v1/search?mode=keyword&q=zebrafish").body())).containsExactly("2402.05555");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static List<String> ids(String json) throws Exception {
    JsonNode root = JSON.readTree(json);
    List<String> out = new ArrayList<>();
    root.path("hits").forEach(h -> out.add(h.path("paper").path("id").asText(h.path("id").asText())));
    return out;
  }
}
