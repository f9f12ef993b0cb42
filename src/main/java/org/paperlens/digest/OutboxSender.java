package org.paperlens.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sends what the outbox holds, one message at a time: claim (state {@code sending}, committed),
 * SMTP conversation, then {@code sent} (committed).
 *
 * <p>Why a killed run resumes exactly once: a message is planned, with its Message-ID, before any
 * sending starts, so a rerun finds every recipient either {@code pending} (not attempted: sent now),
 * {@code sent} (left alone) or {@code sending}. The last is the one window no outbox can close: the
 * process died during the SMTP conversation, and SMTP cannot be asked afterwards whether the server
 * accepted the final "." of DATA. Such a message is sent again with the same Message-ID, which
 * receiving systems use to drop a duplicate. The window is the time from the server's 250 reply to
 * the commit of {@code sent}: well under a millisecond on a local database, against the whole run.
 *
 * <p>Failures: a 5xx reply fails the message and suppresses the address (no more mail to it); a 4xx
 * reply retries with exponential backoff (1, 4, 16, 64 minutes, then 4 hours) and gives up after
 * {@value #MAX_ATTEMPTS} attempts; an unreachable server defers the message and ends this pass, so
 * a dead server costs one timeout per pass, not one per recipient. Runs on whatever thread calls it
 * (the scheduler's own thread in {@code serve}), never on a request thread.
 */
public final class OutboxSender {

  static final int MAX_ATTEMPTS = 6;

  /** What one pass did. */
  public record Report(int sent, int deferred, int failed, int cancelled, boolean serverUnreachable) {}

  private final OutboxStore outbox;
  private final Supplier<Mailer> mailers;
  private final Clock clock;
  private final Duration pause;
  private final Duration lease;
  private final Consumer<String> log;

  /**
   * @param lease how long a claimed message is left to the process that claimed it: longer than
   *     one SMTP conversation can take, so two processes never send the same message
   */
  public OutboxSender(OutboxStore outbox, Supplier<Mailer> mailers, Clock clock, Duration pause, Duration lease,
      Consumer<String> log) {
    this.outbox = outbox;
    this.lease = lease;
    this.mailers = mailers;
    this.clock = clock;
    this.pause = pause;
    this.log = log;
  }

  public Report sendDue() {
    int sent = 0;
    int deferred = 0;
    int failed = 0;
    int cancelled = 0;
    try (Mailer mailer = mailers.get()) {
      while (true) {
        List<OutboxMessage> batch = outbox.due(clock.instant(), 200);
        if (batch.isEmpty()) {
          return new Report(sent, deferred, failed, cancelled, false);
        }
        for (OutboxMessage m : batch) {
          Instant claimedAt = clock.instant();
          // The claim itself skips a message no longer pending; only then ask why, for the count.
          if (!outbox.claim(m.id(), claimedAt, claimedAt.plus(lease))) {
            if (!outbox.stillWanted(m)) {
              cancelled++;
            }
            continue; // cancelled, or another process is sending it
          }
          int attempt = m.attempts() + 1;
          try {
            mailer.send(m);
            outbox.markSent(m.id(), clock.instant());
            sent++;
            log.accept("sent " + sent + ": " + m.kind() + " to " + m.email());
          } catch (MailFailure f) {
            Instant now = clock.instant();
            switch (f.kind()) {
              case PERMANENT -> {
                outbox.markFailed(m.id(), m.email(), f.getMessage(), true, now);
                failed++;
                log.accept("failed for good: " + f.getMessage() + " (address suppressed)");
              }
              case DEFERRED, UNREACHABLE -> {
                if (attempt >= MAX_ATTEMPTS) {
                  outbox.markFailed(m.id(), m.email(), f.getMessage(), false, now);
                  failed++;
                  log.accept("gave up after " + attempt + " attempts: " + f.getMessage());
                } else {
                  outbox.markRetry(m.id(), now.plus(backoff(attempt)), f.getMessage());
                  deferred++;
                  log.accept("will retry in " + backoff(attempt).toMinutes() + " min: " + f.getMessage());
                }
                if (f.kind() == MailFailure.Kind.UNREACHABLE) {
                  return new Report(sent, deferred, failed, cancelled, true);
                }
              }
            }
          }
          pause();
        }
      }
    }
  }

  /** 1, 4, 16, 64 minutes, then 4 hours. */
  static Duration backoff(int attempt) {
    return Duration.ofMinutes(Math.min(240, (long) Math.pow(4, Math.max(0, attempt - 1))));
  }

  private void pause() {
    if (pause.isZero()) {
      return;
    }
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending", e);
    }
  }
}
