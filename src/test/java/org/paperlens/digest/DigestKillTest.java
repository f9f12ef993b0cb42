package org.paperlens.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.config.MailSettings;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.testing.ChildProcess;
import org.paperlens.testing.TestDatabase;

/**
 * {@code paperlens digest run} in a real child JVM, killed with SIGKILL in the middle of sending,
 * then run again: every recipient gets its confirmation and its digest exactly once.
 */
@org.junit.jupiter.api.Tag("slow") // bin/test -Pfast leaves it out (README, "Test it")
class DigestKillTest {

  /** Read over a connection of its own, as a reader beside the child (WAL allows it on SQLite). */
  private record OutboxStateCount(Path data) {
    long pending() {
      try (CatalogueStore store = TestDatabase.catalogue(data)) {
        Map<String, Long> counts = new OutboxStore(store).countsByState();
        return counts.getOrDefault("pending", 0L) + counts.getOrDefault("sending", 0L);
      }
    }
  }

  private static final int RECIPIENTS = 16;
  private static final int KILL_AFTER = 21; // all 16 confirmations and 5 digests

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

  @TempDir Path tmp;

  @Test
  void a_run_killed_while_sending_and_run_again_mails_every_recipient_exactly_once() throws Exception {
    Path data = tmp.resolve("data");
    try (CatalogueStore store = TestDatabase.catalogue(data)) {
      DigestFixture.fill(store);
      Subscriptions subs = new Subscriptions(new SubscriptionStore(store), new Links(MailHarness.BASE), Clock.systemUTC());
      for (int i = 0; i < RECIPIENTS; i++) {
        Subscriptions.Pending p = subs.subscribe("reader" + i + "@example.org", null, new Topic.Trending(),
            Cadence.parse("daily", "7", null, "UTC"));
        subs.confirm(p.confirmToken()).orElseThrow();
      }
    }
    Map<String, String> env = new HashMap<>(Map.of(MailSettings.HOST_ENV, "127.0.0.1",
        MailSettings.PORT_ENV, Integer.toString(greenMail.getSmtp().getPort()), MailSettings.BASE_URL_ENV, MailHarness.BASE,
        // A pause after each committed send, so the kill lands between messages (see OutboxSender on the
        // one window this cannot cover: the instant between the server's 250 and our commit).
        MailSettings.PAUSE_ENV, "300"));
    Path log = tmp.resolve("killed.log");
    Process p = ChildProcess.start(log, env, "digest", "run", "--now", "--data", data.toString());
    String marker = "sent " + KILL_AFTER + ":";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (p.isAlive() && !(Files.exists(log) && Files.readString(log).contains(marker))) {
      if (System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new AssertionError("the child never got to " + marker + "\n" + Files.readString(log));
      }
      Thread.sleep(5);
    }
    p.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, no cleanup
    int before = greenMail.getReceivedMessages().length;
    assertThat(before).as(Files.readString(log)).isGreaterThanOrEqualTo(KILL_AFTER).isLessThan(2 * RECIPIENTS);
    assertThat(new OutboxStateCount(data).pending()).as("recipients left to mail after the kill").isPositive();

    env.put(MailSettings.PAUSE_ENV, "0");
    Path log2 = tmp.resolve("rerun.log");
    Process rerun = ChildProcess.start(log2, env, "digest", "run", "--now", "--data", data.toString());
    assertThat(rerun.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(rerun.exitValue()).as(Files.readString(log2)).isZero();
    assertThat(Files.readString(log2)).as("the rerun plans nothing new: every digest was planned before the kill")
        .contains("planned 0 digests");

    Map<String, List<String>> byRecipient = new HashMap<>();
    List<String> messageIds = new ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      byRecipient.computeIfAbsent(m.getAllRecipients()[0].toString(), k -> new ArrayList<>())
          .add(m.getSubject().startsWith("Confirm") ? "confirm" : "digest");
      messageIds.add(m.getMessageID());
    }
    assertThat(byRecipient).hasSize(RECIPIENTS);
    byRecipient.forEach((who, got) -> assertThat(got).as(who).containsExactlyInAnyOrder("confirm", "digest"));
    assertThat(new HashSet<>(messageIds)).hasSize(2 * RECIPIENTS);
  }
}
