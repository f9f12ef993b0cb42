package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.account.Account;
import org.paperlens.app.IndexBackend;
import org.paperlens.app.PaperLens;
import org.paperlens.app.Serving;
import org.paperlens.config.CitationSources;
import org.paperlens.config.Config;
import org.paperlens.config.MailSettings;
import org.paperlens.digest.Cadence;
import org.paperlens.digest.Links;
import org.paperlens.digest.SubscriptionStore;
import org.paperlens.digest.Subscriptions;
import org.paperlens.digest.Topic;
import org.paperlens.ingest.Listings;
import org.paperlens.ingest.OaiTestServer;
import org.paperlens.live.EnrichmentStatus;
import org.paperlens.live.HarvestSchedule;
import org.paperlens.live.Pipeline;
import org.paperlens.live.PipelineStatus;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.FakeOpenAlex;
import org.paperlens.web.http.ClientAddresses;
import org.paperlens.web.http.ServerLimits;

/**
 * Citations in the daily loop, replayed in the manner of {@link ReplayTest}: a running server whose
 * clock the test moves harvests real arXiv listings ({@code ../shared/data/arxiv-cs-listings}, else
 * the test sample) one day at a time from a local OAI-PMH server, and its enrichment stage asks a
 * local OpenAlex (in the documented schema) about every new paper. A paper of day 2 cites one of
 * day 1, and day 3 brings a paper citing it again and one citing a paper in the reader's library.
 * Each citing paper reaches the reader exactly once (GreenMail) though three of their alerts could
 * carry it, each mail says what it cites, and the paper pages, the lists and the map show the edges.
 */
@org.junit.jupiter.api.Tag("slow") // bin/test -Pfast leaves it out (README, "Test it")
class CitationReplayTest {

  private static final int DAYS = 3;
  private static final int PER_DAY = 100;
  private static final String SITE = "https://papers.example";
  private static final String READER = "reader@example.org";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern MAILED_PAPER = Pattern.compile(Pattern.quote(SITE) + "/papers/([0-9]{4}\\.[0-9]{4,5})\\r?\\n");

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

  @TempDir Path tmp;

