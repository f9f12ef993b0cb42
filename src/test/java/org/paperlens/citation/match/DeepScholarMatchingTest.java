package org.paperlens.citation.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperlens.citation.match.MatchingFigures.Outcome;
import org.paperlens.testing.SharedData;

/**
 * The matching measurement: exact figures on the project's own fixture in DeepScholar's format,
 * and on the real data, floors a little under what {@code bench/citation-matching} measured
 * (docs/relevance.md, "Reference matching (DeepScholar)") so a regression fails here.
 */
class DeepScholarMatchingTest {

  private static Path resource(String name) throws Exception {
    return Path.of(DeepScholarMatchingTest.class.getResource("/citation/deepscholar/" + name).toURI());
  }

  @Test
  void the_fixture_gives_exactly_the_figures_worked_out_by_hand() throws Exception {
    List<DeepScholarMatching.Row> rows = DeepScholarMatching.read(resource("recovered_citations.csv"));
    assertThat(rows).hasSize(9);
    assertThat(rows.get(0).bib().authors()).contains("Example, Ada and\nSample, Bo"); // a quoted field over two lines
    MatchingFigures f = DeepScholarMatching.measure(rows, MapCatalogue.ofListings(resource("listings.jsonl")));

    assertThat(f.citingPapers()).isEqualTo(1);
    assertThat(f.references()).isEqualTo(8); // the reference of the citing paper outside the catalogue is left out
    assertThat(f.withLink()).isEqualTo(6);
    assertThat(f.withLinkInCatalogue()).isEqualTo(4);
    assertThat(f.identification()).isEqualTo(new Outcome(2, 0, 1));
    assertThat(f.resolution()).isEqualTo(new Outcome(2, 1, 0));
    assertThat(f.viaArxivId()).isEqualTo(1);
    assertThat(f.viaDoi()).isZero();
    assertThat(f.viaTitleYear()).isEqualTo(2);
    assertThat(f.missedInCatalogue()).hasSize(2);
    assertThat(f.missedInCatalogue().get(0)).isEqualTo("\"A Survey of Things We Made Up\" (BibTeX year 2021), arXiv 2504.00003: not linked (no match)");
    assertThat(f.toMarkdown("cmd", "today", 7)).contains("| catalogue resolution | 3 | 2 | 1 | 0 | 0.6667 | 0.3333 (2/6) | 0.5000 (2/4) |");
  }

  @Test
  void years_written_as_floats_read_as_years() {
    assertThat(DeepScholarMatching.year("2023.0")).contains(2023);
    assertThat(DeepScholarMatching.year("  ")).isEmpty();
    assertThat(DeepScholarMatching.year("n.d.")).isEmpty();
  }

  @Test
  void on_the_real_reference_lists_matching_stays_at_its_measured_level() throws Exception {
    Path deepscholar = SharedData.require("citations-deepscholar/recovered_citations.csv");
    MapCatalogue catalogue = MapCatalogue.ofListings(SharedData.listings());
    MatchingFigures f = DeepScholarMatching.measure(DeepScholarMatching.read(deepscholar), catalogue);

    // The data as the shared README describes it.
    assertThat(catalogue.size()).isEqualTo(74_728);
    assertThat(f.citingPapers()).isEqualTo(27);
    assertThat(f.references()).isEqualTo(631);
    assertThat(f.withLink()).isEqualTo(435);
    assertThat(f.withLinkInCatalogue()).isEqualTo(3);
    // Measured 2026-12-06: resolution 2 correct, 0 wrong (recall 2/3 of what is in the catalogue);
    // ids from BibTeX 98 correct, 0 wrong, 17 with no link to check (recall 98/435 = 0.2253).
    assertThat(f.resolution().correct()).isGreaterThanOrEqualTo(2);
    assertThat(f.resolution().precision()).isGreaterThanOrEqualTo(0.95);
    assertThat(f.recall(f.resolution(), f.withLinkInCatalogue())).isGreaterThanOrEqualTo(0.66);
    assertThat(f.identification().precision()).isGreaterThanOrEqualTo(0.98);
    assertThat(f.recall(f.identification(), f.withLink())).isGreaterThanOrEqualTo(0.22);
  }
}
