package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.HttpCookie;
import java.net.URI;
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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.config.Config;
import org.paperlens.config.MailSettings;
import org.paperlens.digest.Cadence;
import org.paperlens.digest.Links;
import org.paperlens.digest.SubscriptionStore;
import org.paperlens.digest.Subscriptions;
import org.paperlens.digest.Topic;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.store.DatabaseUrl;
import org.paperlens.testing.ChildProcess;
import org.paperlens.testing.Cli;
import org.paperlens.testing.Fixtures;
import org.paperlens.testing.TestDatabase;

/**
 * Two {@code paperlens serve} processes (child JVMs, each with its own data directory and index)
 * on one PostgreSQL database, as docs/deploy.md sets them up: a session made on one is valid on
 * the other, a vote on one shows in the other's trending, and with both digest schedules running
 * and one of them SIGKILLed mid-run every subscriber gets its digest once. Skipped with a message
 * when no PostgreSQL server is reachable (see {@link TestDatabase}).
 */
@org.junit.jupiter.api.Tag("slow") // bin/test -Pfast leaves it out (README, "Test it")
class TwoServesTest {

  private static final int SUBSCRIBERS = 24;

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

  @TempDir Path tmp;

  @Test
  void two_serves_on_one_postgresql_share_sessions_votes_and_send_each_digest_once() throws Exception {
    DatabaseUrl db = TestDatabase.freshPostgres();
    Cli.Result imported = Cli.run("import", "--data", tmp.resolve("a").toString(), "--db", db.jdbcUrl(),
        Fixtures.path("listings-sample.jsonl").toString());
    assertThat(imported.code()).as(imported.err()).isZero();
    String paper;
    try (CatalogueStore store = CatalogueStore.open(db)) {
      List<Paper> papers = new ArrayList<>();
      store.forEachLive(papers::add);
      paper = papers.getLast().id().value();
      subscribe(store);
    }

    Map<String, String> env = new HashMap<>(Map.of(Config.DB_ENV, db.jdbcUrl(),
        MailSettings.HOST_ENV, "127.0.0.1", MailSettings.PORT_ENV, Integer.toString(greenMail.getSmtp().getPort()),
        MailSettings.PAUSE_ENV, "200", MailSettings.TIMEOUT_ENV, "2", "PAPERLENS_DIGEST_SECONDS", "0.5"));
    Process a = serve("a", env);
    Process b = serve("b", env);
    try {
      String urlA = url("a");
      String urlB = url("b");

      // A session made on A is valid on B.
      Browser onA = new Browser(urlA).signUp("ada");
      Browser onB = new Browser(urlB);
      for (HttpCookie c : onA.cookies.getCookieStore().getCookies()) {
        onB.cookies.getCookieStore().add(URI.create(urlB), c);
      }
      HttpResponse<String> me = onB.api("GET", "/api/v1/me", null);
      assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
      assertThat(Browser.json(me).get("name").asText()).isEqualTo("ada");

      // A vote on A shows in B's trending within a few seconds (B's cache is bounded by the shared counter).
      // Before any vote B shows new and notable (fewer voters than --trending-min-voters 1); the vote switches it to trending.
      String trendingBefore = onB.get("/api/v1/trending").body();
      assertThat(trendingBefore).contains("\"list\":\"new-and-notable\"");
      String token = Browser.json(onA.api("POST", "/api/v1/tokens", "{\"name\": \"ada\", \"password\": \"correct horse battery\"}"))
          .get("token").asText();
      HttpResponse<String> vote = onA.api("PUT", "/api/v1/papers/" + paper + "/vote", null, "Authorization", "Bearer " + token);
      assertThat(vote.statusCode()).as(vote.body()).isBetween(200, 299);
      String trending = "";
      for (int i = 0; i < 100 && !(trending.contains(paper) && trending.contains("\"list\":\"trending\"")); i++) {
        Thread.sleep(100);
        trending = onB.get("/api/v1/trending").body();
      }
      assertThat(trending).as("B's trending after a vote on A").contains(paper, "\"list\":\"trending\"");

      // Both schedules send; A is killed while sending; every subscriber still gets one digest.
      for (int i = 0; i < 600 && digests() < SUBSCRIBERS / 4; i++) {
        Thread.sleep(50);
      }
      a.destroyForcibly(); // SIGKILL
      assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();
      Map<String, Set<String>> byRecipient = Map.of();
      for (int i = 0; i < 1_200 && byRecipient.size() < SUBSCRIBERS; i++) {
        Thread.sleep(100);
        byRecipient = digestIdsByRecipient();
      }
      assertThat(byRecipient).as("every subscriber got a digest").hasSize(SUBSCRIBERS);
      assertThat(byRecipient.values()).as("one digest each").allMatch(ids -> ids.size() == 1);
      // Confirmations (queued when the test subscribed) and digests: a message can go twice only if
      // the kill fell between the mail server's 250 and the commit that records it; two schedules
      // without a claim send many of them twice.
      assertThat(greenMail.getReceivedMessages().length).as("mails received").isBetween(2 * SUBSCRIBERS, 2 * SUBSCRIBERS + 1);
    } finally {
      for (Process p : List.of(a, b)) {
        p.destroy();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      }
    }
  }

  private Process serve(String name, Map<String, String> env) throws Exception {
    return ChildProcess.start(tmp.resolve(name + ".log"), env, "--data", tmp.resolve(name).toString(),
        "--new-account-hours", "0", "--trending-min-voters", "1", "serve", "--port", "0");
  }

  private String url(String name) throws Exception {
    Path log = tmp.resolve(name + ".log");
    Pattern served = Pattern.compile("serving at (http://127\\.0\\.0\\.1:\\d+)/");
    for (int i = 0; i < 1_200; i++) {
      Matcher m = served.matcher(Files.exists(log) ? Files.readString(log) : "");
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("serve " + name + " did not start:\n" + Files.readString(log));
  }

  /** Subscribes addresses to the trending digest, confirmed two days ago, due at this hour today. */
  private static void subscribe(CatalogueStore store) {
    Clock then = Clock.fixed(Instant.now().minusSeconds(2 * 86_400), ZoneOffset.UTC);
    int hour = Instant.now().atZone(ZoneOffset.UTC).getHour();
    Subscriptions subscriptions = new Subscriptions(new SubscriptionStore(store), new Links("http://localhost:8080"), then);
    for (int i = 0; i < SUBSCRIBERS; i++) {
      Subscriptions.Pending p = subscriptions.subscribe("reader" + i + "@example.org", null, new Topic.Trending(),
          Cadence.parse("daily", Integer.toString(hour), null, "UTC"));
      subscriptions.confirm(p.confirmToken()).orElseThrow();
    }
  }

  private static long digests() throws Exception {
    long n = 0;
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      n += m.getSubject() != null && m.getSubject().startsWith("Confirm") ? 0 : 1;
    }
    return n;
  }

  private static Map<String, Set<String>> digestIdsByRecipient() throws Exception {
    Map<String, Set<String>> out = new HashMap<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      if (m.getSubject() == null || !m.getSubject().startsWith("Confirm")) {
        out.computeIfAbsent(m.getAllRecipients()[0].toString(), k -> new HashSet<>()).add(m.getMessageID());
      }
    }
    return out;
  }
}
