package org.paperlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperlens.config.MailSettings;
import org.paperlens.digest.DigestPlanner;
import org.paperlens.digest.DigestRun;
import org.paperlens.digest.Links;
import org.paperlens.digest.OutboxStore;
import org.paperlens.digest.SmtpMailer;
import org.paperlens.digest.SubscriptionStore;
import org.paperlens.digest.TrendingRanking;
import org.paperlens.web.http.Auth;

/**
 * A newcomer on the real server: subscribes on the site, confirms from the mail, receives a digest
 * over SMTP (GreenMail), unsubscribes with the mail's one-click POST; follows lists as feeds and
 * exports and imports citations.
 */
class SubscriptionWebTest {

  /** Links in mails and feeds point here; the test maps them back to the server's real address. */
  static final String SITE = "https://papers.example";

  @RegisterExtension
  @Order(1) // the mail server first: the web fixture needs its port
  static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort()).withPerMethodLifecycle(false);

  static DigestRun run;

  @RegisterExtension
  @Order(2)
  static final WebFixture web = new WebFixture(SubscriptionWebTest::mail, root -> {
    // The digest run of this test ranks by recency over the catalogue alone (no index, no community).
    MailSettings mail = mail();
    run = new DigestRun(new DigestPlanner(new SubscriptionStore(root.catalogue()), null, TrendingRanking.BY_RECENCY, null,
        new Links(SITE), root.clock()), new OutboxStore(root.catalogue()), mail, () -> new SmtpMailer(mail), root.clock());
  });

  private static MailSettings mail() {
    return MailSettings.resolve(Map.of(MailSettings.HOST_ENV, "127.0.0.1",
        MailSettings.PORT_ENV, Integer.toString(greenMail.getSmtp().getPort()), MailSettings.BASE_URL_ENV, SITE));
  }

  private static String local(String url) {
    return url.replace(SITE, "");
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

  static String link(String text, String path) {
    Matcher m = Pattern.compile(Pattern.quote(SITE + path) + "[A-Za-z0-9_-]{43}").matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return local(m.group());
  }

  @Test
  void a_newcomer_subscribes_confirms_receives_a_digest_and_unsubscribes_from_the_mail() throws Exception {
    Browser b = web.browser();
    assertThat(b.get("/subscriptions").body()).contains("data-testid=\"subscribe-form\"").doesNotContain("A saved search");
    HttpResponse<String> r = b.post("/subscriptions", Map.of("email", "newcomer@example.org", "kind", "trending",
        "frequency", "daily", "hour", "7", "zone", "Europe/Paris"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("Check your mail", "newcomer@example.org");
    assertThat(b.post("/subscriptions", Map.of("email", "x@example.org", "kind", "category", "target", "cs.CL")).statusCode())
        .as("categories need an account").isEqualTo(400);
    assertThat(b.post("/subscriptions", Map.of("email", "x@example.org", "zone", "Mars/Base")).body()).contains("Mars/Base");

    run.run(true, false, l -> {});
    MimeMessage[] got = mailsTo("newcomer@example.org");
    assertThat(got).hasSize(1);
    String confirm = link(text(got[0]), "/subscriptions/confirm/");
    assertThat(b.get(confirm).body()).as("a GET only shows the button").contains("data-testid=\"notice-button\"");
    run.run(true, false, l -> {});
    assertThat(mailsTo("newcomer@example.org")).as("nothing before confirming").hasSize(1);
    assertThat(b.post(confirm, Map.of()).body()).contains("Subscription confirmed");

    run.run(true, false, l -> {});
    got = mailsTo("newcomer@example.org");
    assertThat(got).hasSize(2);
    String body = text(got[1]);
    assertThat(body).contains("Attention Is Not All You Need for Tabular Data", SITE + "/papers/");
    String unsubscribe = local(got[1].getHeader("List-Unsubscribe", null).replaceAll("[<>]", ""));
    String manage = link(body, "/subscriptions/manage/");
    assertThat(web.browser().get(manage).body()).contains("Trending papers", "data-testid=\"manage-unsubscribe\"");

    // What a mail client does for RFC 8058: a bare POST, no cookies, no CSRF token.
    HttpResponse<String> oneClick = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(web.base + unsubscribe))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(oneClick.statusCode()).isEqualTo(200);
    assertThat(oneClick.body()).contains("Unsubscribed");
    assertThat(web.browser().get(manage).body()).contains("No active subscriptions");
    assertThat(web.browser().postRaw("/subscriptions/confirm/" + "A".repeat(43), Map.of()).statusCode())
        .as("other state changes still need the CSRF token").isEqualTo(403);
    assertThat(web.browser().get("/unsubscribe/nonsense").statusCode()).isEqualTo(200); // the page; the POST checks
    assertThat(web.browser().post("/unsubscribe/nonsense", Map.of()).statusCode()).isEqualTo(404);
  }

  @Test
  void every_list_is_a_valid_feed_with_stable_ids() throws Exception {
    Browser b = web.browser();
    SyndFeed daily = feed(b.get("/daily/feed"));
    assertThat(daily.getFeedType()).isEqualTo("atom_1.0");
    assertThat(daily.getEntries()).extracting(SyndEntry::getTitle).contains("Attention Is Not All You Need for Tabular Data");
    assertThat(daily.getEntries().getFirst().getUri()).startsWith(SITE + "/papers/");
    SyndFeed search = feed(b.get("/search/feed?q=molecular&mode=keyword&format=rss"));
    assertThat(search.getFeedType()).isEqualTo("rss_2.0");
    assertThat(search.getEntries()).extracting(SyndEntry::getUri).contains(SITE + "/papers/2401.00101");
    assertThat(feed(b.get("/search/feed?q=molecular&mode=keyword")).getEntries()).extracting(SyndEntry::getUri)
        .as("same query, same ids").isEqualTo(feed(b.get("/search/feed?q=molecular&mode=keyword")).getEntries()
            .stream().map(SyndEntry::getUri).toList());
    assertThat(b.get("/search/feed").statusCode()).isEqualTo(400);
    assertThat(b.get("/daily/feed?format=pdf").statusCode()).isEqualTo(400);

    Browser member = web.browser().signUp("feedreader");
    member.post("/papers/2401.00101/save", Map.of("tags", "chemistry"));
    member.post("/papers/2401.00101/vote", Map.of());
    assertThat(feed(b.get("/trending/feed")).getEntries()).extracting(SyndEntry::getUri).contains(SITE + "/papers/2401.00101");
    String page = member.post("/account/feed", Map.of()).body();
    Matcher m = Pattern.compile(Pattern.quote(SITE) + "(/feeds/[A-Za-z0-9_-]{43})").matcher(page);
    assertThat(m.find()).as(page).isTrue();
    HttpResponse<String> mine = web.browser().get(m.group(1));
    assertThat(mine.headers().firstValue("Cache-Control").orElse("")).startsWith("private");
    assertThat(feed(mine).getEntries()).extracting(SyndEntry::getUri).containsExactly(SITE + "/papers/2401.00101");
    member.post("/account/feed", Map.of());
    assertThat(web.browser().get(m.group(1)).statusCode()).as("a new link retires the old one").isEqualTo(404);
  }

  @Test
  void a_tag_feed_lists_only_a_tag_its_owner_made_public() throws Exception {
    Browser owner = web.browser().signUp("curator");
    owner.post("/papers/2401.00105/save", Map.of("tags", "reading group, secret"));
    owner.post("/papers/2401.00109/save", Map.of("tags", "secret"));
    Browser other = web.browser().signUp("lurker");
    other.post("/papers/2401.00108/save", Map.of("tags", "reading group"));
    Browser anonymous = web.browser();

    assertThat(anonymous.get("/tags/secret/feed").body()).as("no feed across members' private tags")
        .doesNotContain("2401.00105", "2401.00109");
    assertThat(anonymous.get("/users/curator/tags/secret/feed").statusCode()).as("private by default").isEqualTo(404);
    assertThat(owner.get("/library?tag=secret").body()).contains("data-testid=\"tag-private\"");

    HttpResponse<String> made = owner.post("/library/tags/visibility", Map.of("tag", "reading group", "public", "true"));
    assertThat(made.statusCode()).isEqualTo(303);
    assertThat(owner.get("/library?tag=" + Browser.enc("reading group")).body())
        .contains("data-testid=\"tag-public\"", "/users/curator/tags/reading%20group/feed");
    assertThat(feed(anonymous.get("/users/curator/tags/reading%20group/feed")).getEntries()).extracting(SyndEntry::getUri)
        .as("the owner's papers only, not another member's under the same tag").containsExactly(SITE + "/papers/2401.00105");
    assertThat(anonymous.get("/users/lurker/tags/reading%20group/feed").statusCode()).isEqualTo(404);
    assertThat(anonymous.get("/users/curator/tags/secret/feed").statusCode()).isEqualTo(404);
    assertThat(anonymous.get("/users/nobody/tags/secret/feed").statusCode()).as("same answer for no such member").isEqualTo(404);
    assertThat(other.post("/library/tags/visibility", Map.of("tag", "secret", "public", "true")).statusCode())
        .as("a tag of one's own library only").isEqualTo(303);
    assertThat(anonymous.get("/users/curator/tags/secret/feed").statusCode()).isEqualTo(404);

    HttpResponse<String> api = owner.api("PUT", "/api/v1/tags/" + Browser.enc("reading group").replace("+", "%20"), "{\"public\":false}",
        Auth.CSRF_HEADER, owner.csrf());
    assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
    assertThat(Browser.json(api).get("public").asBoolean()).isFalse();
    assertThat(anonymous.get("/users/curator/tags/reading%20group/feed").statusCode()).isEqualTo(404);
    assertThat(Browser.json(owner.get("/api/v1/library")).get("publicTags")).isEmpty();

    // Any tag survives the trip through the feed's path: slashes, plus signs, non-ASCII.
    owner.post("/papers/2401.00101/save", Map.of("tags", "a/b c+d é"));
    owner.post("/library/tags/visibility", Map.of("tag", "a/b c+d é", "public", "true"));
    String page = owner.get("/library?tag=" + Browser.enc("a/b c+d é")).body();
    Matcher link = Pattern.compile("href=\"(/users/curator/tags/[^\"]+/feed)\"").matcher(page);
    assertThat(link.find()).as(page).isTrue();
    assertThat(feed(anonymous.get(link.group(1))).getEntries()).extracting(SyndEntry::getUri).containsExactly(SITE + "/papers/2401.00101");
  }

  @Test
  void papers_searches_and_libraries_export_and_bibtex_imports_into_the_library() {
    Browser b = web.browser();
    HttpResponse<String> ris = b.get("/papers/2401.00101/export?format=ris");
    assertThat(ris.statusCode()).isEqualTo(200);
    assertThat(ris.headers().firstValue("Content-Disposition").orElse("")).contains("2401.00101.ris");
    assertThat(ris.body()).startsWith("TY  - ").contains("TI  - Graph Neural Networks for Molecular Property Prediction");
    assertThat(b.get("/search/export?q=molecular&mode=keyword&format=csl-json").body()).startsWith("[").contains("\"id\" : \"2401.00101\"");
    assertThat(b.get("/papers/2401.00101/export?format=docx").statusCode()).isEqualTo(400);
    assertThat(b.get("/library/export").statusCode()).as("to the log-in page").isEqualTo(303);

    Browser member = web.browser().signUp("importer");
    HttpResponse<String> imported = member.post("/library/import", Map.of("tags", "thesis", "bibtex", """
        @misc{a, title = {Whatever}, eprint = {2401.00101}, archivePrefix = {arXiv}}
        @article{b, title = {A paper nobody has}}
        """));
    assertThat(imported.statusCode()).isEqualTo(200);
    assertThat(imported.body()).contains("1 matched and saved to your library, 1 not found", "A paper nobody has");
    assertThat(member.get("/library/export?format=bibtex&tag=thesis").body()).contains("eprint = {2401.00101}");
    assertThat(member.post("/library/import", Map.of("bibtex", "@article{x, title = {unclosed")).statusCode()).isEqualTo(400);
  }

  @Test
  void the_form_cannot_flood_one_mailbox_with_confirmations() {
    Browser b = web.browser();
    for (int i = 0; i < 5; i++) {
      assertThat(b.post("/subscriptions", Map.of("email", "victim@example.org")).statusCode()).isEqualTo(200);
    }
    HttpResponse<String> sixth = b.post("/subscriptions", Map.of("email", "victim@example.org"));
    assertThat(sixth.statusCode()).isEqualTo(429);
    assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
  }

  /** What GreenMail received for one address (other tests of this class queue mail too). */
  private static MimeMessage[] mailsTo(String address) throws Exception {
    List<MimeMessage> out = new java.util.ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      if (m.getAllRecipients()[0].toString().equals(address)) {
        out.add(m);
      }
    }
    return out.toArray(new MimeMessage[0]);
  }

  @Test
  void recommendations_and_public_collections_have_feeds_their_pages_link() throws Exception {
    Browser reader = web.browser().signUp("recommendee");
    reader.post("/papers/2401.00101/save", Map.of("tags", "chem"));
    reader.post("/papers/2401.00105/save", Map.of("tags", "chem"));
    String page = reader.get("/recommended?days=3650").body();
    assertThat(page).contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Recommended for you (Atom)\" href=\"/recommended/feed?days=3650\">",
        "href=\"/recommended/feed?days=3650&amp;format=rss\"", "data-testid=\"feed-atom\"");
    HttpResponse<String> mine = reader.get("/recommended/feed?days=3650");
    assertThat(mine.headers().firstValue("Cache-Control").orElse("")).startsWith("private");
    List<String> shown = new java.util.ArrayList<>();
    Browser.json(reader.get("/api/v1/recommendations?days=3650&limit=50")).get("papers").forEach(p -> shown.add(SITE + "/papers/" + p.get("id").asText()));
    assertThat(shown).isNotEmpty();
    SyndFeed recommended = feed(mine);
    assertThat(recommended.getEntries()).extracting(SyndEntry::getUri).as("what the page recommends").containsExactlyInAnyOrderElementsOf(shown);
    assertThat(recommended.getEntries()).extracting(SyndEntry::getPublishedDate).as("newest first, as every feed")
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(feed(reader.get("/recommended/feed?days=3650&format=rss")).getFeedType()).startsWith("rss");
    assertThat(reader.get("/recommended?days=3650&tag=chem").body()).contains("href=\"/recommended/feed?tag=chem&amp;days=3650\"");
    assertThat(web.browser().get("/recommended/feed").statusCode()).as("nobody to recommend for").isEqualTo(401);
    assertThat(reader.get("/recommended/feed?days=0").statusCode()).isEqualTo(400);

    Browser collector = web.browser().signUp("collector");
    collector.post("/papers/2401.00108/save", Map.of("tags", "qubits"));
    collector.post("/papers/2401.00104/save", Map.of("tags", "kept private"));
    collector.post("/library/tags/visibility", Map.of("tag", "qubits", "public", "true"));
    assertThat(web.browser().get("/collections").body())
        .contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Public collections (Atom)\" href=\"/collections/feed\">",
            "href=\"/collections/feed?format=rss\"");
    HttpResponse<String> collections = web.browser().get("/collections/feed");
    assertThat(collections.headers().firstValue("Cache-Control").orElse("")).startsWith("public");
    assertThat(feed(collections).getEntries()).extracting(SyndEntry::getUri).contains(SITE + "/papers/2401.00108")
        .doesNotContain(SITE + "/papers/2401.00104");
  }

  private static SyndFeed feed(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new SyndFeedInput().build(new StringReader(r.body()));
  }

}
