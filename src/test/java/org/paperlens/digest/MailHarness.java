package org.paperlens.digest;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperlens.citation.store.CitationStore;
import org.paperlens.config.MailSettings;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.lucene.LuceneIndex;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.testing.TestDatabase;

/** The digest machinery over a temporary catalogue, sending to an SMTP server on localhost:port. */
final class MailHarness implements AutoCloseable {

  static final String BASE = "https://papers.example.org";

  final CatalogueStore store;
  final SubscriptionStore subscriptionStore;
  final Subscriptions subscriptions;
  final OutboxStore outbox;
  final MailSettings settings;
  final LuceneIndex index;
  Instant now = Instant.parse("2026-07-03T06:00:00Z");
  final Clock clock = new Clock() {
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  };

  MailHarness(Path data, int smtpPort, boolean withIndex) {
    store = TestDatabase.catalogue(data);
    DigestFixture.fill(store);
    if (withIndex) {
      DigestFixture.index(store, data.resolve("index"));
      index = LuceneIndex.open(data.resolve("index"), IndexSettings.DEFAULT);
    } else {
      index = null;
    }
    subscriptionStore = new SubscriptionStore(store);
    settings = MailSettings.resolve(Map.of(MailSettings.HOST_ENV, "127.0.0.1", MailSettings.PORT_ENV,
        Integer.toString(smtpPort), MailSettings.BASE_URL_ENV, BASE, MailSettings.TIMEOUT_ENV, "2",
        MailSettings.FROM_ENV, "paperlens <digest@papers.example.org>"));
    subscriptions = new Subscriptions(subscriptionStore, new Links(BASE), clock);
    outbox = new OutboxStore(store);
    citations = new CitationStore(store.database());
  }

  /** What members said about subscribers' papers; none unless a test says so. */
  CommentNotices notices = CommentNotices.NONE;

  /** The citation store on the catalogue's database, for citation alerts. */
  final CitationStore citations;

  /** What citation alerts are made of; none unless a test says so. */
  CitationAlerts alerts;

  /** How trending digests are ranked; newest first unless a test says otherwise. */
  TrendingRanking trending = TrendingRanking.BY_RECENCY;

  DigestRun run() {
    DigestPlanner planner = new DigestPlanner(subscriptionStore, index, trending, null, new Links(BASE), clock,
        notices, alerts);
    return new DigestRun(planner, outbox, settings, () -> new SmtpMailer(settings), clock);
  }

  DigestRun.Report runNow() {
    return run().run(true, false, line -> {});
  }

  void advance(Duration d) {
    now = now.plus(d);
  }

  /** Subscribes and confirms through the token the confirmation mail would carry. */
  Subscription confirmed(String email, String user, Topic topic) {
    Subscriptions.Pending p = subscriptions.subscribe(email, user, topic, Cadence.parse("daily", "7", null, "UTC"));
    return subscriptions.confirm(p.confirmToken()).orElseThrow();
  }

  static String text(MimeMessage m) throws Exception {
    return part(m, "text/plain");
  }

  static String html(MimeMessage m) throws Exception {
    return part(m, "text/html");
  }

  private static String part(MimeMessage m, String type) throws Exception {
    MimeMultipart mp = (MimeMultipart) m.getContent();
    for (int i = 0; i < mp.getCount(); i++) {
      BodyPart p = mp.getBodyPart(i);
      if (p.isMimeType(type)) {
        return (String) p.getContent();
      }
    }
    throw new AssertionError("no " + type + " part");
  }

  /** The token at the end of the first link to {@code path} in the text. */
  static String token(String text, String path) {
    Matcher m = Pattern.compile(Pattern.quote(BASE + path) + "([A-Za-z0-9_-]{43})").matcher(text);
    if (!m.find()) {
      throw new AssertionError("no " + path + " link in:\n" + text);
    }
    return m.group(1);
  }

  @Override
  public void close() {
    if (index != null) {
      index.close();
    }
    store.close();
  }
}
