package org.paperlens.digest;

import static org.assertj.core.api.Assertions.assertThat;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.config.MailSettings;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.lucene.LuceneIndex;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.testing.TestDatabase;

/**
 * Digests never plan past what the search index covers. The case that lost papers: a day-2 paper
 * imported but not yet indexed, a digest run (its saved search cannot see the paper, and the
 * cursor moved past day 2), then the index catches up: the paper must still be mailed, once.
 */
class DigestWatermarkTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

  @TempDir Path tmp;

  private Instant now = Instant.parse("2026-07-03T06:00:00Z");
  private final Clock clock = new Clock() {
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  };

  @Test
  void a_paper_indexed_after_its_days_digest_ran_is_still_mailed_exactly_once() throws Exception {
    MailSettings mail = MailSettings.resolve(Map.of(MailSettings.HOST_ENV, "127.0.0.1", MailSettings.PORT_ENV,
        Integer.toString(greenMail.getSmtp().getPort()), MailSettings.BASE_URL_ENV, MailHarness.BASE, MailSettings.TIMEOUT_ENV, "2"));
    try (CatalogueStore store = TestDatabase.catalogue(tmp)) {
      DigestFixture.fill(store);
      DigestFixture.index(store, tmp.resolve("index"));
      SubscriptionStore subscriptionStore = new SubscriptionStore(store);
      Subscriptions subscriptions = new Subscriptions(subscriptionStore, new Links(MailHarness.BASE), clock);
      Subscriptions.Pending p = subscriptions.subscribe("reader@example.org", "u1", new Topic.SavedSearch("sparse attention"),
          Cadence.parse("daily", "7", null, "UTC"));
      subscriptions.confirm(p.confirmToken()).orElseThrow();

      runDigests(store, subscriptionStore, mail);
      assertThat(subjectsAndBodies()).as("day 1: the matching paper").anyMatch(b -> b.contains("Sparse attention for long documents"));
      int afterDay1 = greenMail.getReceivedMessages().length;

      // Day 2 arrives in the catalogue, but the index has not caught up yet.
      DigestFixture.fillDay2(store);
      now = now.plus(Duration.ofDays(1));
      runDigests(store, subscriptionStore, mail);
      assertThat(greenMail.getReceivedMessages()).as("nothing the index cannot see is planned").hasSize(afterDay1);

      // The index catches up; the next digest carries the paper it could not see before.
      DigestFixture.index(store, tmp.resolve("index"));
      now = now.plus(Duration.ofDays(1));
      runDigests(store, subscriptionStore, mail);
      now = now.plus(Duration.ofDays(1));
      runDigests(store, subscriptionStore, mail);
      List<String> bodies = subjectsAndBodies();
      assertThat(bodies.stream().filter(b -> b.contains("Sparse attention revisited")).count())
          .as("the late paper is mailed exactly once").isEqualTo(1);
      assertThat(bodies.stream().filter(b -> b.contains("Sparse attention for long documents")).count())
          .as("and the day-1 paper is not mailed again").isEqualTo(1);
    }
  }

  private void runDigests(CatalogueStore store, SubscriptionStore subscriptions, MailSettings mail) {
    try (LuceneIndex index = LuceneIndex.open(tmp.resolve("index"), IndexSettings.DEFAULT)) {
      DigestPlanner planner = new DigestPlanner(subscriptions, index, TrendingRanking.BY_RECENCY, null, new Links(MailHarness.BASE), clock);
      new DigestRun(planner, new OutboxStore(store), mail, () -> new SmtpMailer(mail), clock).run(true, false, line -> {});
    }
  }

  private List<String> subjectsAndBodies() {
    return Arrays.stream(greenMail.getReceivedMessages()).map(m -> {
      try {
        return m.getSubject().startsWith("Confirm") ? "" : MailHarness.text(m);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }
}
