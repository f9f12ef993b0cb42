package org.paperlens.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.paperlens.citation.CitationSource;
import org.paperlens.citation.store.EnrichmentQueue;

/**
 * One source as the enrichment stage sees it: whether it is reachable, since when not, and what
 * this process got from it. An outage is logged once when it starts and once when it ends, however
 * many batches fail meanwhile. Written by the enrich thread, read by status requests.
 */
final class SourceHealth {

  private final CitationSource source;
  private final Consumer<String> log;
  private final AtomicLong queued = new AtomicLong();
  private final AtomicLong enriched = new AtomicLong();
  private final AtomicLong unknown = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile Instant downSince;
  private volatile String problem = "";

  SourceHealth(CitationSource source, Consumer<String> log) {
    this.source = source;
    this.log = log;
  }

  CitationSource source() {
    return source;
  }

  void queued(int n) {
    queued.addAndGet(n);
  }

  void enriched() {
    enriched.incrementAndGet();
  }

  void unknown() {
    unknown.incrementAndGet();
  }

  void failed(String reason) {
    if (failed.getAndIncrement() == 0 || !reason.equals(problem)) {
      log.accept(source.name().displayName() + " gave an answer that cannot be used (asked again in a day): " + reason);
    }
    problem = reason;
  }

  void down(Instant since, String reason) {
    problem = reason;
    if (downSince == null) {
      downSince = since;
      log.accept(source.name().displayName() + " unreachable since " + since + " (" + reason
          + "); ingest, search and pages go on without it, and its papers stay queued");
    }
  }

  void up() {
    Instant since = downSince;
    if (since != null) {
      downSince = null;
      log.accept(source.name().displayName() + " reachable again after " + Duration.between(since, Instant.now()).toMinutes()
          + " min (unreachable since " + since + ")");
    }
  }

  EnrichmentStatus status(EnrichmentQueue queue) {
    return new EnrichmentStatus(source.name(), Optional.ofNullable(downSince), problem, queue, queued.get(), enriched.get(),
        unknown.get(), failed.get());
  }
}
