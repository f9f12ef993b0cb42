package org.paperlens.ingest;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.paperlens.paper.Paper;

/**
 * How a record from a source is merged into what the catalogue already holds. The ingest
 * semantics of paperlens live here.
 *
 * <p>Each record has a revision key: (version, date of that version). A record with a key at
 * least as new as the stored one wins field by field wherever it has a value; an older record
 * (a stale mirror, an earlier version's file) only fills fields the catalogue lacks. Dates are
 * merged by meaning: the first submission and first listing are the earliest seen, the latest
 * update is the latest seen. Fields absent from a record never erase stored values.
 *
 * <p>The merge is idempotent ({@code merge(merge(s, r), r) == merge(s, r)}), which is what makes
 * re-importing a file a no-op and a killed import safe to run again from the start.
 */
public final class Revisions {

  /** What merging one record did to the catalogue. */
  public enum Change { NEW, UPDATED, UNCHANGED }

  public record Merged(Paper paper, Change change) {}

  private static final Comparator<Paper> BY_REVISION = Comparator
      .comparingInt(Paper::version)
      .thenComparing(Revisions::revisionDate, Comparator.nullsFirst(Comparator.naturalOrder()));

  private Revisions() {}

  public static Merged merge(Paper stored, Paper incoming) {
    if (stored == null) {
      return new Merged(incoming, Change.NEW);
    }
    boolean incomingWins = BY_REVISION.compare(incoming, stored) >= 0;
    Paper first = incomingWins ? incoming : stored;
    Paper second = incomingWins ? stored : incoming;
    Paper merged = Paper.builder(stored.id())
        .version(Math.max(stored.version(), incoming.version()))
        .title(pick(first.title(), second.title()))
        .abstractText(pick(first.abstractText(), second.abstractText()))
        .authors(pick(first.authors(), second.authors()))
        .primaryCategory(pick(first.primaryCategory(), second.primaryCategory()))
        .categories(pick(first.categories(), second.categories()))
        .classes(pick(first.classes(), second.classes()))
        .submitted(earliest(stored.submitted(), incoming.submitted()))
        .updated(latest(stored.updated(), incoming.updated()))
        .firstListed(earliest(stored.firstListed(), incoming.firstListed()))
        .comment(pick(first.comment(), second.comment()))
        .journalRef(pick(first.journalRef(), second.journalRef()))
        .doi(pick(first.doi(), second.doi()))
        .absUrl(pick(first.absUrl(), second.absUrl()))
        .pdfUrl(pick(first.pdfUrl(), second.pdfUrl()))
        .source(first.source())
        .build();
    return new Merged(merged, merged.equals(stored) ? Change.UNCHANGED : Change.UPDATED);
  }

  private static LocalDate revisionDate(Paper p) {
    return p.updated() != null ? p.updated() : p.submitted();
  }

  private static <T> T pick(T preferred, T fallback) {
    return preferred != null ? preferred : fallback;
  }

  private static <T> List<T> pick(List<T> preferred, List<T> fallback) {
    return preferred.isEmpty() ? fallback : preferred;
  }

  private static LocalDate earliest(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  private static LocalDate latest(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }
}
