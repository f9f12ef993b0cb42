package org.paperlens.citation.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paperlens.citation.Doi;
import org.paperlens.citation.RefreshCadence;
import org.paperlens.citation.Work;
import org.paperlens.citation.store.CitationStore;
import org.paperlens.common.Progress;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.PaperId;

/**
 * Backfills citation data from an OpenAlex snapshot's {@code works} partitions, without any
 * request: each work that is a catalogue paper (by arXiv id, else by DOI) is stored as the API's
 * answer would be ({@link CitationStore#record}, so the same tables, idempotently, and the paper is
 * due for its next refresh on the {@link RefreshCadence}). Works outside the catalogue are skipped:
 * their citations of catalogue papers come from the API's citer lists, and a catalogue paper's
 * references are kept by OpenAlex id, which ties them to the cited catalogue paper once that one
 * is stored too (the order of the lines does not matter).
 *
 * <p>The catalogue's arXiv ids and DOIs are held in memory (a few tens of bytes a paper), so the
 * hundreds of millions of works of a full snapshot cost no query each. Not thread-safe.
 */
public final class OpenAlexSnapshotImport {

  /**
   * @param stored works stored for a catalogue paper
   * @param elsewhere works read that are not catalogue papers
   */
  public record Report(OpenAlexSnapshotReader.Report read, long stored, long elsewhere) {}

  private final CitationStore citations;
  private final CatalogueStore catalogue;
  private final RefreshCadence cadence;
  private final Clock clock;

  public OpenAlexSnapshotImport(CitationStore citations, CatalogueStore catalogue, RefreshCadence cadence, Clock clock) {
    this.citations = citations;
    this.catalogue = catalogue;
    this.cadence = cadence;
    this.clock = clock;
  }

  /**
   * Reads every path (a {@code .gz} file or a folder of them) in turn.
   *
   * @throws IOException when a path names no snapshot file or folder (checked for all before any is read)
   */
  public Report run(List<Path> paths, Progress progress) throws IOException {
    long total = 0;
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      for (Path f : OpenAlexSnapshotReader.files(p)) {
        files.add(f);
        total += Files.size(f);
      }
    }
    Map<String, PaperId> byId = new HashMap<>();
    Map<PaperId, LocalDate> published = new HashMap<>();
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    catalogue.forEachLive(p -> {
      if (p.id().isArxiv()) {
        byId.put("arxiv:" + p.id().value(), p.id());
      }
      Optional.ofNullable(p.doi()).flatMap(Doi::parse).ifPresent(d -> byId.putIfAbsent("doi:" + d.value(), p.id()));
      published.put(p.id(), Optional.ofNullable(p.submitted()).or(() -> Optional.ofNullable(p.firstListed())).orElse(today));
    });
    OpenAlexSnapshotReader reader = new OpenAlexSnapshotReader(16 << 20, today);
    long[] stored = {0};
    long[] elsewhere = {0};
    long[] before = {0};
    long works = 0;
    long bad = 0;
    List<OpenAlexSnapshotReader.BadLine> firstBad = new ArrayList<>();
    progress.begin("OpenAlex snapshot", total, "bytes");
    try {
      for (Path f : files) {
        long offset = before[0];
        OpenAlexSnapshotReader.Report r = reader.read(f, w -> {
          Optional<PaperId> paper = paperOf(w, byId);
          if (paper.isEmpty()) {
            elsewhere[0]++;
            return;
          }
          citations.record(paper.get(), w, now, cadence.next(published.get(paper.get()), now));
          stored[0]++;
        }, n -> progress.advanceTo(offset + n, String.format("%,d stored, %,d elsewhere", stored[0], elsewhere[0])));
        before[0] += Files.size(f);
        works += r.works();
        bad += r.badLines();
        r.firstBadLines().stream().limit(Math.max(0, 100 - firstBad.size())).forEach(firstBad::add);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      progress.end();
    }
    return new Report(new OpenAlexSnapshotReader.Report(files.size(), works, bad, firstBad), stored[0], elsewhere[0]);
  }

  private static Optional<PaperId> paperOf(Work w, Map<String, PaperId> byId) {
    Optional<PaperId> byArxiv = w.ids().arxiv().map(a -> byId.get("arxiv:" + a.value()));
    return byArxiv.isPresent() ? byArxiv : w.ids().doi().map(d -> byId.get("doi:" + d.value()));
  }
}
