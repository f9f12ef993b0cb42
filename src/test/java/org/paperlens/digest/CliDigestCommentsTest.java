package org.paperlens.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.account.Account;
import org.paperlens.account.AccountStore;
import org.paperlens.account.PasswordHasher;
import org.paperlens.community.Comment;
import org.paperlens.community.CommunityStore;
import org.paperlens.config.MailSettings;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.PaperId;
import org.paperlens.store.Database;
import org.paperlens.testing.Cli;
import org.paperlens.testing.TestDatabase;

/**
 * {@code paperlens digest run} (the command line, in this JVM) tells a member about new comments on
 * the papers they follow, as the digests {@code serve} sends do: both take their planner from the
 * one application root. (The command once planned without comment notices.)
 */
class CliDigestCommentsTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

  @TempDir Path tmp;

  @Test
  void a_digest_sent_from_the_command_line_lists_a_new_comment_on_a_paper_the_member_upvoted() throws Exception {
    Path data = tmp.resolve("data");
    PaperId paper = new PaperId("2607.00001");
    long commentId;
    try (CatalogueStore store = TestDatabase.catalogue(data); Database db = Database.open(store.url())) {
      DigestFixture.fill(store);
      Clock clock = Clock.systemUTC();
      AccountStore accounts = new AccountStore(db, new PasswordHasher(1024, 1, 1), clock);
      Account ann = accounts.signUp("ann", "ann's long password");
      Account grace = accounts.signUp("grace", "grace's long password");
      new CommunityStore(db, clock).upvote(ann, paper);
      Subscriptions subscriptions = new Subscriptions(new SubscriptionStore(store), new Links(MailHarness.BASE), clock);
      Subscriptions.Pending p = subscriptions.subscribe("ann@example.org", Long.toString(ann.id()), new Topic.Trending(),
          Cadence.parse("daily", "7", null, "UTC"));
      subscriptions.confirm(p.confirmToken()).orElseThrow();
      // A second later than the confirmation, so the comment is new to the subscription.
      Comment said = new CommunityStore(db, Clock.offset(clock, Duration.ofSeconds(1))).comments()
          .add(grace, paper, "The ablation in section 4 answers my question.");
      commentId = said.id();
    }
    Map<String, String> env = Map.of(MailSettings.HOST_ENV, "127.0.0.1",
        MailSettings.PORT_ENV, Integer.toString(greenMail.getSmtp().getPort()), MailSettings.BASE_URL_ENV, MailHarness.BASE);

    Cli.Result run = Cli.run(env, "digest", "run", "--now", "--data", data.toString());

    assertThat(run.code()).as(run.out() + run.err()).isZero();
    MimeMessage digest = Arrays.stream(greenMail.getReceivedMessages())
        .filter(m -> subject(m).contains("comment")).findFirst()
        .orElseThrow(() -> new AssertionError("no digest with a comment among " + Arrays.stream(greenMail.getReceivedMessages())
            .map(CliDigestCommentsTest::subject).toList() + "\n" + run.out()));
    assertThat(digest.getAllRecipients()[0]).hasToString("ann@example.org");
    assertThat(subject(digest)).contains("1 new comment");
    assertThat(MailHarness.text(digest)).contains("grace on Sparse attention for long documents",
        "/papers/2607.00001#comment-" + commentId);
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
