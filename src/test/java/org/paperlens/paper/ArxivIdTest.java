package org.paperlens.paper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArxivIdTest {

  @ParameterizedTest(name = "{0} is {1} version {2}")
  @CsvSource({
      "2401.01234, 2401.01234, 0",
      "2401.01234v3, 2401.01234, 3",
      "0704.0001, 0704.0001, 0",
      "arXiv:2401.01234v2, 2401.01234, 2",
      "https://arxiv.org/abs/2401.01234v2, 2401.01234, 2",
      "http://arxiv.org/pdf/2401.01234v1.pdf, 2401.01234, 1",
      "https://export.arxiv.org/abs/hep-th/9901001, hep-th/9901001, 0",
      "hep-th/9901001, hep-th/9901001, 0",
      "hep-th/9901001v3, hep-th/9901001, 3",
      "math.GT/0309136, math/0309136, 0",
      "oai:arXiv.org:1412.8323, 1412.8323, 0",
      "arXiv:cond-mat/0102536v1, cond-mat/0102536, 1"})
  void new_and_old_style_ids_are_reduced_to_their_canonical_form(String raw, String id, int version) {
    ArxivId parsed = ArxivId.parse(raw).orElseThrow();
    assertThat(parsed.id().value()).isEqualTo(id);
    assertThat(parsed.version()).isEqualTo(version);
    assertThat(parsed.id().isArxiv()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "0000.00", "12345.6789", "hep-th/99", "2401.01234vX", "scifact:12"})
  void things_that_are_not_arxiv_ids_are_rejected(String raw) {
    assertThat(ArxivId.parse(raw)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void a_version_number_too_large_to_be_real_is_not_an_id_rather_than_an_overflow() {
    // Found by the importer fuzz test: the overflow escaped the Atom, OAI-PMH and .abs readers.
    assertThat(ArxivId.parse("2401.01234v99999999999999")).isEmpty();
    assertThat(ArxivId.parse("hep-th/9901001v99999999999999")).isEmpty();
    assertThat(ArxivId.parse("2401.01234v9999").map(ArxivId::version)).contains(9999);
  }

  @org.junit.jupiter.api.Test
  void ids_of_other_sources_are_namespaced_and_never_look_like_arxiv_ids() {
    PaperId id = PaperId.of("scifact", "4983");
    assertThat(id.value()).isEqualTo("scifact:4983");
    assertThat(id.isArxiv()).isFalse();
  }
}
