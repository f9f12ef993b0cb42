package org.paperlens.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Subscribing, confirming, receiving and unsubscribing, over real SMTP into GreenMail. */
class SubscriptionMailTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

  @TempDir Path tmp;

  private MailHarness harness(boolean index) {
    return new MailHarness(tmp, greenMail.getSmtp().getPort(), index);
  }

  @Test
  void an_address_confirms_receives_a_multipart_digest_and_unsubscribes_in_one_click() throws Exception {
    try (MailHarness h = harness(false)) {
      h.subscriptions.subscribe("Alice@Example.org", null, new Topic.Trending(), Cadence.parse("daily", "7", null, "Europe/Paris"));
      h.runNow();
      MimeMessage[] got = greenMail.getReceivedMessages();
      assertThat(got).as("only the confirmation before the address confirms").hasSize(1);
      assertThat(got[0].getSubject()).startsWith("Confirm your subscription");
      assertThat(got[0].getAllRecipients()[0].toString()).isEqualTo("alice@example.org");
      String confirmToken = MailHarness.token(MailHarness.text(got[0]), "/subscriptions/confirm/");
      assertThat(h.subscriptions.confirm(confirmToken)).get().extracting(Subscription::active).isEqualTo(true);

      h.advance(Duration.ofMinutes(1));
      DigestRun.Report r = h.runNow();
      assertThat(r.planned().planned()).isEqualTo(1);
      got = greenMail.getReceivedMessages();
      assertThat(got).hasSize(2);
      MimeMessage digest = got[1];
      assertThat(digest.getSubject()).isEqualTo("Trending papers: 6 new papers");
      assertThat(((MimeMultipart) digest.getContent()).getContentType()).startsWith("multipart/alternative");
      String text = MailHarness.text(digest);
      String html = MailHarness.html(digest);
      assertThat(text).contains("Sparse attention for long documents", MailHarness.BASE + "/papers/2607.00001");
      assertThat(html).contains("Tokenizers &lt;b&gt;and&lt;/b&gt; their discontents").doesNotContain("<b>and</b>");
      assertThat(html).contains("&lt;in detail&gt; &amp; more");
      String listUnsubscribe = digest.getHeader("List-Unsubscribe", null);
      assertThat(listUnsubscribe).matches("<" + Pattern.quote(MailHarness.BASE) + "/unsubscribe/[A-Za-z0-9_-]{43}>");
      assertThat(digest.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
      assertThat(text).contains("/subscriptions/manage/");
      String unsubscribeToken = MailHarness.token(listUnsubscribe, "/unsubscribe/");

      h.advance(Duration.ofMinutes(1));
      h.runNow();
      assertThat(greenMail.getReceivedMessages()).as("nothing new: the digest is skipped").hasSize(2);

      DigestFixture.fillDay2(h.store);
      h.advance(Duration.ofMinutes(1));
      h.runNow();
      got = greenMail.getReceivedMessages();
      assertThat(got).hasSize(3);
      assertThat(got[2].getSubject()).isEqualTo("Trending papers: 3 new papers");
      assertThat(MailHarness.text(got[2])).contains("Sparse attention revisited").doesNotContain("Sparse attention for long documents");

      assertThat(h.subscriptions.unsubscribe(unsubscribeToken)).get().extracting(Subscription::active).isEqualTo(false);
      DigestFixture.put(h.store, List.of(DigestFixture.paper("2607.00201", DigestFixture.DAY2.plusDays(1), "After the end", "cs.CL", "X Y")));
      h.advance(Duration.ofMinutes(1));
      h.runNow();
      assertThat(greenMail.getReceivedMessages()).as("unsubscribed: nothing more").hasSize(3);
    }
  }

  @Test
  void a_member_reads_new_comments_on_their_papers_once_in_the_digest_of_their_oldest_subscription() throws Exception {
    try (MailHarness h = harness(true)) {
      java.util.Map<java.time.Instant, CommentNotices.Notice> said = new java.util.concurrent.ConcurrentSkipListMap<>();
      said.put(h.now.plusSeconds(60), new CommentNotices.Notice(new org.paperlens.paper.PaperId("2607.00001"), "A paper Ann saved",
          "grace", "Table 2 does not add up <b>at all</b>", 7));
      h.notices = (account, since) -> account.equals("u-ann")
          ? said.entrySet().stream().filter(e -> e.getKey().isAfter(since)).map(java.util.Map.Entry::getValue).toList()
          : List.of();
      h.confirmed("ann@example.org", "u-ann", new Topic.Category("cs.CL"));
      h.confirmed("ann@example.org", "u-ann", new Topic.Trending());
      h.confirmed("bob@example.org", "u-bob", new Topic.Category("cs.CL"));
      h.advance(Duration.ofMinutes(2));
      h.runNow();
      List<String> withComment = new ArrayList<>();
      for (MimeMessage m : greenMail.getReceivedMessages()) {
        if (MailHarness.text(m).contains("Table 2 does not add up")) {
          withComment.add(m.getAllRecipients()[0] + " " + m.getSubject());
          assertThat(MailHarness.text(m)).contains("grace on A paper Ann saved", "/papers/2607.00001#comment-7");
          assertThat(MailHarness.html(m)).contains("&lt;b&gt;at all&lt;/b&gt;");
        }
      }
      assertThat(withComment).containsExactly("ann@example.org New in cs.CL: 3 new papers, 1 new comment");

      // The next day nothing new is listed: the comment is not told again, and no digest is sent.
      int before = greenMail.getReceivedMessages().length;
      h.advance(Duration.ofDays(1));
      h.runNow();
      assertThat(greenMail.getReceivedMessages()).hasSize(before);

      // A new comment with no new papers: a digest of the comment alone.
      said.put(h.now.plusSeconds(60), new CommentNotices.Notice(new org.paperlens.paper.PaperId("2607.00001"), "A paper Ann saved",
          "grace", "Fixed in v2, thanks", 8));
      h.advance(Duration.ofDays(1));
      h.runNow();
      assertThat(greenMail.getReceivedMessages()).hasSize(before + 1);
      List<String> fixed = new ArrayList<>();
      for (MimeMessage m : greenMail.getReceivedMessages()) { // not in the order received
        if (MailHarness.text(m).contains("Fixed in v2, thanks")) {
          fixed.add(m.getSubject());
          assertThat(MailHarness.text(m)).doesNotContain("Table 2");
        }
      }
      assertThat(fixed).containsExactly("1 new comment on papers you follow");
    }
  }

  @Test
  void one_address_never_gets_the_same_paper_twice_across_its_subscriptions() throws Exception {
    try (MailHarness h = harness(true)) {
      h.confirmed("bob@example.org", "u-bob", new Topic.Category("cs.CL"));
      h.confirmed("bob@example.org", "u-bob", new Topic.SavedSearch("attention"));
      h.confirmed("bob@example.org", "u-bob", new Topic.Author("Scholkopf"));
      h.runNow();
      List<String> ids = new ArrayList<>();
      List<String> subjects = new ArrayList<>();
      for (MimeMessage m : greenMail.getReceivedMessages()) {
        if (m.getSubject().startsWith("Confirm")) {
          continue;
        }
        subjects.add(m.getSubject());
        Matcher x = Pattern.compile("/papers/(\\d{4}\\.\\d{5})").matcher(MailHarness.text(m));
        while (x.find()) {
          ids.add(x.group(1));
        }
      }
      assertThat(new HashSet<>(ids)).as("no duplicates").hasSameSizeAs(ids);
      assertThat(Set.copyOf(ids)).containsExactlyInAnyOrder("2607.00001", "2607.00004", "2607.00006", "2607.00003");
      // The search digest finds only attention papers the category digest already carried: skipped as empty.
      assertThat(subjects).containsExactlyInAnyOrder("New in cs.CL: 3 new papers", "New papers by Scholkopf: 1 new paper");
    }
  }

  @Test
  void topics_other_than_trending_need_an_account_and_addresses_must_be_addresses() {
    try (MailHarness h = harness(false)) {
      Cadence daily = Cadence.parse("daily", "7", null, "UTC");
      assertThatThrownBy(() -> h.subscriptions.subscribe("a@example.org", null, new Topic.Category("cs.CL"), daily))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sign in");
      assertThatThrownBy(() -> h.subscriptions.subscribe("not an address", null, new Topic.Trending(), daily))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an e-mail address");
      assertThatThrownBy(() -> h.subscriptions.subscribe("Eve <eve@example.org>", null, new Topic.Trending(), daily))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(h.subscriptions.confirm("x".repeat(43))).isEmpty();
      assertThat(h.subscriptions.unsubscribe("../../etc/passwd")).isEmpty();
    }
  }
}
