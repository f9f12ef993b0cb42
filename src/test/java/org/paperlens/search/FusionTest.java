package org.paperlens.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperlens.index.IndexHit;
import org.paperlens.paper.PaperId;

class FusionTest {

  private static IndexHit hit(String id, float score) {
    return new IndexHit(new PaperId(id), score);
  }

  private static final List<IndexHit> KEYWORD = List.of(hit("a", 12f), hit("b", 8f), hit("c", 4f));
  private static final List<IndexHit> SEMANTIC = List.of(hit("c", 0.9f), hit("d", 0.8f), hit("a", 0.5f));

  @Test
  void reciprocal_rank_fusion_adds_one_over_k_plus_rank_from_each_list() {
    List<IndexHit> fused = new Fusion.ReciprocalRank(60).fuse(KEYWORD, SEMANTIC, 10);
    // a: 1/61 + 1/63 = 0.032266; c: 1/63 + 1/61 = 0.032266 (tie: id order); b: 1/62; d: 1/62
    assertThat(fused).extracting(h -> h.id().value()).containsExactly("a", "c", "b", "d");
    assertThat(fused.get(0).score()).isCloseTo(1f / 61 + 1f / 63, within(1e-6f));
    assertThat(fused.get(2).score()).isCloseTo(1f / 62, within(1e-6f));
  }

  @Test
  void weighted_fusion_scales_each_list_to_zero_one_before_weighting() {
    List<IndexHit> fused = new Fusion.WeightedScores(0.3f).fuse(KEYWORD, SEMANTIC, 10);
    // keyword scaled: a 1, b 0.5, c 0; semantic scaled: c 1, d 0.75, a 0
    // a = 0.3; b = 0.15; c = 0.7; d = 0.525
    assertThat(fused).extracting(h -> h.id().value()).containsExactly("c", "d", "a", "b");
    assertThat(fused.get(0).score()).isCloseTo(0.7f, within(1e-6f));
    assertThat(fused.get(1).score()).isCloseTo(0.525f, within(1e-6f));
    assertThat(fused.get(3).score()).isCloseTo(0.15f, within(1e-6f));
  }

  @Test
  void fusion_returns_at_most_k_and_copes_with_an_empty_list() {
    assertThat(new Fusion.ReciprocalRank(60).fuse(KEYWORD, List.of(), 2)).extracting(h -> h.id().value())
        .containsExactly("a", "b");
    assertThat(new Fusion.WeightedScores(0.5f).fuse(List.of(), SEMANTIC, 1)).extracting(h -> h.id().value())
        .containsExactly("c");
    assertThat(new Fusion.WeightedScores(0.5f).fuse(List.of(hit("x", 3f)), List.of(), 5)).singleElement()
        .satisfies(h -> assertThat(h.score()).isEqualTo(0.5f));
  }

  @Test
  void a_keyword_hit_not_yet_embedded_competes_on_its_keyword_score_instead_of_sinking() {
    // "b" has no vector yet, so it cannot be in the semantic list. Without the imputation it gets
    // only 0.3 * 0.5 = 0.15 and falls below "a"; with it, it earns its keyword share on both sides.
    List<IndexHit> plain = new Fusion.WeightedScores(0.3f).fuse(KEYWORD, SEMANTIC, 10);
    List<IndexHit> imputed = new Fusion.WeightedScores(0.3f).fuse(KEYWORD, SEMANTIC, 10, java.util.Set.of(new PaperId("b")));
    assertThat(plain).extracting(h -> h.id().value()).containsExactly("c", "d", "a", "b");
    assertThat(imputed).extracting(h -> h.id().value()).containsExactly("c", "d", "b", "a");
    assertThat(imputed.get(2).score()).isCloseTo(0.5f, within(1e-6f));
    List<IndexHit> rrf = new Fusion.ReciprocalRank(60).fuse(KEYWORD, SEMANTIC, 10, java.util.Set.of(new PaperId("b")));
    // b: 2/62 counts its keyword rank twice; a and c (1/61 + 1/63) stay just ahead, d (1/62) falls behind
    assertThat(rrf).extracting(h -> h.id().value()).containsExactly("a", "c", "b", "d");
    assertThat(rrf.get(2).score()).isCloseTo(2f / 62, within(1e-6f));
  }

