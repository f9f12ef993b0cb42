package org.paperlens.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Permanent refusals, deferrals with backoff, and a dead server, against a real scripted SMTP server. */
class SmtpFailureTest {

  @TempDir Path tmp;

  @Test
  void a_550_fails_the_message_suppresses_the_address_and_spares_the_others() throws Exception {
    try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(); MailHarness h = new MailHarness(tmp, smtp.port(), false)) {
      smtp.rcptReplies.put("gone@example.org", "550 5.1.1 no such user");
      h.confirmed("gone@example.org", null, new Topic.Trending());
      h.confirmed("here@example.org", null, new Topic.Trending());
      DigestRun.Report r = h.runNow();
      assertThat(r.sent().failed()).as("the confirmation to gone@ failed; its digest was cancelled").isEqualTo(1);
      assertThat(smtp.delivered).containsOnly("here@example.org").hasSize(2);
      assertThat(h.subscriptionStore.suppressedReason("gone@example.org")).get().asString().contains("550");
      assertThat(h.outbox.countsByState()).containsEntry("cancelled", 1L).containsEntry("failed", 1L).containsEntry("sent", 2L);

      DigestFixture.fillDay2(h.store);
      h.advance(Duration.ofMinutes(1));
      h.runNow();
      assertThat(smtp.delivered).as("nothing more is even tried for a suppressed address").containsOnly("here@example.org").hasSize(3);
      assertThatThrownBy(() -> h.subscriptions.subscribe("gone@example.org", null, new Topic.Trending(),
          Cadence.parse("daily", "7", null, "UTC"))).hasMessageContaining("bounced");
    }
  }

  @Test
  void a_451_is_retried_after_a_backoff_and_then_delivered() throws Exception {
    try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(); MailHarness h = new MailHarness(tmp, smtp.port(), false)) {
      smtp.rcptReplies.put("busy@example.org", "451 4.2.1 mailbox busy");
      h.confirmed("busy@example.org", null, new Topic.Trending());
      DigestRun.Report r = h.runNow();
      assertThat(r.sent().deferred()).as("the confirmation and the digest").isEqualTo(2);
      assertThat(smtp.delivered).isEmpty();
      h.advance(Duration.ofSeconds(30));
      assertThat(h.run().sendQueued(l -> {}).sent()).as("not before the backoff").isZero();
      smtp.rcptReplies.remove("busy@example.org");
      h.advance(Duration.ofMinutes(5));
      h.run().sendQueued(l -> {});
      assertThat(smtp.delivered).containsExactly("busy@example.org", "busy@example.org");
      assertThat(OutboxSender.backoff(1)).isEqualTo(Duration.ofMinutes(1));
      assertThat(OutboxSender.backoff(3)).isEqualTo(Duration.ofMinutes(16));
      assertThat(OutboxSender.backoff(9)).isEqualTo(Duration.ofHours(4));
    }
  }

  @Test
  void a_dead_server_costs_one_timeout_per_pass_and_never_the_caller_of_the_scheduler() throws Exception {
    try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(); MailHarness h = new MailHarness(tmp, smtp.port(), false)) {
      smtp.silent = true;
      for (int i = 0; i < 5; i++) {
        h.confirmed("r" + i + "@example.org", null, new Topic.Trending());
      }
      try (DigestScheduler scheduler = new DigestScheduler(h.run(), l -> {})) {
        scheduler.nudge(); // what a web request does after a subscribe
        smtp.awaitAccepted(1);
        // nudge has returned while its pass still waits on the silent server: it ran elsewhere.
        // Had nudge sent in the caller's thread, the client would have timed out and closed by now.
        assertThat(smtp.open()).isEqualTo(1);
      }
      int before = smtp.accepted();
      DigestRun.Report r = h.runNow();
      assertThat(r.sent().serverUnreachable()).isTrue();
      assertThat(r.sent().deferred()).isEqualTo(1);
      assertThat(smtp.accepted() - before).as("one attempt to reach the dead server per pass, not one per recipient").isEqualTo(1);
      assertThat(h.outbox.countsByState()).containsEntry("pending", 10L);
    }
  }
}
