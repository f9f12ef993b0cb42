package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperlens.app.PaperLens;
import org.paperlens.citation.Authorship;
import org.paperlens.citation.Edges;
import org.paperlens.citation.ExternalIds;
import org.paperlens.citation.LinkedWork;
import org.paperlens.citation.SourceName;
import org.paperlens.citation.Work;
import org.paperlens.citation.store.AuthorIdentity;
import org.paperlens.citation.store.CitationStore;
import org.paperlens.config.MailSettings;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.web.http.Auth;

/**
 * Citation alerts on the real server: the feeds of a paper's, an author's (by name and by
 * identity) and a member's library's citers; the paper page's "alert me" form, confirmed from the
 * mail and answered by a digest of the application root's own planner (GreenMail); the links on
 * author and library pages; and subscribing and unsubscribing through the JSON API.
 */
class CitationAlertsWebTest {

  static final String SITE = "https://papers.example";

  @RegisterExtension
  @Order(1)
  static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort()).withPerMethodLifecycle(false);

  static PaperLens root;
  static long smith;

  @RegisterExtension
  @Order(2)
  static final WebFixture web = new WebFixture(CitationAlertsWebTest::mail, r -> {
    root = r;
    CitationStore c = r.citations();
    // Wei Zhang's 00105 cites his 00101; Maria Garcia's 00109 cites both; 00110 cites John Smith's 00102.
    cites(c, "2401.00105", "2024-02-03T10:00:00Z", "2401.00101");
    cites(c, "2401.00109", "2024-03-02T10:00:00Z", "2401.00101", "2401.00105");
    cites(c, "2401.00110", "2024-03-16T10:00:00Z", "2401.00102");
    // A 1999 paper found to cite 00101 in 2024 is no news.
    cites(c, "hep-th/9901001", "2024-03-20T10:00:00Z", "2401.00101");
    c.record(new PaperId("2401.00102"), work("2401.00102", Edges.NOT_GIVEN,
        List.of(new Authorship("John Smith", Optional.of("A9"), Optional.empty(), List.of()))), Instant.parse("2024-03-01T00:00:00Z"),
        Instant.parse("2024-03-02T00:00:00Z"));
    smith = c.identitiesNamed("John Smith").stream().filter(i -> i.sourceId().equals("A9")).findFirst().map(AuthorIdentity::id).orElseThrow();
  });

  private static MailSettings mail() {
    return MailSettings.resolve(Map.of(MailSettings.HOST_ENV, "127.0.0.1",
        MailSettings.PORT_ENV, Integer.toString(greenMail.getSmtp().getPort()), MailSettings.BASE_URL_ENV, SITE));
  }

  private static void cites(CitationStore store, String citing, String at, String... cited) {
    List<LinkedWork> refs = new ArrayList<>();
    for (String c : cited) {
      refs.add(new LinkedWork(ExternalIds.NONE.withArxiv(Optional.of(new PaperId(c))), Optional.empty(), Optional.empty()));
    }
    Instant when = Instant.parse(at);
    store.record(new PaperId(citing), work(citing, new Edges.Listed(refs), List.of()), when, when.plusSeconds(86_400));
  }

  private static Work work(String id, Edges references, List<Authorship> authors) {
    return new Work(SourceName.OPENALEX, ExternalIds.NONE.withArxiv(Optional.of(new PaperId(id))), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), Optional.empty(), references, Edges.NOT_GIVEN, authors);
  }

  private static SyndFeed feed(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new SyndFeedInput().build(new StringReader(r.body()));
  }

  private static List<String> ids(SyndFeed f) {
    return f.getEntries().stream().map(SyndEntry::getUri).map(u -> u.replace(SITE + "/papers/", "")).toList();
  }

  @Test
  void a_papers_feed_lists_its_new_citers_newest_first_saying_what_each_cites() throws Exception {
    SyndFeed atom = feed(web.browser().get("/feeds/citing/paper/2401.00101"));
    assertThat(atom.getTitle()).isEqualTo("New papers citing “Graph Neural Networks for Molecular Property Prediction” · paperlens");
    assertThat(ids(atom)).as("the 1999 paper is not new").containsExactly("2401.00109", "2401.00105");
    SyndEntry first = atom.getEntries().getFirst();
    assertThat(first.getDescription().getValue())
        .startsWith("Cites “Graph Neural Networks for Molecular Property Prediction” (" + SITE + "/papers/2401.00101).");
    assertThat(first.getUpdatedDate()).as("dated when paperlens learnt it").isEqualTo(Date.from(Instant.parse("2024-03-02T10:00:00Z")));
    assertThat(ids(feed(web.browser().get("/feeds/citing/paper/2401.00101?format=rss")))).containsExactly("2401.00109", "2401.00105");
    assertThat(ids(feed(web.browser().get("/feeds/citing/paper/2401.00108")))).isEmpty();
    assertThat(web.browser().get("/feeds/citing/paper/2499.99999").statusCode()).isEqualTo(404);
  }

  @Test
  void an_authors_feed_follows_their_papers_by_name_and_by_identity() throws Exception {
    SyndFeed zhang = feed(web.browser().get("/feeds/citing/author/Wei%20Zhang"));
    assertThat(ids(zhang)).containsExactly("2401.00109", "2401.00105");
    assertThat(zhang.getEntries().getFirst().getDescription().getValue()).as("one entry naming both of his papers it cites")
        .contains("“Graph Neural Networks for Molecular Property Prediction”", "“Contrastive Pretraining of Molecule Encoders”");
    SyndFeed person = feed(web.browser().get("/feeds/citing/identity/" + smith));
    assertThat(ids(person)).containsExactly("2401.00110");
    assertThat(person.getDescription()).contains("OpenAlex author A9");
    assertThat(web.browser().get("/authors/id/" + smith).body()).contains(
        "href=\"/subscriptions?kind=citing-author&amp;target=%23" + smith + "+John+Smith\"", "href=\"/feeds/citing/identity/" + smith + "\"");
    assertThat(web.browser().get("/feeds/citing/identity/999999").statusCode()).isEqualTo(404);
    assertThat(web.browser().get("/feeds/citing/identity/smith").statusCode()).isEqualTo(400);

    String page = web.browser().get("/authors/Wei%20Zhang").body();
    assertThat(page).contains("href=\"/subscriptions?kind=citing-author&amp;target=Wei+Zhang\"",
        "href=\"/feeds/citing/author/Wei%20Zhang\"");
  }

  @Test
  void a_members_library_and_tags_have_private_citation_feeds_and_alert_links() throws Exception {
    Browser member = web.browser().signUp("librarian");
    member.post("/papers/2401.00102/save", Map.of("tags", "nlp"));
    member.post("/papers/2401.00105/save", Map.of("tags", "chemistry"));
    String page = member.post("/account/feed", Map.of()).body();
    Matcher m = Pattern.compile(Pattern.quote(SITE) + "(/feeds/[A-Za-z0-9_-]{43})").matcher(page);
    assertThat(m.find()).as(page).isTrue();
    assertThat(page).contains("plus /citing");
    HttpResponse<String> library = web.browser().get(m.group(1) + "/citing");
    assertThat(library.headers().firstValue("Cache-Control").orElse("")).startsWith("private");
    assertThat(ids(feed(library))).as("00105 is saved: no news").containsExactly("2401.00110", "2401.00109");
    assertThat(ids(feed(web.browser().get(m.group(1) + "/citing?tag=nlp")))).containsExactly("2401.00110");
    assertThat(web.browser().get("/feeds/" + "A".repeat(43) + "/citing").statusCode()).isEqualTo(404);

    assertThat(member.get("/library").body()).contains("href=\"/subscriptions?kind=citing-library\"", "Alert me when my library is cited");
    assertThat(member.get("/library?tag=nlp").body()).contains("href=\"/subscriptions?kind=citing-tag&amp;target=nlp\"");
    assertThat(member.get("/subscriptions?kind=citing-tag&target=nlp").body())
        .contains("<option value=\"citing-tag\" selected>", "value=\"nlp\"");
  }

  @Test
  void a_visitor_asks_on_the_paper_page_confirms_and_gets_the_alert_once() throws Exception {
    Browser visitor = web.browser();
    String page = visitor.get("/papers/2401.00104").body();
    assertThat(page).contains("data-testid=\"cite-alert-form\"", "name=\"target\" value=\"2401.00104\"",
        "Alert me when this paper is cited", "href=\"/feeds/citing/paper/2401.00104\"");
    HttpResponse<String> asked = visitor.post("/subscriptions", Map.of("kind", "citing-paper", "target", "2401.00104",
        "email", "visitor@example.org", "frequency", "daily"));
    assertThat(asked.statusCode()).isEqualTo(200);
    assertThat(asked.body()).contains("Check your mail");
    assertThat(visitor.post("/subscriptions", Map.of("kind", "citing-paper", "target", "2499.99999", "email", "visitor@example.org"))
        .body()).contains("no paper 2499.99999 in the catalogue");

    root.digests().run().run(true, false, l -> {});
    String confirm = SubscriptionWebTest.link(SubscriptionWebTest.text(mailsTo("visitor@example.org").getLast()), "/subscriptions/confirm/");
    assertThat(visitor.post(confirm, Map.of()).body()).contains("New papers citing 2401.00104");

    // A paper listed today is learnt to cite it; the root's digest run (as serve runs it) mails it once.
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    root.catalogue().write(w -> {
      w.put(Paper.builder(new PaperId("2412.00001")).version(1).title("Diffusion models revisited").abstractText("We revisit.")
          .authors(List.of("Lena Müller")).categories(List.of("cs.CV")).firstListed(today).submitted(today).source("test").build());
      return null;
    });
    cites(root.citations(), "2412.00001", Instant.now().minusSeconds(5).toString(), "2401.00104");
    root.digests().run().run(true, false, l -> {});
    root.digests().run().run(true, false, l -> {});
    List<MimeMessage> alerts = mailsTo("visitor@example.org").stream().filter(x -> !subject(x).startsWith("Confirm")).toList();
    assertThat(alerts).hasSize(1);
    assertThat(subject(alerts.getFirst())).isEqualTo("New papers citing “Diffusion Models for Image Synthesis”: 1 new paper");
    assertThat(SubscriptionWebTest.text(alerts.getFirst())).contains("Diffusion models revisited", "cites Diffusion Models for Image Synthesis");
  }

  @Test
  void the_api_subscribes_lists_and_unsubscribes_citation_alerts() throws Exception {
    Browser b = web.browser().signUp("apiuser");
    String csrf = b.csrf();
    HttpResponse<String> made = b.api("POST", "/api/v1/subscriptions",
        "{\"kind\":\"citing-author\",\"target\":\"#" + smith + " John Smith\",\"email\":\"api@example.org\",\"hour\":8}", Auth.CSRF_HEADER, csrf);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    JsonNode s = Browser.json(made);
    assertThat(s.get("kind").asText()).isEqualTo("citing-author");
    assertThat(s.get("target").asText()).isEqualTo("#" + smith + " John Smith");
    assertThat(s.get("describe").asText()).isEqualTo("New papers citing John Smith (author #" + smith + ")");
    assertThat(s.get("confirmed").asBoolean()).isFalse();
    assertThat(b.api("POST", "/api/v1/subscriptions", "{\"kind\":\"citing-library\"}", Auth.CSRF_HEADER, csrf).statusCode())
        .as("no address given, none on the account").isEqualTo(400);
    assertThat(b.api("POST", "/api/v1/subscriptions", "{\"kind\":\"citing-nothing\",\"email\":\"api@example.org\"}",
        Auth.CSRF_HEADER, csrf).body()).contains("unknown subscription kind");
    assertThat(web.browser().api("GET", "/api/v1/subscriptions", null).statusCode()).isEqualTo(401);

    JsonNode listed = Browser.json(b.get("/api/v1/subscriptions")).get("subscriptions");
    assertThat(listed).hasSize(1);
    long id = listed.get(0).get("id").asLong();
    assertThat(b.api("DELETE", "/api/v1/subscriptions/" + id, null, Auth.CSRF_HEADER, csrf).statusCode()).isEqualTo(204);
    assertThat(Browser.json(b.get("/api/v1/subscriptions")).get("subscriptions")).isEmpty();
    assertThat(b.api("DELETE", "/api/v1/subscriptions/" + id, null, Auth.CSRF_HEADER, csrf).statusCode()).as("idempotent").isEqualTo(204);
    Browser other = web.browser().signUp("intruder");
    assertThat(other.api("DELETE", "/api/v1/subscriptions/" + id, null, Auth.CSRF_HEADER, other.csrf()).statusCode())
        .as("not theirs").isEqualTo(404);
  }

  private static List<MimeMessage> mailsTo(String address) throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      if (m.getAllRecipients()[0].toString().equals(address)) {
        out.add(m);
      }
    }
    return out;
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
