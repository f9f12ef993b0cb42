package org.paperlens.paper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorNamesTest {

  @Test
  void accents_case_and_spacing_are_ignored() {
    assertThat(AuthorNames.fold("  José   García ")).isEqualTo("jose garcia");
    assertThat(AuthorNames.fold("Bernhard Schölkopf")).isEqualTo("bernhard scholkopf");
  }

  @Test
  void compatibility_forms_fold_to_their_plain_letters() {
    assertThat(AuthorNames.fold("Aﬁf Rahman")).isEqualTo("afif rahman");
    assertThat(AuthorNames.fold("Ｊｏｓé")).isEqualTo("jose");
  }

  @Test
  void initials_and_punctuation_stay_so_an_initial_is_not_a_full_name() {
    assertThat(AuthorNames.fold("J. Garcia")).isEqualTo("j. garcia");
    assertThat(AuthorNames.fold("J. Garcia")).isNotEqualTo(AuthorNames.fold("Jose Garcia"));
  }
}
