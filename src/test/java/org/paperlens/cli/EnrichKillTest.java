package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.citation.SourceName;
import org.paperlens.citation.store.CitationFacts;
import org.paperlens.citation.store.CitationStore;
import org.paperlens.citation.store.EnrichmentQueue;
import org.paperlens.citation.store.LinkedPaper;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.PaperId;
import org.paperlens.store.Database;
import org.paperlens.testing.ChildProcess;
import org.paperlens.testing.FakeOpenAlex;
import org.paperlens.testing.TestDatabase;

/**
 * Crash safety of the enrichment stage, with real child processes and SIGKILL: {@code paperlens
 * serve} enriching 300 papers from a local (slow) OpenAlex is killed at random moments (seeded)
 * once it has stored something, and restarted; it ends with the same edges, facts and queue as a server that was never killed.
 */
@Tag("slow") // bin/test -Pfast leaves it out (README, "Test it")
class EnrichKillTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SEED = 20261206L;
  private static final int PAPERS = 300;
  private static final int KILLS = 4;

  @TempDir Path tmp;

  @Test
  void a_server_killed_while_enriching_ends_with_the_citations_of_one_never_killed() throws Exception {
    Map<String, List<String>> graph = graph();
    try (FakeOpenAlex openAlex = new FakeOpenAlex(graph)) {
      openAlex.delay(150); // a batch of 50 takes about a second: kills land in the middle of one
      Map<String, String> env = Map.of("PAPERLENS_OPENALEX", "on", "PAPERLENS_OPENALEX_URL", openAlex.base().toString(),
          "PAPERLENS_SCAN_SECONDS", "0.2", "PAPERLENS_EMBED_SHARE", "0.2");

      Path reference = tmp.resolve("reference");
      runToCompletion(reference, env, graph, "reference");
      int requests = openAlex.seen().size();

      Path killed = tmp.resolve("killed");
      Random random = new Random(SEED);
      List<Long> foundAfterKills = new ArrayList<>();
      for (int i = 0; i < KILLS; i++) {
        Process p = start(killed, env, graph, "kill-" + i);
        // Killed at a random moment once this run has stored something: in the middle of enriching.
        String url = ChildProcess.awaitServing(tmp.resolve("kill-" + i + ".log"));
        long before = foundAfterKills.isEmpty() ? 0 : foundAfterKills.getLast();
        for (int wait = 0; url != null && wait < 300 && before < PAPERS && found(url) <= before; wait++) {
          Thread.sleep(200);
        }
        Thread.sleep(random.nextInt(1_200));
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        foundAfterKills.add(found(killed));
      }
      assertThat(foundAfterKills).as("some kill came in the middle of enriching").anyMatch(n -> n > 0 && n < PAPERS);
      runToCompletion(killed, env, graph, "after-kills");

      List<String> expected = dump(reference, graph);
      assertThat(expected).as("the reference run enriched every paper").contains("queue due=0 pending=0 found=" + PAPERS + " unknown=0 bad=0");
      assertThat(dump(killed, graph)).as("the citations after kills and restarts").isEqualTo(expected);
      assertThat(openAlex.seen().size() - requests).as("the killed runs asked OpenAlex at least once more").isPositive();
    }
  }

  /** Each paper cites up to four earlier ones, chosen by a fixed rule, and one work outside the catalogue (the fake's). */
  private static Map<String, List<String>> graph() {
    Map<String, List<String>> g = new LinkedHashMap<>();
    for (int i = 0; i < PAPERS; i++) {
      List<String> refs = new ArrayList<>();
      for (int j = i - 1; j >= 0 && refs.size() < 4; j--) {
        if ((i * 31 + j * 17) % 5 == 0) {
          refs.add(id(j));
        }
      }
      g.put(id(i), refs);
    }
    return g;
  }

  private static String id(int i) {
    return String.format("2612.%05d", 10_000 + i);
  }

  private Process start(Path data, Map<String, String> env, Map<String, List<String>> graph, String name) throws Exception {
    Path inbox = Files.createDirectories(data.resolve("inbox"));
    Path file = inbox.resolve("papers.jsonl");
    if (!Files.exists(file)) {
      List<String> lines = new ArrayList<>();
      for (String id : graph.keySet()) {
        var paper = JSON.createObjectNode().put("id", id).put("title", "Made-up paper " + id).put("summary", "About " + id + ".")
            .put("first_seen_listing_date", "2026-12-01");
        paper.putArray("authors").add("Ada Okafor");
        paper.putArray("categories").add("cs.LG");
        lines.add(paper.toString());
      }
      Files.write(file, lines);
    }
    return ChildProcess.start(tmp.resolve(name + ".log"), env, "--data", data.resolve("data").toString(), "serve",
        "--port", "0", "--watch", inbox.toString());
  }

  private void runToCompletion(Path data, Map<String, String> env, Map<String, List<String>> graph, String name) throws Exception {
    Process p = start(data, env, graph, name);
    Path log = tmp.resolve(name + ".log");
    try {
      String url = ChildProcess.awaitServing(log);
      assertThat(url).as(Files.readString(log)).isNotNull();
      JsonNode source = null;
      for (int i = 0; i < 1_800; i++) {
        JsonNode status = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "api/v1/status")).build(),
            HttpResponse.BodyHandlers.ofString()).body());
        source = status.get("enrichment").get(0);
        if (source.get("found").asInt() == PAPERS && source.get("due").asInt() == 0) {
          break;
        }
        Thread.sleep(100);
      }
      assertThat(source.get("found").asInt()).as(source + "\n" + Files.readString(log)).isEqualTo(PAPERS);
      assertThat(source.get("reachable").asBoolean()).isTrue();
    } finally {
      p.destroy();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static long found(String url) throws Exception {
    JsonNode status = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "api/v1/status")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    return status.get("enrichment").get(0).get("found").asLong();
  }

  private static long found(Path data) {
    try (CatalogueStore store = TestDatabase.catalogue(data.resolve("data")); Database db = Database.open(store.url())) {
      return new CitationStore(db).queue(SourceName.OPENALEX, Instant.now()).found();
    }
  }

  /** Every paper's references, citers and facts (without the dates of this run), and the queue. */
  private static List<String> dump(Path data, Map<String, List<String>> graph) {
    List<String> rows = new ArrayList<>();
    try (CatalogueStore store = TestDatabase.catalogue(data.resolve("data")); Database db = Database.open(store.url())) {
      CitationStore c = new CitationStore(db);
      for (String id : new TreeSet<>(graph.keySet())) {
        PaperId p = new PaperId(id);
        rows.add(id + " cites " + keys(c.references(p, 1_000)));
        rows.add(id + " cited by " + keys(c.citations(p, 1_000)));
        CitationFacts f = c.facts(p);
        rows.add(id + " facts " + f.count().map(n -> n.total()) + " " + f.countsByYear() + " " + f.venue() + " "
            + f.references() + " " + f.citedBy());
      }
      EnrichmentQueue q = c.queue(SourceName.OPENALEX, Instant.now());
      rows.add("queue due=" + q.due() + " pending=" + q.pending() + " found=" + q.found() + " unknown=" + q.unknown() + " bad=" + q.bad());
      rows.add("edges " + c.edges().size());
    }
    return rows;
  }

  private static TreeSet<String> keys(List<LinkedPaper> linked) {
    TreeSet<String> out = new TreeSet<>();
    for (LinkedPaper l : linked) {
      out.add(l.paper().map(PaperId::value).orElseGet(() -> "external " + l.work().ids().doi().map(Object::toString).orElse("")
          + " " + l.work().ids().openAlex().orElse("") + " " + l.work().title().orElse("")));
    }
    return out;
  }
}
