package org.paperlens.recommend;

import java.time.LocalDate;
import java.util.List;
import org.paperlens.index.Filters;
import org.paperlens.paper.PaperId;

/**
 * What to recommend from.
 *
 * @param liked the positive papers (a library or one of its tags); duplicates are ignored
 * @param disliked optional negative papers
 * @param sinceDays candidates are the papers of the last {@code sinceDays} days up to {@code until}
 *     (both ends included); null for no lower limit
 * @param until last day of the window; null for the newest paper date in the index, so a historic
 *     catalogue still has a "last N days"
 * @param filters further restrictions on the candidates (categories, author); its dates must be
 *     unset, the window sets them
 * @param k how many recommendations at most
 */
public record RecommendRequest(List<PaperId> liked, List<PaperId> disliked, Integer sinceDays, LocalDate until,
    Filters filters, int k, Method method) {

  public RecommendRequest {
    liked = List.copyOf(liked);
    disliked = disliked == null ? List.of() : List.copyOf(disliked);
    filters = filters == null ? Filters.NONE : filters;
    method = method == null ? Method.DEFAULT : method;
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, was " + k);
    }
    if (sinceDays != null && sinceDays < 1) {
      throw new IllegalArgumentException("the window must be at least 1 day, was " + sinceDays);
    }
    if (filters.from() != null || filters.to() != null) {
      throw new IllegalArgumentException("set the candidate window with sinceDays and until, not with date filters");
    }
  }

  /** The last {@code sinceDays} days of listings up to the newest, default method and filters. */
  public static RecommendRequest of(List<PaperId> liked, List<PaperId> disliked, Integer sinceDays, int k) {
    return new RecommendRequest(liked, disliked, sinceDays, null, Filters.NONE, k, Method.DEFAULT);
  }

  public RecommendRequest withMethod(Method m) {
    return new RecommendRequest(liked, disliked, sinceDays, until, filters, k, m);
  }
}
