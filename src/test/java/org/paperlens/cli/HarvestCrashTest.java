package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.ingest.Listings;
import org.paperlens.ingest.OaiTestServer;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperVersion;
import org.paperlens.testing.TestDatabase;

/**
 * Kills a real {@code paperlens harvest arxiv} process with SIGKILL at random moments, runs it
 * again to the end, and checks the catalogue is exactly what an uninterrupted harvest gives.
 */
@org.junit.jupiter.api.Tag("slow") // bin/test -Pfast leaves it out (README, "Test it")
class HarvestCrashTest {

  private static final int KILLS = 3;

  @TempDir
  Path tmp;

  /** A paper and the versions recorded for it: everything a harvest writes about a paper. */
  record Entry(Paper paper, List<PaperVersion> versions) {}

  @Test
  void a_harvest_killed_at_random_moments_and_run_again_ends_with_the_catalogue_of_an_uninterrupted_one()
      throws Exception {
    List<Listings.Listing> papers = Listings.load(2000);
    int pageSize = papers.size() >= 2000 ? 100 : 2;
    LocalDate lastDay = papers.stream().map(Listings.Listing::day).max(LocalDate::compareTo).orElseThrow();
    try (OaiTestServer server = OaiTestServer.paging(pageSize)) {
      server.publish(papers, lastDay);
      Path reference = tmp.resolve("reference");
      StringWriter err = new StringWriter();
      int code = Main.run(args(server, reference), new PrintWriter(new StringWriter()), new PrintWriter(err));
      assertThat(code).as(err.toString()).isZero();

      // Slow pages so that kills land while pages are in flight and being committed.
      server.delayEachPage(Duration.ofMillis(60));
      Path crashed = tmp.resolve("crashed");
      Random random = new Random(20260101);
      int killedMidRun = 0;
      for (int i = 0; i < KILLS; i++) {
        int target = server.pagesServed() + 1 + random.nextInt(4);
        Process child = start(server, crashed, "run-" + i);
        while (server.pagesServed() < target && child.isAlive()) {
          Thread.sleep(5);
        }
        Thread.sleep(random.nextInt(60)); // somewhere within the next page's fetch or commit
        if (child.isAlive()) {
          killedMidRun++;
        }
        child.destroyForcibly();
        child.waitFor();
      }
      server.delayEachPage(Duration.ZERO);
      Process last = start(server, crashed, "final");
      assertThat(last.waitFor(60, TimeUnit.SECONDS)).as("the final run finishes").isTrue();
      assertThat(last.exitValue()).as(Files.readString(tmp.resolve("final.log"))).isIn(0, 1);

      assertThat(killedMidRun).as("kills that landed while the harvest was running").isEqualTo(KILLS);
      assertThat(logsSaying("resuming an unfinished list")).as("runs that carried on from a stored token").isPositive();
      assertThat(dump(crashed)).isEqualTo(dump(reference));
      assertThat(cursor(crashed)).as("the next run starts from the same place").isEqualTo(cursor(reference));
    }
  }

  private static String[] args(OaiTestServer server, Path dataDir) {
    return new String[] {"--data", dataDir.toString(), "harvest", "arxiv", "--base-url", server.baseUrl().toString(),
        "--set", "cs", "--delay-ms", "0", "--max-retries", "2", "--timeout-s", "10"};
  }

  private Process start(OaiTestServer server, Path dataDir, String name) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("paperlens.test.classpath"),
        Main.class.getName()));
    command.addAll(List.of(args(server, dataDir)));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve(name + ".log").toFile())
        .start();
  }

  private long logsSaying(String text) throws IOException {
    try (var logs = Files.list(tmp)) {
      return logs.filter(f -> f.toString().endsWith(".log")).filter(f -> {
        try {
          return Files.readString(f).contains(text);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).count();
    }
  }

  private static List<String> cursor(Path dataDir) {
    try (CatalogueStore store = TestDatabase.catalogue(dataDir)) {
      return store.database().transaction(tx -> tx.list("SELECT name, value FROM ingest_state ORDER BY name",
          r -> r.getString(1) + " = " + r.getString(2)));
    }
  }

  private static List<Entry> dump(Path dataDir) {
    try (CatalogueStore store = TestDatabase.catalogue(dataDir)) {
      List<Paper> all = new ArrayList<>();
      store.forEach(all::add);
      return all.stream().map(p -> new Entry(p, store.versions(p.id()))).toList();
    }
  }
}
