package org.paperlens.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.account.Account;
import org.paperlens.account.AccountStore;
import org.paperlens.account.PasswordHasher;
import org.paperlens.community.CommunityStore;
import org.paperlens.config.MailSettings;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.PaperId;
import org.paperlens.store.Database;
import org.paperlens.testing.Cli;
import org.paperlens.testing.TestDatabase;

/**
 * Issue 21: "a restored copy starts with the production SMTP settings and would mail real
 * subscribers". A copy made by {@code paperlens restore} sends nothing, with the SMTP settings of
 * production in its environment, until the operator runs {@code paperlens mail resume}; then the
 * digest it held back goes out.
 */
class RestoredMailTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

  @TempDir Path tmp;

  @Test
  void a_restored_copy_mails_nobody_until_mail_is_resumed() throws Exception {
    assumeFalse(TestDatabase.onPostgres(), "the restore of a PostgreSQL catalogue is pg_restore's: tested on SQLite");
    Path data = tmp.resolve("data");
    try (CatalogueStore store = TestDatabase.catalogue(data); Database db = Database.open(store.url())) {
      DigestFixture.fill(store);
      Clock clock = Clock.systemUTC();
      AccountStore accounts = new AccountStore(db, new PasswordHasher(1024, 1, 1), clock);
      Account ann = accounts.signUp("ann", "ann's long password");
      Account grace = accounts.signUp("grace", "grace's long password");
      new CommunityStore(db, clock).upvote(ann, new PaperId("2607.00001"));
      Subscriptions subscriptions = new Subscriptions(new SubscriptionStore(store), new Links(MailHarness.BASE), clock);
      Subscriptions.Pending p = subscriptions.subscribe("ann@example.org", Long.toString(ann.id()), new Topic.Trending(),
          Cadence.parse("daily", "7", null, "UTC"));
      subscriptions.confirm(p.confirmToken()).orElseThrow();
      new CommunityStore(db, Clock.offset(clock, Duration.ofSeconds(1))).comments()
          .add(grace, new PaperId("2607.00001"), "The ablation in section 4 answers my question.");
    }
    Path backup = tmp.resolve("backup");
    Path restored = tmp.resolve("restored");
    assertThat(Cli.run("--data", data.toString(), "backup", backup.toString()).code()).isZero();
    Cli.Result restore = Cli.run("--data", restored.toString(), "restore", backup.toString());
    assertThat(restore.code()).as(restore.out() + restore.err()).isZero();
    Map<String, String> production = Map.of(MailSettings.HOST_ENV, "127.0.0.1",
        MailSettings.PORT_ENV, Integer.toString(greenMail.getSmtp().getPort()), MailSettings.BASE_URL_ENV, MailHarness.BASE);

    Cli.Result held = Cli.run(production, "digest", "run", "--now", "--data", restored.toString());
    assertThat(held.code()).as(held.out() + held.err()).isZero();
    assertThat(greenMail.getReceivedMessages()).as("mail sent by a restored copy").isEmpty();

    assertThat(Cli.run("--data", restored.toString(), "mail", "resume").code()).isZero();
    Cli.Result resumed = Cli.run(production, "digest", "run", "--now", "--data", restored.toString());
    assertThat(resumed.code()).as(resumed.out() + resumed.err()).isZero();
    assertThat(greenMail.getReceivedMessages()).isNotEmpty();
    for (var m : greenMail.getReceivedMessages()) {
      assertThat(m.getAllRecipients()[0]).hasToString("ann@example.org");
    }
  }
}
