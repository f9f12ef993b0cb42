package org.paperlens.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperlens.index.Filters;
import org.paperlens.index.HitCount;
import org.paperlens.search.SearchMode;
import org.paperlens.search.SearchRequest;
import org.paperlens.search.SearchResult;
import org.paperlens.search.SortOrder;

/** What the search page says a sort by date or citations covered. */
class SortNoteTest {

  private static SearchResult result(SortOrder sort, int total, int sortedAmong) {
    return new SearchResult(new SearchRequest("graphs", SearchMode.KEYWORD, Filters.NONE, 0, 20, sort), List.of(), true, 1,
        HitCount.exactly(total), sortedAmong);
  }

  @Test
  void a_sort_of_part_of_a_large_result_says_how_much_it_ordered() {
    assertThat(SearchView.sortNote(result(SortOrder.CITATIONS, 17_869, 1_000))).isEqualTo("Most cited first among the 1,000 most"
        + " relevant of 17,869 results; papers with no known citation count come last; ties keep their relevance order.");
    assertThat(SearchView.sortNote(result(SortOrder.DATE, 17_869, 1_000)))
        .isEqualTo("Newest first among the 1,000 most relevant of 17,869 results; ties keep their relevance order.");
  }

  @Test
  void a_sort_of_a_result_counted_past_the_bound_says_so() {
    SearchResult r = new SearchResult(new SearchRequest("graphs", SearchMode.KEYWORD, Filters.NONE, 0, 20, SortOrder.DATE), List.of(),
        true, 1, HitCount.atLeast(1_000), 1_000);
    assertThat(SearchView.sortNote(r))
        .isEqualTo("Newest first among the 1,000 most relevant of 1,000+ results; ties keep their relevance order.");
  }

  @Test
  void a_sort_of_the_whole_result_says_only_the_order_and_relevance_says_nothing() {
    assertThat(SearchView.sortNote(result(SortOrder.DATE, 12, 12))).isEqualTo("Newest first; ties keep their relevance order.");
    assertThat(SearchView.sortNote(result(SortOrder.RELEVANCE, 17_869, 0))).isNull();
  }
}
