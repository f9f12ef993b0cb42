package org.paperlens.citation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.paperlens.paper.PaperId;

class DoiTest {

  @Test
  void every_spelling_of_a_doi_gives_one_value() {
    Doi doi = new Doi("10.1093/mind/lix.236.433");
    assertThat(Doi.parse("10.1093/MIND/LIX.236.433")).contains(doi);
    assertThat(Doi.parse("https://doi.org/10.1093/MIND/LIX.236.433")).contains(doi);
    assertThat(Doi.parse("http://dx.doi.org/10.1093/mind/lix.236.433.")).contains(doi);
    assertThat(Doi.parse("doi: 10.1093/mind/lix.236.433")).contains(doi);
    assertThat(Doi.parse("not a doi")).isEmpty();
    assertThatThrownBy(() -> new Doi("10.1093/MIND")).hasMessageContaining("not a normalised DOI");
  }

  @Test
  void arxiv_papers_have_a_datacite_doi_that_leads_back_to_the_id() {
    Doi doi = Doi.ofArxiv(new PaperId("2401.01234"));
    assertThat(doi.value()).isEqualTo("10.48550/arxiv.2401.01234");
    assertThat(doi.arxivId()).contains(new PaperId("2401.01234"));
    assertThat(WorkKey.arxiv("2401.01234").asDoi()).isEqualTo(doi);
    assertThat(new Doi("10.1234/x").arxivId()).isEmpty();
  }
}
