package org.paperlens.live;

import java.time.Instant;
import java.util.Optional;
import org.paperlens.citation.SourceName;
import org.paperlens.citation.store.EnrichmentQueue;

/**
 * Where enrichment from one source stands, for {@code /api/v1/status} and the log.
 *
 * @param unreachableSince when the source started failing, empty while it answers
 * @param lastProblem the last failure or unusable answer, one line; empty when none
 * @param queue the queue as stored (every process's work)
 * @param queued papers this process queued since it started
 * @param enriched papers this process stored an answer for since it started
 * @param unknown papers the source did not know, since start
 * @param failed unusable answers, since start
 */
public record EnrichmentStatus(SourceName source, Optional<Instant> unreachableSince, String lastProblem,
    EnrichmentQueue queue, long queued, long enriched, long unknown, long failed) {

  /** One phrase, e.g. "OpenAlex: 12 due, 70,000 found, 3 unknown" or "… unreachable since …". */
  public String describe() {
    return source.displayName() + ": " + String.format("%,d due (%,d never asked), %,d found, %,d unknown, %,d bad",
        queue.due(), queue.pending(), queue.found(), queue.unknown(), queue.bad())
        + unreachableSince.map(s -> ", unreachable since " + s).orElse("");
  }
}
