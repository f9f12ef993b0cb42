package org.paperlens.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.paperlens.paper.PaperId;

/**
 * Orders a list by a {@link SortOrder} with the counts that order needs, looked up once for the
 * whole list: citation counts, or members' upvotes. The one place a search, a feed or the command
 * line gets its order from, so the same sort never differs between callers.
 */
public final class Sorting {

  /** Knows no counts: a sort by votes or citations keeps the order given. */
  public static final Sorting NONE = new Sorting(CitationCounts.NONE, VoteCounts.NONE);

  private final CitationCounts citations;
  private final VoteCounts votes;

  public Sorting(CitationCounts citations, VoteCounts votes) {
    this.citations = citations;
    this.votes = votes;
  }

  /**
   * {@code items} (in relevance or the list's own order) in {@code order}; {@code date} gives an
   * item's date (first listed, else submitted) and is read only for {@link SortOrder#DATE}.
   */
  public <T> List<T> sort(SortOrder order, List<T> items, Function<T, PaperId> id, Function<T, LocalDate> date) {
    return switch (order) {
      case RELEVANCE -> List.copyOf(items);
      case DATE -> order.order(items, id, date, Map.of());
      case VOTES -> order.order(items, id, t -> null, votes.of(items.stream().map(id).toList()));
      case CITATIONS -> order.order(items, id, t -> null, citations.of(items.stream().map(id).toList()));
    };
  }

  /** A number that grows whenever {@code order} may order the same items otherwise: what a cache of sorted lists keys on. */
  public long generation(SortOrder order) {
    return switch (order) {
      case VOTES -> votes.generation();
      case CITATIONS -> citations.generation();
      case RELEVANCE, DATE -> 0;
    };
  }

  /** The upvotes of those of {@code papers} that have any: what a list sorted by votes shows. */
  public Map<PaperId, Integer> votes(java.util.Collection<PaperId> papers) {
    return papers.isEmpty() ? Map.of() : votes.of(papers);
  }
}
