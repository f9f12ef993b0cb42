package org.paperlens.web.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.paperlens.search.SortOrder;

/**
 * A link to the same list in another order ({@code ?sort=}), as pages show them without
 * JavaScript; {@code current} marks the order shown, {@code key} is its URL value.
 */
public record SortLink(String key, String label, String url, boolean current) {

  /** The orders of a list's own, newest first, and most cited, with a list's labels. */
  static final Map<SortOrder, String> LIST = labels("Recently added", "Newest", "Most cited");

  /** The orders of a search: a list's, and most upvoted by the site's members. */
  static final Map<SortOrder, String> SEARCH = withVotes(labels("Relevance", "Newest", "Most cited"), "Most upvoted");

  /**
   * One link per order in {@code labels}, in their order; {@code url} gives the first page of the
   * list in that order (relevance: without a {@code sort} parameter).
   */
  static List<SortLink> of(SortOrder current, Map<SortOrder, String> labels, Function<SortOrder, String> url) {
    List<SortLink> out = new ArrayList<>();
    labels.forEach((order, label) -> out.add(new SortLink(order.label(), label, url.apply(order), order == current)));
    return out;
  }

  /** The {@code sort} query parameter of an order: none for the default. */
  static String param(SortOrder order) {
    return order == SortOrder.RELEVANCE ? null : order.label();
  }

  /** {@code labels} with votes before citations. */
  private static Map<SortOrder, String> withVotes(Map<SortOrder, String> labels, String votes) {
    Map<SortOrder, String> m = new LinkedHashMap<>();
    labels.forEach((order, label) -> {
      if (order == SortOrder.CITATIONS) {
        m.put(SortOrder.VOTES, votes);
      }
      m.put(order, label);
    });
    return m;
  }

  private static Map<SortOrder, String> labels(String relevance, String date, String citations) {
    Map<SortOrder, String> m = new LinkedHashMap<>();
    if (relevance != null) {
      m.put(SortOrder.RELEVANCE, relevance);
    }
    m.put(SortOrder.DATE, date);
    m.put(SortOrder.CITATIONS, citations);
    return m;
  }
}
