package org.paperlens.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.paperlens.paper.PaperId;

/**
 * How a list of papers is ordered: by relevance to the query (a search's default), newest first,
 * most upvoted first, or most cited first. Search sorts by date, votes or citations among its
 * {@link Searcher#SORT_DEPTH} most relevant hits; lists (an author's papers, a collection) sort all
 * of their papers. {@link Sorting} looks up the counts an order needs.
 */
public enum SortOrder {
  RELEVANCE, DATE, VOTES, CITATIONS;

  /** The name used in URLs, the API and on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code relevance}, {@code date}, {@code votes} or {@code citations}. */
  public static SortOrder parse(String name) {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "relevance" -> RELEVANCE;
      case "date", "newest" -> DATE;
      case "votes", "upvotes" -> VOTES;
      case "citations", "cited" -> CITATIONS;
      default -> throw new IllegalArgumentException("unknown sort '" + name + "'; use relevance, date, votes or citations");
    };
  }

  /**
   * {@code items} (in their own order: relevance, or the list's) re-ordered by this sort: newest
   * first, most upvoted first (a paper left out of {@code counts} has no votes), or most cited first
   * with {@code counts} (a paper left out has no known count); an unknown date or citation count
   * sorts last, and ties keep the order given (so relevance breaks them). {@link #RELEVANCE} keeps
   * the order given.
   */
  public <T> List<T> order(List<T> items, Function<T, PaperId> id, Function<T, LocalDate> date, Map<PaperId, Integer> counts) {
    List<T> out = new ArrayList<>(items);
    switch (this) {
      case RELEVANCE -> {}
      // List.sort is stable: equal keys keep their places.
      case DATE -> out.sort(Comparator.comparing(date, Comparator.nullsLast(Comparator.reverseOrder())));
      case VOTES -> out.sort(Comparator.comparing((T t) -> counts.getOrDefault(id.apply(t), 0), Comparator.reverseOrder()));
      case CITATIONS -> out.sort(Comparator.comparing((T t) -> counts.get(id.apply(t)), Comparator.nullsLast(Comparator.reverseOrder())));
    }
    return out;
  }
}
