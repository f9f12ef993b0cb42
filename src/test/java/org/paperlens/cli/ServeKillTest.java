package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.config.MailSettings;
import org.paperlens.digest.Cadence;
import org.paperlens.digest.Links;
import org.paperlens.digest.SubscriptionStore;
import org.paperlens.digest.Subscriptions;
import org.paperlens.digest.Topic;
import org.paperlens.embed.EmbeddingModel;
import org.paperlens.embed.VectorStore;
import org.paperlens.index.IndexCoverage;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.lucene.LuceneIndex;
import org.paperlens.ingest.Listings;
import org.paperlens.ingest.OaiTestServer;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.testing.CatalogueDump;
import org.paperlens.testing.ChildProcess;
import org.paperlens.testing.Fixtures;
import org.paperlens.testing.TestDatabase;

/**
 * Crash safety of the whole server pipeline, with real child processes and SIGKILL: a server that
 * harvests, imports a watched folder, embeds and updates its index, killed at random moments
 * (seeded) and restarted, ends with the same catalogue and index as a server that was never
 * killed; and digests sent by a server killed while sending reach every subscriber once.
 */
@org.junit.jupiter.api.Tag("slow") // bin/test -Pfast leaves it out (README, "Test it")
class ServeKillTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SEED = 20261201L;
  private static final int KILLS = 6;
  private static final int SUBSCRIBERS = 12;

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

  @TempDir Path tmp;

  @Test
  void a_server_killed_at_random_moments_ends_with_the_catalogue_index_and_mail_of_one_never_killed() throws Exception {
    List<Listings.Listing> day = firstDay(Listings.load(400));
    try (OaiTestServer oai = OaiTestServer.paging(50)) {
      oai.publish(day, day.getFirst().day());
      Map<String, String> env = new HashMap<>(Map.of(
          "PAPERLENS_HARVEST_URL", oai.baseUrl().toString(), "PAPERLENS_HARVEST_FIRST_DAYS", "100000",
          "PAPERLENS_SCAN_SECONDS", "0.2", "PAPERLENS_EMBED_SHARE", "1"));
      // The harvested day and the listing sample dropped in the watched folder (the same papers when
      // ../shared is absent and the harvested day comes from that sample too).
      Set<String> papers = new HashSet<>();
      day.forEach(l -> papers.add(l.id()));
      for (String line : Files.readAllLines(Fixtures.path("listings-sample.jsonl"))) {
        papers.add(JSON.readTree(line).get("id").asText());
      }
      int expected = papers.size();

      Path reference = tmp.resolve("reference");
      runToCompletion(reference, env, expected, "reference");

      Path killed = tmp.resolve("killed");
      Random random = new Random(SEED);
      for (int i = 0; i < KILLS; i++) {
        Process p = start(killed, env, "kill-" + i);
        Thread.sleep(500 + random.nextInt(5_000));
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      runToCompletion(killed, env, expected, "after-kills");

      assertThat(dump(killed)).as("the catalogue after kills and restarts").isEqualTo(dump(reference));
      assertThat(coverage(killed)).as("the index after kills and restarts").isEqualTo(coverage(reference));
      assertThat(coverage(killed).papers()).isEqualTo(expected);
      assertThat(coverage(killed).withVector()).isEqualTo(expected);

      // Digests: many subscribers, a slow mail server, and kills while the server is sending.
      subscribe(killed);
      env.put(MailSettings.HOST_ENV, "127.0.0.1");
      env.put(MailSettings.PORT_ENV, Integer.toString(greenMail.getSmtp().getPort()));
      env.put(MailSettings.PAUSE_ENV, "300");
      env.put("PAPERLENS_DIGEST_SECONDS", "0.5");
      for (int i = 0; i < 3; i++) {
        Process p = start(killed, env, "mail-kill-" + i);
        Thread.sleep(1_500 + random.nextInt(3_000));
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      Process last = start(killed, env, "mail-last");
      try {
        Map<String, Set<String>> digests = Map.of();
        for (int i = 0; i < 1_200 && digests.size() < SUBSCRIBERS; i++) {
          Thread.sleep(100);
          digests = digestIdsByRecipient();
        }
        assertThat(digests).as("every subscriber got a digest").hasSize(SUBSCRIBERS);
        assertThat(digests.values()).as("exactly one digest each (a resend after a kill keeps its Message-ID)")
            .allMatch(ids -> ids.size() == 1);
      } finally {
        last.destroy();
        assertThat(last.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
    }
  }

  private static List<Listings.Listing> firstDay(List<Listings.Listing> listings) {
    return listings.stream().filter(l -> l.day().equals(listings.getFirst().day())).toList();
  }

  private Process start(Path data, Map<String, String> env, String name) throws Exception {
    Path inbox = Files.createDirectories(data.resolve("inbox"));
    if (!Files.exists(inbox.resolve("sample.jsonl"))) {
      Files.copy(Fixtures.path("listings-sample.jsonl"), inbox.resolve("sample.jsonl"));
    }
    return ChildProcess.start(tmp.resolve(name + ".log"), env, "--data", data.resolve("data").toString(), "serve",
        "--port", "0", "--watch", inbox.toString());
  }

  private void runToCompletion(Path data, Map<String, String> env, int papers, String name) throws Exception {
    Process p = start(data, env, name);
    Path log = tmp.resolve(name + ".log");
    try {
      String url = ChildProcess.awaitServing(log);
      assertThat(url).as(Files.readString(log)).isNotNull();
      JsonNode status = null;
      for (int i = 0; i < 3_000; i++) {
        status = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "api/v1/status")).build(),
            HttpResponse.BodyHandlers.ofString()).body());
        if (status.get("papers").asInt() == papers && status.get("embedded").asInt() == papers
            && status.get("indexSeq").asLong() == status.get("catalogueSeq").asLong()) {
          break;
        }
        Thread.sleep(100);
      }
      assertThat(status.get("embedded").asInt()).as(status + "\n" + Files.readString(log)).isEqualTo(papers);
    } finally {
      p.destroy(); // SIGTERM: the index commits on the way out
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static List<String> dump(Path data) {
    try (CatalogueStore store = TestDatabase.catalogue(data.resolve("data"))) {
      List<String> rows = new ArrayList<>(CatalogueDump.of(store));
      rows.add("vectors " + new VectorStore(store).countLive(EmbeddingModel.DEFAULT));
      return rows;
    }
  }

  /** What the index holds, and that it is complete up to the catalogue's latest change. */
  private record Held(int papers, int withVector, boolean complete) {}

  private static Held coverage(Path data) {
    try (CatalogueStore store = TestDatabase.catalogue(data.resolve("data"));
        LuceneIndex index = LuceneIndex.open(data.resolve("data/index"), IndexSettings.DEFAULT)) {
      IndexCoverage c = index.coverage();
      return new Held(c.papers(), c.withVector(), c.seq() == store.sequence());
    }
  }

  /** Subscribes addresses to the trending digest, confirmed two days ago, due at this hour today. */
  private static void subscribe(Path data) {
    Instant twoDaysAgo = Instant.now().minusSeconds(2 * 86_400);
    Clock then = Clock.fixed(twoDaysAgo, ZoneOffset.UTC);
    int hour = Instant.now().atZone(ZoneOffset.UTC).getHour();
    try (CatalogueStore store = TestDatabase.catalogue(data.resolve("data"))) {
      Subscriptions subscriptions = new Subscriptions(new SubscriptionStore(store), new Links("http://localhost:8080"), then);
      for (int i = 0; i < SUBSCRIBERS; i++) {
        Subscriptions.Pending p = subscriptions.subscribe("reader" + i + "@example.org", null, new Topic.Trending(),
            Cadence.parse("daily", Integer.toString(hour), null, "UTC"));
        subscriptions.confirm(p.confirmToken()).orElseThrow();
      }
    }
  }

  /** Distinct digest Message-IDs per recipient (confirmation mails left out). */
  private static Map<String, Set<String>> digestIdsByRecipient() throws Exception {
    Map<String, Set<String>> out = new HashMap<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      if (m.getSubject() != null && m.getSubject().startsWith("Confirm")) {
        continue;
      }
      out.computeIfAbsent(m.getAllRecipients()[0].toString(), k -> new HashSet<>()).add(m.getMessageID());
    }
    return out;
  }
}
