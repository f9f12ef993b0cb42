package org.paperlens.digest;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.paperlens.config.MailSettings;

/**
 * One run of the schedule: plan what is due, then send what the outbox holds (this run's digests,
 * confirmations, and retries whose time has come). Without a mail server configured, or in a dry
 * run, only planning happens.
 */
public final class DigestRun {

  /** What a run did; {@code sent} is null when nothing was sent (dry run or no server). */
  public record Report(DigestPlanner.Report planned, OutboxSender.Report sent) {}

  private final DigestPlanner planner;
  private final OutboxStore outbox;
  private final MailSettings settings;
  private final Supplier<Mailer> mailers;
  private final Clock clock;

  public DigestRun(DigestPlanner planner, OutboxStore outbox, MailSettings settings, Supplier<Mailer> mailers, Clock clock) {
    this.planner = planner;
    this.outbox = outbox;
    this.settings = settings;
    this.mailers = mailers;
    this.clock = clock;
  }

  public Report run(boolean now, boolean dryRun, Consumer<String> log) {
    DigestPlanner.Report planned = planner.plan(now, dryRun);
    if (dryRun || !settings.canSend()) {
      return new Report(planned, null);
    }
    return new Report(planned, new OutboxSender(outbox, mailers, clock, settings.pause(), lease(), log).sendDue());
  }

  /** Sends what is queued without planning (the scheduler calls this right after a subscribe). */
  public OutboxSender.Report sendQueued(Consumer<String> log) {
    return new OutboxSender(outbox, mailers, clock, settings.pause(), lease(), log).sendDue();
  }

  /**
   * Three SMTP timeouts: a conversation that has not ended by then has failed, and its message may
   * go to the next process that runs (only then can one recipient get a message twice).
   */
  private Duration lease() {
    return settings.timeout().multipliedBy(3);
  }
}
