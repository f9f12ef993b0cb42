package org.paperlens.citation.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitleKeyTest {

  @Test
  void bibtex_braces_commands_accents_case_and_punctuation_do_not_change_the_key() {
    TitleKey plain = TitleKey.of("Uber Muller: Graph Neural Networks, Revisited").orElseThrow();
    assertThat(TitleKey.of("{\\\"U}ber M\\\"{u}ller: {G}raph {N}eural {N}etworks --- Revisited")).contains(plain);
    assertThat(TitleKey.of("Über Müller — graph neural networks (revisited)")).contains(plain);
    assertThat(plain.value()).isEqualTo("uber muller graph neural networks revisited");
  }

  @Test
  void titles_too_short_to_identify_a_paper_have_no_key() {
    assertThat(TitleKey.of("Deep Learning")).isEmpty();
    assertThat(TitleKey.of("  {} -- ")).isEmpty();
    assertThat(TitleKey.of(null)).isEmpty();
    assertThat(TitleKey.of("Attention Is All You Need")).map(TitleKey::value).contains("attention is all you need");
  }
}
