package org.paperlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.common.Progress;
import org.paperlens.config.Config;
import org.paperlens.index.VectorLookup;
import org.paperlens.index.lucene.IndexBuilder;
import org.paperlens.live.CatalogueSource;
import org.paperlens.live.Pipeline;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.TestDatabase;
import org.paperlens.web.http.ClientAddresses;
import org.paperlens.web.http.ServerLimits;

/**
 * A real server on a temporary data directory whose index cannot be written for a while, or
 * starts damaged (issue 21, findings 1 and 3): it reports the fault, answers no 500, and recovers
 * by itself, without a restart.
 */
@Tag("slow")
class IndexFaultServeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path tmp;
  private final List<String> log = new CopyOnWriteArrayList<>();

  private static Paper paper(String id, String title) {
    return Paper.builder(new PaperId(id)).version(1).title(title).abstractText("We study " + title.toLowerCase() + ".")
        .authors(List.of("Ada Lovelace")).categories(List.of("cs.CL")).firstListed(LocalDate.of(2026, 7, 1)).source("test").build();
  }

  private static void put(CatalogueStore store, Paper p) {
    store.write(w -> {
      w.put(p);
      return null;
    });
  }

  private Serving serve(Config config) {
    Pipeline.Settings settings = new Pipeline.Settings(Optional.empty(), Optional.empty(), 1.0, Duration.ofMillis(200),
        Duration.ofMillis(200), Duration.ofSeconds(1));
    return new Serving(PaperLens.builder(config, IndexBackend.of(config, null, Map.of()), Clock.systemUTC()).serving().build(),
        settings, Optional.empty(), ServerLimits.DEFAULT, ClientAddresses.behind(List.of()), log::add);
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> keyword(String base, String q) throws Exception {
    HttpResponse<String> r = get(base + "api/v1/search?mode=keyword&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as("never a 500: " + r.body()).isIn(200, 503);
    if (r.statusCode() == 503) {
      assertThat(r.headers().firstValue("Retry-After")).as("a 503 says when to come back").isPresent();
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    JSON.readTree(r.body()).get("hits").forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  private static JsonNode indexStage(String base) throws Exception {
    for (JsonNode s : JSON.readTree(get(base + "api/v1/status").body()).get("stages")) {
      if (s.get("stage").asText().equals("index")) {
        return s;
      }
    }
    throw new AssertionError("no index stage in the status");
  }

  @FunctionalInterface
  interface Check {
    boolean holds() throws Exception;
  }

  private static void await(String what, Check check) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!check.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 60 s: " + what);
      }
      Thread.sleep(100);
    }
  }

  private static Path generation(Config config) throws IOException {
    Path root = config.indexDir();
    return root.resolve(Files.readString(root.resolve("CURRENT"), StandardCharsets.UTF_8).strip());
  }

  /** Makes {@code dir} unwritable: permissions for an ordinary user, the immutable attribute for root (whom permissions do not stop). */
  private static Runnable makeReadOnly(Path dir) throws Exception {
    if (!"root".equals(System.getProperty("user.name"))) {
      Set<PosixFilePermission> before = Files.getPosixFilePermissions(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
      return () -> {
        try {
          Files.setPosixFilePermissions(dir, before);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      };
    }
    int rc;
    try {
      rc = new ProcessBuilder("chattr", "+i", dir.toString()).redirectErrorStream(true).start().waitFor();
    } catch (IOException e) {
      rc = -1;
    }
    Assumptions.assumeTrue(rc == 0, "running as root, where permissions do not stop writes, and 'chattr +i' is not"
        + " available here (no e2fsprogs or no CAP_LINUX_IMMUTABLE); live.IndexFaultTest covers the same with a failing"
        + " Lucene directory");
    return () -> {
      try {
        new ProcessBuilder("chattr", "-i", dir.toString()).start().waitFor();
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  @Test
  void a_read_only_index_directory_is_reported_in_the_status_and_the_papers_added_meanwhile_become_searchable_after() throws Exception {
    Config config = TestDatabase.config(Config.resolve(Map.of(), tmp.resolve("data")));
    try (Serving site = serve(config)) {
      String base = "http://127.0.0.1:" + site.start("127.0.0.1", 0) + "/";
      CatalogueStore store = site.root().catalogue();
      put(store, paper("2607.00001", "Sparse attention for long documents"));
      await("the first paper searchable", () -> keyword(base, "sparse attention").equals(List.of("2607.00001")));

      Runnable restore = makeReadOnly(generation(config));
      try {
        put(store, paper("2607.00002", "Dense retrieval for everyone"));
        await("the status reports the index stage failing", () -> indexStage(base).get("failing").asBoolean());
        JsonNode fault = indexStage(base).get("lastFault");
        assertThat(fault.get("problem").asText()).isNotBlank();
        assertThat(fault.get("nextRetry").isNull()).isFalse();
        assertThat(JSON.readTree(get(base + "api/v1/status").body()).get("failing")).extracting(JsonNode::asText)
            .containsExactly("index");
        assertThat(keyword(base, "sparse attention")).as("searches go on").containsExactly("2607.00001");
      } finally {
        restore.run();
      }
      await("the paper added meanwhile searchable, without a restart",
          () -> keyword(base, "dense retrieval").equals(List.of("2607.00002")));
      await("the fault cleared", () -> !indexStage(base).get("failing").asBoolean());
      assertThat(indexStage(base).get("lastFault").get("recovered").isNull()).isFalse();
      assertThat(log).anySatisfy(l -> assertThat(l).startsWith("index stage recovered after"));
      assertThat(log).filteredOn(l -> l.contains("IndexWriter is closed")).as("no line per second about a closed writer").isEmpty();
    }
  }

  @Test
  void a_server_started_on_an_index_with_four_flipped_bytes_answers_no_500_and_rebuilds_it() throws Exception {
    Config config = TestDatabase.config(Config.resolve(Map.of(), tmp.resolve("data")));
    try (CatalogueStore store = TestDatabase.catalogue(config.dataDir())) {
      for (int i = 1; i <= 40; i++) {
        put(store, paper(String.format("2607.%05d", i), "Paper " + i + " on sparse attention for long documents"));
      }
      put(store, paper("2607.00099", "Dense retrieval for everyone"));
      IndexBuilder.rebuild(CatalogueSource.of(store, VectorLookup.NONE), config.indexDir(), config.indexSettings(), Progress.NONE);
    }
    Path damaged;
    try (var files = Files.list(generation(config))) {
      damaged = files.filter(f -> !f.getFileName().toString().startsWith("segments"))
          .max(java.util.Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
    }
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(damaged.toFile(), "rw")) {
      for (long at = f.length() / 2; at < f.length() / 2 + 4; at++) {
        f.seek(at);
        int b = f.read();
        f.seek(at);
        f.write(~b);
      }
    }
    try (Serving site = serve(config)) {
      String base = "http://127.0.0.1:" + site.start("127.0.0.1", 0) + "/";
      await("searches answered from the rebuilt index", () -> keyword(base, "dense retrieval").equals(List.of("2607.00099")));
      assertThat(log).filteredOn(l -> l.contains("damaged")).singleElement().asString()
          .contains(damaged.getFileName().toString()).contains("rebuilding it in the background from the catalogue");
      assertThat(keyword(base, "sparse attention")).as("a full first page").hasSize(20);
    }
  }
}
