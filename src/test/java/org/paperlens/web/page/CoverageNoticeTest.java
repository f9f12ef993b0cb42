package org.paperlens.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.paperlens.index.IndexCoverage;
import org.paperlens.live.EmbedProgress;
import org.paperlens.live.PipelineStatus;
import org.paperlens.search.SearchMode;

/** The search page's notice while the server is still embedding: which days, how many, and when all. */
class CoverageNoticeTest {

  private static PipelineStatus status(int indexed, int withVector, EmbedProgress embedding) {
    return new PipelineStatus(new IndexCoverage(1, indexed, withVector), 1, embedding, null, null);
  }

  @Test
  void the_notice_names_the_listing_days_meaning_search_covers_and_when_the_rest_will_be_done() {
    EmbedProgress progress = new EmbedProgress(74_728, 12_345, 40.0, "2026-05-12", "2026-07-03");
    assertThat(Listings.coverageNotice(status(74_728, 12_345, progress), new SearchMode.Semantic()))
        .isEqualTo("Meaning search covers papers listed 2026-05-12 to 2026-07-03, 12,345 of 74,728 papers; all in about 26 min.");
  }

  @Test
  void before_anything_is_embedded_the_notice_says_so_and_the_counts_are_the_catalogues() {
    PipelineStatus st = status(74_728, 0, new EmbedProgress(74_728, 0, 0, null, null));
    assertThat(Listings.coverageNotice(st, new SearchMode.Semantic())).isEqualTo("Meaning search covers 0 of 74,728 papers; the rest are being embedded.");
    assertThat(st.toEmbed()).isEqualTo(74_728);
    assertThat(st.describe()).contains("0 of 74,728 papers embedded (0.0%)");
  }

  @Test
  void keyword_search_and_full_coverage_need_no_notice() {
    EmbedProgress done = new EmbedProgress(10, 10, 0, "2026-01-01", "2026-01-02");
    assertThat(Listings.coverageNotice(status(10, 10, done), new SearchMode.Semantic())).isNull();
    assertThat(Listings.coverageNotice(status(10, 5, done), new SearchMode.Keyword())).isNull();
  }
}