  /**
   * The test's time: set per replayed day, and running on from there in real time, so that the
   * citation clients' politeness (which waits for the clock) sees time pass as it would.
   */
  private volatile Instant base;
  private volatile long setAt;
  private final Clock clock = new Clock() {
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return base.plusNanos(System.nanoTime() - setAt); }
  };

  private void at(Instant t) {
    setAt = System.nanoTime();
    base = t;
  }

  @Test
  void a_later_paper_citing_an_earlier_one_is_enriched_shown_and_alerted_once() throws Exception {
    // The first PER_DAY papers of each day: every paper costs OpenAlex requests at its polite rate.
    TreeMap<LocalDate, List<Listings.Listing>> byDay = new TreeMap<>();
    Listings.load(2_000).stream().collect(Collectors.groupingBy(Listings.Listing::day))
        .forEach((day, papers) -> byDay.put(day, papers.subList(0, Math.min(PER_DAY, papers.size()))));
    List<LocalDate> days = new ArrayList<>(byDay.keySet()).subList(0, DAYS);
    List<Listings.Listing> replay = days.stream().flatMap(d -> byDay.get(d).stream()).toList();
    List<Listings.Listing> day1 = plainTitled(byDay.get(days.get(0)));
    Listings.Listing cited = day1.get(0);   // followed by the reader, and its first author too
    Listings.Listing saved = day1.get(1);   // in the reader's library
    Listings.Listing citing = plainTitled(byDay.get(days.get(1))).getFirst();
    List<Listings.Listing> day3 = plainTitled(byDay.get(days.get(2)));
    Listings.Listing citingAgain = day3.get(0);
    Listings.Listing citingSaved = day3.get(1);
    Map<String, List<String>> graph = new LinkedHashMap<>();
    graph.put(cited.id(), List.of());
    graph.put(saved.id(), List.of());
    graph.put(citing.id(), List.of(cited.id()));
    graph.put(citingAgain.id(), List.of(cited.id(), saved.id()));
    graph.put(citingSaved.id(), List.of(saved.id()));

    MailSettings mail = MailSettings.resolve(Map.of(MailSettings.HOST_ENV, "127.0.0.1",
        MailSettings.PORT_ENV, Integer.toString(greenMail.getSmtp().getPort()), MailSettings.BASE_URL_ENV, SITE));
    try (OaiTestServer oai = OaiTestServer.paging(100); FakeOpenAlex openAlex = new FakeOpenAlex(graph)) {
      at(ReplayTest.slotEvening(days.getFirst()));
      oai.publish(replay, days.getFirst());
      Pipeline.Settings settings = new Pipeline.Settings(Optional.empty(), Optional.of(new HarvestSchedule(oai.baseUrl(),
          Optional.of("cs"), HarvestSchedule.DEFAULT_AT, HarvestSchedule.DEFAULT_ZONE, 7, Duration.ZERO)),
          0.2, Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofSeconds(2)); // embedding is not awaited here
      Config config = Config.resolve(Map.of(), tmp.resolve("data")).withCitationSources(CitationSources.resolve(
          Map.of(CitationSources.OPENALEX_ENV, "on", CitationSources.OPENALEX_URL_ENV, openAlex.base().toString()),
          CitationSources.Flags.NONE));
      try (Serving site = new Serving(PaperLens.builder(config, IndexBackend.of(config, null, Map.of()), clock).mail(mail).serving().build(),
          settings, Optional.empty(), ServerLimits.DEFAULT, ClientAddresses.behind(List.of()), line -> {})) {
        String url = "http://127.0.0.1:" + site.start("127.0.0.1", 0) + "/";
        PaperLens root = site.root();
        Account reader = root.accounts().signUp("reader", "correct horse battery staple");
        String user = Long.toString(reader.id());
        Subscriptions subscriptions = new Subscriptions(new SubscriptionStore(root.catalogue()), new Links(SITE), clock);
        String author = cited.authors().getFirst();

        int expected = 0;
        for (LocalDate day : days) {
          at(ReplayTest.slotEvening(day));
          oai.publish(replay, day);
          expected += byDay.get(day).size();
          awaitCaughtUp(site, expected);
          if (day.equals(days.getFirst())) {
            // Once the day-1 papers are in: the reader follows one, its first author, and their library.
            root.library().save(reader, new PaperId(saved.id()), List.of());
            for (Topic topic : List.of(new Topic.CitingPaper(new PaperId(cited.id())), new Topic.CitingAuthor(author, null),
                new Topic.CitingLibrary())) {
              Subscriptions.Pending p = subscriptions.subscribe(READER, user, topic, Cadence.parse("daily", "7", null, "UTC"));
              subscriptions.confirm(p.confirmToken()).orElseThrow();
            }
          }
          site.digestRun().run(true, false, line -> {});
        }
        site.digestRun().run(true, false, line -> {}); // nothing new: nothing more is mailed

        // Each citing paper reached the reader once, in the first of their alerts that could carry it.
        List<MimeMessage> alerts = alertsTo(READER);
        Map<String, Integer> mailed = new HashMap<>();
        for (MimeMessage m : alerts) {
          Set<String> inThisMail = new HashSet<>();
          Matcher matcher = MAILED_PAPER.matcher(ReplayTest.text(m));
          while (matcher.find()) {
            inThisMail.add(matcher.group(1));
          }
          inThisMail.forEach(id -> mailed.merge(id, 1, Integer::sum));
        }
        assertThat(mailed).as("every citing paper once, and nothing else").containsExactlyInAnyOrderEntriesOf(
            Map.of(citing.id(), 1, citingAgain.id(), 1, citingSaved.id(), 1));
        List<String> texts = new ArrayList<>();
        for (MimeMessage m : alerts) {
          texts.add(ReplayTest.text(m));
        }
        String day2 = texts.stream().filter(t -> t.contains(citing.id())).findFirst().orElseThrow();
        assertThat(day2).startsWith("New papers citing “" + cited.title() + "”")
            .contains("cites " + cited.title() + " (" + SITE + "/papers/" + cited.id() + ")");
        String library = texts.stream().filter(t -> t.contains(citingSaved.id())).findFirst().orElseThrow();
        assertThat(library).startsWith("New papers citing your library").contains("cites " + saved.title());

        // The pages show the edges: cited-by and references lists, the JSON, the map.
        assertThat(ReplayTest.get(url + "papers/" + cited.id())).as("the cited paper's page")
            .contains("data-paper-id=\"" + citing.id() + "\"", "data-paper-id=\"" + citingAgain.id() + "\"");
        assertThat(ReplayTest.get(url + "papers/" + citing.id())).as("the citing paper's page").contains("data-paper-id=\"" + cited.id() + "\"");
        JsonNode citations = JSON.readTree(ReplayTest.get(url + "api/v1/papers/" + cited.id() + "/citations"));
        assertThat(citations.toString()).contains("\"" + citing.id() + "\"", "\"" + citingAgain.id() + "\"");
        // The map is drawn from the graph related papers rank on, which serve rebuilds in the background within seconds of a change.
        assertThat(awaitPage(url + "papers/" + cited.id() + "/map", "href=\"/papers/" + citing.id() + "\"",
            "href=\"/papers/" + citingAgain.id() + "\"")).as("the map")
            .contains("data-testid=\"citation-map\"", "href=\"/papers/" + citing.id() + "\"", "href=\"/papers/" + citingAgain.id() + "\"");
        assertThat(ReplayTest.get(url + "feeds/citing/paper/" + cited.id())).as("the feed of the same alerts")
            .contains(SITE + "/papers/" + citing.id(), SITE + "/papers/" + citingAgain.id());
      }
    }
  }

  /** The page at {@code url} once it holds every one of {@code wanted}, or as it is after 60 s (for the assertion to show). */
  private static String awaitPage(String url, String... wanted) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    String body = ReplayTest.get(url);
    while (!java.util.Arrays.stream(wanted).allMatch(body::contains) && System.nanoTime() < deadline) {
      Thread.sleep(250);
      body = ReplayTest.get(url);
    }
    return body;
  }

  /** Waits until the day's papers are indexed and every one of them has had its answer from OpenAlex. */
  private static void awaitCaughtUp(Serving site, int papers) throws InterruptedException {
    PipelineStatus s = site.pipeline().status();
    // A generous bound that proves "did not hang"; nothing here is timed.
    for (int i = 0; i < 6_000; i++) {
      s = site.pipeline().status();
      EnrichmentStatus e = s.enrichment().getFirst();
      long answered = e.queue().found() + e.queue().unknown() + e.queue().bad();
      if (s.coverage().papers() == papers && s.coverage().seq() == s.catalogueSeq() && answered == papers
          && e.queue().pending() == 0 && e.queue().due() == 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the pipeline did not catch up with " + papers + " papers: " + s.describe());
  }

  /** Papers whose titles are plain words (no TeX or markup), so a page and a mail show them as written. */
  private static List<Listings.Listing> plainTitled(List<Listings.Listing> papers) {
    List<Listings.Listing> out = papers.stream().filter(l -> l.title().matches("[A-Za-z][A-Za-z0-9 ,:-]{20,150}")).toList();
    assertThat(out).hasSizeGreaterThanOrEqualTo(2);
    return out;
  }

  private static List<MimeMessage> alertsTo(String address) throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      if (m.getAllRecipients()[0].toString().equals(address) && !m.getSubject().startsWith("Confirm")) {
        out.add(m);
      }
    }
    return out;
  }
}
