package org.paperlens.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.paperlens.citation.CitationSource;
import org.paperlens.citation.Doi;
import org.paperlens.citation.Lookup;
import org.paperlens.citation.RefreshCadence;
import org.paperlens.citation.WorkKey;
import org.paperlens.citation.match.ReferenceMatcher;
import org.paperlens.citation.match.StoredCatalogue;
import org.paperlens.citation.store.CitationStore;
import org.paperlens.citation.store.Outcome;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/**
 * The pipeline's fourth stage: citation data for the catalogue's papers from the configured
 * sources. Each step
 *
 * <ol>
 *   <li>follows the catalogue: papers changed past each checkpoint are queued for each source
 *       (new ones go before every refresh) and tied to the edges already stored under their arXiv
 *       id or DOI ({@link CitationStore#linkCatalogue}); the checkpoints move only after;
 *   <li>asks each source for its next due batch: papers never read get everything, the others a
 *       refresh (references are read once); each answer is stored with its next due time from the
 *       {@link RefreshCadence}; references without a catalogue id are matched by title and year.
 * </ol>
 *
 * <p>Crash safety: the queue and the checkpoints live in the database, every paper's answer is
 * stored in one transaction ({@link CitationStore#record}, idempotent), so a step cut short by a
 * kill is done again with the same end state. A source that is down costs one failed batch per
 * cool-down and leaves its papers due; nothing else waits on it. Run by the pipeline's enrich
 * thread only; {@link #status} may be read from any thread.
 */
final class EnrichStage {

  static final String QUEUED = "enrich:queued:";
  static final String LINKED = "enrich:linked";
  /** Catalogue changes read at a time. */
  static final int PAGE = 1_000;
  /** A paper a source answered for badly is asked again after this long. */
  static final Duration AFTER_BAD = Duration.ofDays(1);

  private final CitationStore citations;
  private final CatalogueStore catalogue;
  private final List<SourceHealth> sources = new ArrayList<>();
  private final RefreshCadence cadence;
  private final Clock clock;
  private final Consumer<String> log;
  private final StoredCatalogue titles;
  private final ReferenceMatching matching;
  private final Object signal = new Object();

  EnrichStage(CitationStore citations, CatalogueStore catalogue, List<CitationSource> sources, RefreshCadence cadence,
      Clock clock, Consumer<String> log) {
    this.citations = citations;
    this.catalogue = catalogue;
    sources.forEach(s -> this.sources.add(new SourceHealth(s, log)));
    this.cadence = cadence;
    this.clock = clock;
    this.log = log;
    this.titles = new StoredCatalogue(catalogue);
    this.matching = new ReferenceMatching(new ReferenceMatcher(titles), catalogue);
  }

  /** One step; when it found nothing to do, waits up to {@code idle} (or until {@link #wake}). */
  void step(Duration idle) throws InterruptedException {
    boolean busy = followCatalogue();
    for (SourceHealth s : sources) {
      busy |= enrich(s);
    }
    if (!busy) {
      synchronized (signal) {
        signal.wait(Math.max(1, idle.toMillis()));
      }
    }
  }

