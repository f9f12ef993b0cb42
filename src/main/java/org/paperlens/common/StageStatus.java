package org.paperlens.common;

import java.time.Instant;
import java.util.Optional;

/**
 * How one background stage is doing, for the status API, health checks and metrics: whether it is
 * failing now, and its last fault (kept after it recovered, so an operator sees what happened).
 *
 * @param stage the stage's name: watch, harvest, embed, index, enrich, digest
 * @param failing true while its last attempt failed and it is waiting to try again
 * @param lastFault the last run of failures, ongoing or over; empty when it never failed
 */
public record StageStatus(String stage, boolean failing, Optional<Fault> lastFault) {

  /**
   * A run of consecutive failures of one stage.
   *
   * @param problem what failed, from the last failure (exception type and message)
   * @param since the first failure of the run
   * @param lastFailure the latest failure
   * @param failures consecutive failures so far
   * @param nextRetry when the stage tries again; empty once it recovered
   * @param recovered when the stage next succeeded; empty while it is still failing
   */
  public record Fault(String problem, Instant since, Instant lastFailure, int failures, Optional<Instant> nextRetry,
      Optional<Instant> recovered) {}

  /** One line, e.g. "index failing since 2026-12-06T23:40:01Z (3 failures; next retry ...): ...". */
  public String describe() {
    if (!failing || lastFault.isEmpty()) {
      return stage + " ok";
    }
    Fault f = lastFault.get();
    return stage + " failing since " + f.since() + " (" + f.failures() + (f.failures() == 1 ? " failure" : " failures")
        + f.nextRetry().map(t -> "; next retry " + t).orElse("") + "): " + f.problem();
  }
}
