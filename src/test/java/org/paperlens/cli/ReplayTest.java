package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.web.http.ServerLimits;
import org.paperlens.web.http.ClientAddresses;
import org.paperlens.app.Serving;
import org.paperlens.app.PaperLens;
import org.paperlens.app.IndexBackend;
import org.paperlens.config.Config;
import org.paperlens.config.MailSettings;
import org.paperlens.digest.Cadence;
import org.paperlens.digest.Links;
import org.paperlens.digest.SubscriptionStore;
import org.paperlens.digest.Subscriptions;
import org.paperlens.digest.Topic;
import org.paperlens.ingest.Listings;
import org.paperlens.ingest.OaiTestServer;
import org.paperlens.live.HarvestSchedule;
import org.paperlens.live.Pipeline;
import org.paperlens.live.PipelineStatus;

/**
 * The daily loop, replayed: a local OAI-PMH server publishes real arXiv listings
 * ({@code ../shared/data/arxiv-cs-listings}, else the test sample) one listing day at a time, and
 * a running server whose clock the test moves harvests each day on its schedule. After each day,
 * every new paper is on the daily page, found by keyword and by meaning, has related papers, and
 * the digests of a saved search and of a category carry each new paper exactly once.
 */
@org.junit.jupiter.api.Tag("slow") // bin/test -Pfast leaves it out (README, "Test it")
class ReplayTest {

  private static final int DAYS = 3;
  private static final String SITE = "https://papers.example";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

  @TempDir Path tmp;

  private volatile Instant now;
  private final Clock clock = new Clock() {
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  };

  @Test
  void a_running_server_harvests_day_after_day_and_each_new_paper_is_findable_and_mailed_once() throws Exception {
    TreeMap<LocalDate, List<Listings.Listing>> byDay = new TreeMap<>(
        Listings.load(2_000).stream().collect(Collectors.groupingBy(Listings.Listing::day)));
    List<LocalDate> days = new ArrayList<>(byDay.keySet()).subList(0, DAYS);
    List<Listings.Listing> replay = days.stream().flatMap(d -> byDay.get(d).stream()).toList();
    String category = categoryWithAFewPapersEachDay(byDay, days);
    Listings.Listing searched = plainTitled(byDay.get(days.get(1)));

    MailSettings mail = MailSettings.resolve(Map.of(MailSettings.HOST_ENV, "127.0.0.1",
        MailSettings.PORT_ENV, Integer.toString(greenMail.getSmtp().getPort()), MailSettings.BASE_URL_ENV, SITE));
    try (OaiTestServer oai = OaiTestServer.paging(100)) {
      now = slotEvening(days.getFirst());
      oai.publish(replay, days.getFirst());
      Pipeline.Settings settings = new Pipeline.Settings(Optional.empty(), Optional.of(new HarvestSchedule(oai.baseUrl(),
          Optional.of("cs"), HarvestSchedule.DEFAULT_AT, HarvestSchedule.DEFAULT_ZONE, 7, Duration.ZERO)),
          1.0, Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofSeconds(2));
      Config config = Config.resolve(Map.of(), tmp.resolve("data"));
      try (Serving site = new Serving(PaperLens.builder(config, IndexBackend.of(config, null, Map.of()), clock).mail(mail).serving().build(),
          settings, Optional.empty(), ServerLimits.DEFAULT, ClientAddresses.behind(List.of()), line -> {})) {
        String url = "http://127.0.0.1:" + site.start("127.0.0.1", 0) + "/";
        Subscriptions subscriptions = new Subscriptions(new SubscriptionStore(site.root().catalogue()), new Links(SITE), clock);
        for (Topic topic : List.of(new Topic.SavedSearch(searched.title()), new Topic.Category(category))) {
          Subscriptions.Pending p = subscriptions.subscribe("reader@example.org", "u1", topic, Cadence.parse("daily", "7", null, "UTC"));
          subscriptions.confirm(p.confirmToken()).orElseThrow();
        }

        int expected = 0;
        for (LocalDate day : days) {
          now = slotEvening(day);
          oai.publish(replay, day);
          expected += byDay.get(day).size();
          awaitCaughtUp(site, expected);
          Listings.Listing sample = plainTitled(byDay.get(day));
          assertThat(get(url + "daily?date=" + day)).as("the daily page of " + day).contains("data-testid=\"paper-item\"");
          assertThat(dailyIds(url, day)).as("the daily listing of " + day + " is that day's papers, all of them")
              .containsExactlyInAnyOrderElementsOf(byDay.get(day).stream().map(Listings.Listing::id).toList());
          assertThat(ids(get(url + "api/v1/search?mode=keyword&q=" + enc(sample.title())))).as("keyword").contains(sample.id());
          assertThat(ids(get(url + "api/v1/search?mode=semantic&limit=10&q=" + enc(sample.title())))).as("meaning").contains(sample.id());
          assertThat(JSON.readTree(get(url + "api/v1/papers/" + sample.id() + "/related")).get("related")).as("related")
              .isNotEmpty();
          site.digestRun().run(true, false, line -> {});
        }

        Map<String, Integer> mailed = mailedPaperCounts();
        assertThat(mailed.values()).as("no paper is mailed twice to one address").allMatch(n -> n == 1);
        assertThat(mailed).as("the saved search's paper, listed on day 2").containsEntry(searched.id(), 1);
        List<String> inCategory = replay.stream().filter(l -> l.categories().contains(category)).map(Listings.Listing::id).toList();
        assertThat(inCategory).isNotEmpty();
        assertThat(mailed.keySet()).as("every " + category + " paper of every day").containsAll(inCategory);
      }
    }
  }