  /** Papers came in: look at the catalogue now. */
  void wake() {
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  List<SourceHealth> sources() {
    return List.copyOf(sources);
  }

  List<EnrichmentStatus> status() {
    Instant now = clock.instant();
    return sources.stream().map(s -> s.status(citations.queue(s.source().name(), now))).toList();
  }

  /** Queues and links the papers changed since the checkpoints; true when there were any. */
  boolean followCatalogue() {
    long upTo = catalogue.sequence();
    long linked = checkpoint(LINKED);
    Map<SourceHealth, Long> queued = new LinkedHashMap<>();
    long from = linked;
    for (SourceHealth s : sources) {
      long q = checkpoint(QUEUED + s.source().name());
      queued.put(s, q);
      from = Math.min(from, q);
    }
    if (from >= upTo) {
      return false;
    }
    Instant now = clock.instant();
    PaperId after = null;
    while (true) {
      List<PaperId> ids = catalogue.changedPapers(from, upTo, after, PAGE);
      List<Paper> papers = catalogue.findAll(ids);
      List<PaperId> askable = new ArrayList<>();
      for (Paper p : papers) {
        titles.add(p);
        if (linked < upTo) {
          citations.linkCatalogue(p.id(), Optional.ofNullable(p.doi()).flatMap(Doi::parse), now);
        }
        if (key(p).isPresent()) {
          askable.add(p.id());
        }
      }
      queued.forEach((s, q) -> {
        if (q < upTo && !askable.isEmpty()) {
          citations.enqueue(askable, s.source().name(), now);
          s.queued(askable.size());
        }
      });
      if (ids.size() < PAGE) {
        break;
      }
      after = ids.getLast();
    }
    citations.checkpoint(LINKED, Long.toString(upTo));
    queued.keySet().forEach(s -> citations.checkpoint(QUEUED + s.source().name(), Long.toString(upTo)));
    return true;
  }

  /** Asks one source for its next due batch; true when it got answers (more may be due). */
  boolean enrich(SourceHealth health) {
    CitationSource source = health.source();
    Instant now = clock.instant();
    List<PaperId> due = citations.due(source.name(), now, source.batchSize());
    if (due.isEmpty()) {
      return false;
    }
    Map<PaperId, Paper> papers = new HashMap<>();
    catalogue.findAll(due).forEach(p -> papers.put(p.id(), p));
    List<Paper> first = new ArrayList<>();
    List<Paper> refresh = new ArrayList<>();
    for (PaperId id : due) {
      Paper p = papers.get(id);
      if (p == null || key(p).isEmpty()) {
        // Gone from the catalogue, or nothing to ask by: not asked again for a long while.
        citations.attempted(id, source.name(), Outcome.UNKNOWN, now, now.plus(Duration.ofDays(365)));
      } else if (citations.referencesRead(id, source.name())) {
        refresh.add(p);
      } else {
        first.add(p);
      }
    }
    boolean answered = ask(health, first, CitationSource.Reading.EVERYTHING, now);
    return ask(health, refresh, CitationSource.Reading.REFRESH, now) || answered;
  }

  private boolean ask(SourceHealth health, List<Paper> papers, CitationSource.Reading reading, Instant now) {
    if (papers.isEmpty()) {
      return false;
    }
    CitationSource source = health.source();
    List<WorkKey> keys = papers.stream().map(p -> key(p).orElseThrow()).toList();
    List<Lookup> answers = source.lookup(keys, reading);
    boolean answered = false;
    int found = 0;
    for (int i = 0; i < papers.size(); i++) {
      Paper p = papers.get(i);
      Instant next = cadence.next(published(p, now), now);
      switch (answers.get(i)) {
        case Lookup.Found f -> {
          citations.record(p.id(), matching.resolve(f.work()), now, next);
          health.enriched();
          answered = true;
          found++;
        }
        case Lookup.UnknownId u -> {
          // Sources list a new arXiv paper some days after it appears: ask again on the cadence.
          citations.attempted(p.id(), source.name(), Outcome.UNKNOWN, now, next);
          health.unknown();
          answered = true;
        }
        case Lookup.BadResponse b -> {
          citations.attempted(p.id(), source.name(), Outcome.BAD, now, now.plus(AFTER_BAD));
          health.failed(b.reason());
          answered = true;
        }
        case Lookup.SourceUnavailable down -> health.down(down.since(), down.reason());
      }
    }
    if (answered) {
      health.up();
      log.accept(String.format("%s: %d papers asked (%s), %d found", source.name().displayName(), papers.size(),
          reading == CitationSource.Reading.EVERYTHING ? "first reading" : "refresh", found));
    }
    return answered;
  }

  /** How a paper is asked for: by arXiv id, else by DOI; empty when it has neither. */
  static Optional<WorkKey> key(Paper p) {
    if (p.id().isArxiv()) {
      return Optional.of(new WorkKey.ByArxiv(p.id()));
    }
    return Optional.ofNullable(p.doi()).flatMap(Doi::parse).map(WorkKey.ByDoi::new);
  }

  private static LocalDate published(Paper p, Instant now) {
    return Optional.ofNullable(p.submitted()).or(() -> Optional.ofNullable(p.firstListed()))
        .orElse(LocalDate.ofInstant(now, ZoneOffset.UTC));
  }

  private long checkpoint(String name) {
    return citations.checkpoint(name).map(Long::parseLong).orElse(0L);
  }
}
