package org.paperlens.citation.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.paperlens.citation.Doi;
import org.paperlens.citation.ExternalIds;
import org.paperlens.citation.LinkedWork;
import org.paperlens.citation.match.Resolution.Reason;
import org.paperlens.citation.match.Resolution.Resolved;
import org.paperlens.citation.match.Resolution.Unresolved;
import org.paperlens.citation.match.Resolution.Via;
import org.paperlens.paper.PaperId;

class ReferenceMatcherTest {

  private static final PaperId MOE = new PaperId("2503.00001");
  private static final PaperId GNN = new PaperId("2503.00002");
  private static final PaperId JOURNAL = PaperId.of("doi", "10.1234/journal.5678");

  private final ReferenceMatcher matcher = new ReferenceMatcher(catalogue());

  private static MapCatalogue catalogue() {
    MapCatalogue c = new MapCatalogue();
    c.add(MOE, Optional.empty(), "Sparse Mixtures of Experts for Tiny Devices", Optional.of(2025));
    c.add(GNN, Optional.empty(), "Graph Neural Networks Are Not Enough", Optional.of(2025));
    c.add(JOURNAL, Optional.of(new Doi("10.1234/journal.5678")), "Invented Results in a Journal", Optional.of(2021));
    c.add(new PaperId("2504.00004"), Optional.empty(), "Learning to Rank with Little Data", Optional.of(2025));
    c.add(new PaperId("2505.00005"), Optional.empty(), "Learning to Rank with Little Data", Optional.of(2025));
    return c;
  }

  private static LinkedWork ref(ExternalIds ids, String title, Integer year) {
    return new LinkedWork(ids, Optional.ofNullable(title), Optional.ofNullable(year));
  }

  @Test
  void an_arxiv_id_decides_and_one_the_catalogue_lacks_is_not_matched_by_title() {
    assertThat(matcher.resolve(ref(ExternalIds.NONE.withArxiv(Optional.of(MOE)), null, null))).isEqualTo(new Resolved(MOE, Via.ARXIV_ID));
    assertThat(matcher.resolve(ref(ExternalIds.NONE.withArxiv(Optional.of(new PaperId("2401.99999"))),
        "Graph Neural Networks Are Not Enough", 2025))).isEqualTo(new Unresolved(Reason.ARXIV_ID_NOT_IN_CATALOGUE));
  }

  @Test
  void a_doi_matches_and_an_unknown_doi_falls_back_to_the_title() {
    assertThat(matcher.resolve(ref(ExternalIds.NONE.withDoi(Optional.of(new Doi("10.1234/journal.5678"))), "Something Else Entirely", 1990)))
        .isEqualTo(new Resolved(JOURNAL, Via.DOI));
    assertThat(matcher.resolve(ref(ExternalIds.NONE.withDoi(Optional.of(new Doi("10.9999/proceedings.1"))), "Graph neural networks are NOT enough!", 2026)))
        .isEqualTo(new Resolved(GNN, Via.TITLE_YEAR));
  }

  @Test
  void a_title_matches_within_a_year_and_only_when_unique() {
    assertThat(matcher.resolve(ref(ExternalIds.NONE, "Sparse mixtures of experts for tiny devices", 2024))).isEqualTo(new Resolved(MOE, Via.TITLE_YEAR));
    assertThat(matcher.resolve(ref(ExternalIds.NONE, "Sparse mixtures of experts for tiny devices", null))).isEqualTo(new Resolved(MOE, Via.TITLE_YEAR));
    assertThat(matcher.resolve(ref(ExternalIds.NONE, "Sparse mixtures of experts for tiny devices", 2023))).isEqualTo(new Unresolved(Reason.NO_MATCH));
    assertThat(matcher.resolve(ref(ExternalIds.NONE, "Learning to Rank with Little Data", 2025))).isEqualTo(new Unresolved(Reason.AMBIGUOUS_TITLE));
    assertThat(matcher.resolve(ref(ExternalIds.NONE, "Intro", 2025))).isEqualTo(new Unresolved(Reason.TOO_LITTLE_METADATA));
  }
}
