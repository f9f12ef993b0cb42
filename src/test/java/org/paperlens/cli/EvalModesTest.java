package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.paperlens.search.Fusion;
import org.paperlens.search.SearchMode;

/** The mode names of {@code eval --mode}: two lists, three lists, by query length. */
class EvalModesTest {

  private static final Fusion DEFAULT = new Fusion.WeightedScores(0.4f);

  @Test
  void plain_weights_and_reciprocal_rank_parse_as_before() {
    assertThat(EvalCommand.parseMode("hybrid", DEFAULT)).isEqualTo(new SearchMode.Hybrid(DEFAULT));
    assertThat(EvalCommand.parseMode("hybrid:w0.3", DEFAULT)).isEqualTo(new SearchMode.Hybrid(new Fusion.WeightedScores(0.3f)));
    assertThat(EvalCommand.parseMode("hybrid:rrf20", DEFAULT)).isEqualTo(new SearchMode.Hybrid(new Fusion.ReciprocalRank(20)));
  }

  @Test
  void a_plus_e_weight_gives_the_second_model_a_list_of_its_own() {
    assertThat(EvalCommand.parseMode("hybrid:w0.3+e0.2", DEFAULT))
        .isEqualTo(new SearchMode.Hybrid(new Fusion.WeightedScores(0.3f, 0.2f)));
  }

  @Test
  void a_slash_and_an_at_sign_split_fusion_by_query_length() {
    assertThat(EvalCommand.parseMode("hybrid:w0.5/w0.3+e0.2@12", DEFAULT)).isEqualTo(new SearchMode.Hybrid(
        new Fusion.ByQueryLength(12, new Fusion.WeightedScores(0.5f), new Fusion.WeightedScores(0.3f, 0.2f))));
  }

  @Test
  void malformed_modes_are_refused_with_the_form_they_should_take() {
    assertThatThrownBy(() -> EvalCommand.parseMode("hybrid:w0.5/w0.3", DEFAULT)).hasMessageContaining("F/G@N");
    assertThatThrownBy(() -> EvalCommand.parseMode("hybrid:w0.5/w0.3@x", DEFAULT)).hasMessageContaining("whole number");
    assertThatThrownBy(() -> EvalCommand.parseMode("hybrid:w0.5+eZ", DEFAULT)).hasMessageContaining("wX+eY");
    assertThatThrownBy(() -> EvalCommand.parseMode("hybrid:w0.8+e0.5", DEFAULT)).hasMessageContaining("second list weight");
  }
}