  private static final List<IndexHit> SECOND = List.of(hit("b", 0.7f), hit("d", 0.6f), hit("c", 0.3f));

  @Test
  void three_list_fusion_weighs_the_second_meaning_list_and_gives_the_first_the_rest() {
    List<IndexHit> fused = new Fusion.WeightedScores(0.3f, 0.4f).fuse(KEYWORD, SEMANTIC, SECOND, 10, java.util.Set.of());
    // keyword: a 1, b 0.5, c 0 (x0.3); semantic: c 1, d 0.75, a 0 (x0.3); second: b 1, d 0.75, c 0 (x0.4)
    // a 0.3; b 0.15 + 0.4 = 0.55; c 0.3; d 0.225 + 0.3 = 0.525
    assertThat(fused).extracting(h -> h.id().value()).containsExactly("b", "d", "a", "c");
    assertThat(fused.get(0).score()).isCloseTo(0.55f, within(1e-6f));
    assertThat(fused.get(1).score()).isCloseTo(0.525f, within(1e-6f));
    assertThat(new Fusion.WeightedScores(0.3f, 0.4f).semanticWeight()).isCloseTo(0.3f, within(1e-6f));
  }

  @Test
  void without_a_second_list_a_three_list_fusion_keeps_the_other_two_in_their_ratio() {
    // 0.2 : 0.4 is the ratio of 1/3 : 2/3
    List<IndexHit> two = new Fusion.WeightedScores(0.2f, 0.4f).fuse(KEYWORD, SEMANTIC, 10);
    List<IndexHit> same = new Fusion.WeightedScores(1f / 3).fuse(KEYWORD, SEMANTIC, 10);
    assertThat(two).extracting(h -> h.id().value()).containsExactlyElementsOf(same.stream().map(h -> h.id().value()).toList());
    assertThat(two.get(0).score()).isCloseTo(same.get(0).score(), within(1e-6f));
    assertThat(new Fusion.WeightedScores(0.2f, 0.4f).usesSecond()).isTrue();
    assertThat(new Fusion.WeightedScores(0.4f).usesSecond()).isFalse();
  }

  @Test
  void a_two_list_fusion_ignores_a_second_list() {
    assertThat(new Fusion.WeightedScores(0.3f).fuse(KEYWORD, SEMANTIC, SECOND, 10, java.util.Set.of()))
        .isEqualTo(new Fusion.WeightedScores(0.3f).fuse(KEYWORD, SEMANTIC, 10));
    assertThat(new Fusion.ReciprocalRank(60).fuse(KEYWORD, SEMANTIC, SECOND, 10, java.util.Set.of()))
        .isEqualTo(new Fusion.ReciprocalRank(60).fuse(KEYWORD, SEMANTIC, 10));
  }

  @Test
  void weights_past_one_in_total_are_refused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Fusion.WeightedScores(0.7f, 0.4f))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("second list weight");
  }

  @Test
  void length_buckets_pick_the_short_fusion_up_to_the_limit_and_the_long_one_past_it() {
    Fusion shorter = new Fusion.WeightedScores(0.6f);
    Fusion longer = new Fusion.WeightedScores(0.3f);
    Fusion.ByQueryLength buckets = new Fusion.ByQueryLength(3, shorter, longer);
    assertThat(buckets.forQuery("graph neural networks")).isSameAs(shorter);
    assertThat(buckets.forQuery("graph neural networks for molecules")).isSameAs(longer);
    // Punctuation and query syntax are not words.
    assertThat(buckets.forQuery("\"graph\" -neural (networks)")).isSameAs(shorter);
    assertThat(Fusion.ByQueryLength.words("COVID-19 vaccines,  in  children")).isEqualTo(5);
    assertThat(Fusion.ByQueryLength.words("")).isZero();
    // Asked without the query, it fuses as for long queries.
    assertThat(buckets.fuse(KEYWORD, SEMANTIC, 10)).isEqualTo(longer.fuse(KEYWORD, SEMANTIC, 10));
    assertThat(buckets.usesSecond()).isFalse();
    assertThat(new Fusion.ByQueryLength(3, shorter, new Fusion.WeightedScores(0.3f, 0.2f)).usesSecond()).isTrue();
  }
}