  /** 21:00 in New York on that day: after the default 20:30 harvest slot. */
  private static Instant slotEvening(LocalDate day) {
    return day.atTime(21, 0).atZone(HarvestSchedule.DEFAULT_ZONE).toInstant();
  }

  private static void awaitCaughtUp(Serving site, int papers) throws InterruptedException {
    PipelineStatus s = site.pipeline().status();
    // A generous bound that proves "did not hang"; nothing here is timed.
    for (int i = 0; i < 6_000; i++) {
      s = site.pipeline().status();
      if (s.coverage().papers() == papers && s.coverage().withVector() == papers && s.coverage().seq() == s.catalogueSeq()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the pipeline did not catch up with " + papers + " papers: " + s.describe());
  }

  /** A category with between 1 and 20 papers (a digest's most) on each replayed day, so every one can be mailed. */
  private static String categoryWithAFewPapersEachDay(Map<LocalDate, List<Listings.Listing>> byDay, List<LocalDate> days) {
    Map<String, List<Long>> counts = new HashMap<>();
    for (LocalDate d : days) {
      Map<String, Long> perDay = byDay.get(d).stream().flatMap(l -> l.categories().stream())
          .collect(Collectors.groupingBy(c -> c, Collectors.counting()));
      perDay.forEach((c, n) -> counts.computeIfAbsent(c, k -> new ArrayList<>()).add(n));
    }
    return counts.entrySet().stream().filter(e -> e.getValue().size() == days.size() && e.getValue().stream().allMatch(n -> n <= 20))
        .map(Map.Entry::getKey).sorted().findFirst().orElseThrow(() -> new AssertionError("no category fits"));
  }

  /** A paper whose title is plain words (no TeX or markup), so the page shows it as it is written. */
  private static Listings.Listing plainTitled(List<Listings.Listing> papers) {
    return papers.stream().filter(l -> l.title().matches("[A-Za-z][A-Za-z0-9 ,:-]{20,150}")).findFirst().orElseThrow();
  }

  private Map<String, Integer> mailedPaperCounts() throws Exception {
    Map<String, Integer> counts = new HashMap<>();
    Pattern paper = Pattern.compile(Pattern.quote(SITE) + "/papers/([0-9]{4}\\.[0-9]{4,5})");
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      if (m.getSubject().startsWith("Confirm")) {
        continue;
      }
      Matcher matcher = paper.matcher(text(m));
      java.util.Set<String> inThisMail = new java.util.HashSet<>();
      while (matcher.find()) {
        inThisMail.add(matcher.group(1));
      }
      inThisMail.forEach(id -> counts.merge(id, 1, Integer::sum));
    }
    return counts;
  }

  static String text(MimeMessage m) throws Exception {
    MimeMultipart mp = (MimeMultipart) m.getContent();
    for (int i = 0; i < mp.getCount(); i++) {
      BodyPart p = mp.getBodyPart(i);
      if (p.isMimeType("text/plain")) {
        return (String) p.getContent();
      }
    }
    throw new AssertionError("no text part");
  }

  private static List<String> ids(String searchJson) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode hit : JSON.readTree(searchJson).get("hits")) {
      out.add(hit.get("id").asText());
    }
    return out;
  }

  private static List<String> dailyIds(String url, LocalDate day) throws Exception {
    List<String> out = new ArrayList<>();
    for (int page = 1; page < 100; page++) {
      JsonNode d = JSON.readTree(get(url + "api/v1/daily?limit=100&date=" + day + "&page=" + page));
      d.get("papers").forEach(p -> out.add(p.get("id").asText()));
      if (!d.get("more").asBoolean()) {
        break;
      }
    }
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String get(String url) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
    return r.body();
  }
}
