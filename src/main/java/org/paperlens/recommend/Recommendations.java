package org.paperlens.recommend;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer to a {@link RecommendRequest}.
 *
 * @param method how the ranking was made: {@code learned}, {@code centroid}, or {@code related}
 *     (a single liked paper: its related papers)
 * @param from first day of the candidate window, or null when unbounded
 * @param to last day of the window, or null when the papers have no dates
 * @param candidates how many papers the window held (liked and disliked ones excluded)
 * @param emptyReason why there are no recommendations, or null when there are some
 * @param notes what was ignored or left out and why (duplicates, papers both liked and disliked...)
 */
public record Recommendations(List<Recommendation> items, String method, LocalDate from, LocalDate to, int candidates,
    String emptyReason, List<String> notes) {

  public Recommendations {
    items = List.copyOf(items);
    notes = List.copyOf(notes);
  }

  static Recommendations empty(String reason, LocalDate from, LocalDate to, int candidates, List<String> notes) {
    return new Recommendations(List.of(), "none", from, to, candidates, reason, notes);
  }
}
