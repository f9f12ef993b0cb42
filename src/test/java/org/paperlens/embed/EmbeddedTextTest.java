package org.paperlens.embed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddedTextTest {

  @Test
  void title_and_abstract_are_joined_as_two_sentences() {
    assertThat(EmbeddedText.of("Attention is all you need", "We propose the Transformer.").text())
        .isEqualTo("Attention is all you need. We propose the Transformer.");
    assertThat(EmbeddedText.of("Is attention all you need?", "No.").text())
        .isEqualTo("Is attention all you need? No.");
  }

  @Test
  void a_paper_without_abstract_is_embedded_from_its_title_and_one_without_either_not_at_all() {
    assertThat(EmbeddedText.of("Only a title", null).text()).isEqualTo("Only a title");
    assertThat(EmbeddedText.of(null, " Only an abstract. ").text()).isEqualTo("Only an abstract.");
    assertThat(EmbeddedText.of(null, "  ").isEmpty()).isTrue();
  }

  @Test
  void the_hash_changes_with_the_text_and_only_with_it() {
    EmbeddedText a = EmbeddedText.of("Title", "Abstract one.");
    assertThat(EmbeddedText.of("Title", "Abstract one.").hash()).isEqualTo(a.hash());
    assertThat(EmbeddedText.of("Title", "Abstract two.").hash()).isNotEqualTo(a.hash());
    assertThat(a.hash()).hasSize(64).matches("[0-9a-f]+");
  }
}
