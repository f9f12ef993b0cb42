package org.paperlens.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.junit.jupiter.api.Test;
import static org.paperlens.index.UnitVectors.at;
import static org.paperlens.index.UnitVectors.dot;
import static org.paperlens.index.UnitVectors.modelLike;

/**
 * The codes of the default model (issue 23) on fixtures shaped like its vectors: every vector is
 * the model's mean (|m| 0.83) plus a Gaussian remainder, normalised, so the papers near a query all
 * share one strong direction and differ in small components, which plain codes round away.
 */
class VectorCodesTest {

  private static final int DIMS = UnitVectors.DIMS;
  private static final VectorCodes BGE = UnitVectors.BGE;

  @Test
  void the_default_model_has_a_mean_and_models_without_one_are_coded_plain() {
    assertThat(BGE.name()).startsWith("reflected:bge-small-en-v1.5-q@");
    assertThat(BGE.reflects(DIMS)).isTrue();
    assertThat(BGE.scale(DIMS)).isGreaterThan(1.8f * VectorCodes.MODEL_SCALE);
    assertThat(VectorCodes.forModel("no-such-model")).isEqualTo(VectorCodes.PLAIN);
    // The mean applies to vectors of its own dimension only: a 4-dimensional fixture is coded as before.
    assertThat(BGE.encode(new float[] {0.6f, 0.8f, 0, 0})).containsExactly(76, 102, 0, 0);
  }

  @Test
  void the_reflection_keeps_every_dot_product_and_spreads_the_shared_direction() {
    Random random = new Random(5);
    float[] a = modelLike(random);
    float[] b = modelLike(random);
    assertThat(dot(BGE.reflect(a), BGE.reflect(b))).isCloseTo(dot(a, b), within(1e-5));
    float[] mean = BGE.reflect(BGE.mean());
    for (float m : mean) {
      assertThat(m).isCloseTo(mean[0], within(1e-5f)); // the mean's direction is the diagonal
    }
    assertThat(max(BGE.reflect(a))).isLessThan(max(a) / 1.8);
  }

  @Test
  void reflected_codes_keep_the_exact_top_ten_where_plain_codes_lose_some() {
    Random random = new Random(23);
    List<float[]> queries = new ArrayList<>();
    List<float[]> corpus = new ArrayList<>();
    for (int q = 0; q < 50; q++) {
      float[] query = modelLike(random);
      queries.add(query);
      // 12 papers at cosines 0.900, 0.897, ... to the query: steps of 0.003, above a reflected
      // code's rounding error and below a plain one's (about 0.002).
      for (int j = 0; j < 12; j++) {
        corpus.add(at(query, 0.9 - 0.003 * j, random));
      }
    }
    for (int i = 0; i < 1000; i++) {
      corpus.add(modelLike(random)); // cosines about 0.7 to every query
    }
    int reflected = 0;
    int plain = 0;
    for (float[] query : queries) {
      List<Integer> exact = top(corpus, i -> dot(query, corpus.get(i)));
      reflected += top(corpus, i -> codeDot(BGE, query, corpus.get(i))).equals(exact) ? 1 : 0;
      plain += top(corpus, i -> codeDot(VectorCodes.PLAIN, query, corpus.get(i))).equals(exact) ? 1 : 0;
    }
    // Queries whose top 10, in order, is the exact one: all 50 reflected, 24 plain.
    assertThat(reflected).isEqualTo(queries.size());
    assertThat(plain).isLessThan(45);
  }

  @Test
  void a_code_decodes_to_its_vector_within_the_rounding_and_nothing_is_clamped() {
    Random random = new Random(7);
    for (int n = 0; n < 500; n++) {
      float[] v = modelLike(random);
      assertThat(BGE.clipped(v)).isZero();
      float[] back = BGE.decode(BGE.encode(v));
      double error = 0;
      for (int i = 0; i < DIMS; i++) {
        error += (back[i] - v[i]) * (back[i] - v[i]);
      }
      // At most half a code step in every reflected component, so at most √384 / 2 steps in all.
      assertThat(Math.sqrt(error)).isLessThan(Math.sqrt(DIMS) * 0.5 / BGE.scale(DIMS));
    }
  }

  @Test
  void a_component_beyond_the_byte_is_clamped_and_counted() {
    float[] reflected = new float[DIMS];
    reflected[0] = 0.5f; // beyond 127 / scale
    float[] v = BGE.reflect(reflected); // a reflection is its own inverse: v reflects to `reflected`
    assertThat(BGE.clipped(v)).isEqualTo(1);
    assertThat(BGE.encode(v)[0]).isEqualTo((byte) 127);
  }

  @Test
  void scores_are_one_plus_the_cosine_over_two_as_the_float_vectors_scored() {
    Random random = new Random(3);
    for (VectorCodes codes : List.of(BGE, VectorCodes.PLAIN)) {
      double worst = 0;
      for (int n = 0; n < 300; n++) {
        float[] q = modelLike(random);
        float[] d = modelLike(random);
        // Lucene's byte DOT_PRODUCT score, as a hit of KnnByteVectorQuery carries it (Solr's knn the same).
        float byteScore = VectorSimilarityFunction.DOT_PRODUCT.compare(codes.encodeQuery(q), codes.encode(d));
        worst = Math.max(worst, Math.abs((float) codes.unitScores(q).applyAsDouble(byteScore) - (1 + dot(q, d)) / 2));
      }
      // Reflected: a thousandth; plain a little more (its codes' rounding is twice as coarse).
      assertThat(worst).as(codes.name()).isLessThan(codes == BGE ? 0.001 : 0.003);
    }
  }

  @Test
  void an_index_is_read_with_the_codes_it_recorded_and_never_with_other_ones() {
    assertThat(VectorCodes.byName(null)).isEqualTo(VectorCodes.PLAIN);
    assertThat(VectorCodes.byName("")).isEqualTo(VectorCodes.PLAIN);
    assertThat(VectorCodes.byName(VectorCodes.PLAIN.name())).isEqualTo(VectorCodes.PLAIN);
    assertThat(VectorCodes.byName(BGE.name())).isEqualTo(BGE);
    // The same model with another mean (a resource changed since the index was built) is refused.
    assertThatThrownBy(() -> VectorCodes.byName("reflected:bge-small-en-v1.5-q@00000000"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("paperlens reindex");
    assertThatThrownBy(() -> VectorCodes.byName("reflected:../../etc@1")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> VectorCodes.byName("centred:bge-small-en-v1.5-q@544d8f1b")).isInstanceOf(IllegalStateException.class);
  }

  private static float codeDot(VectorCodes codes, float[] q, float[] d) {
    return org.apache.lucene.util.VectorUtil.dotProduct(codes.encodeQuery(q), codes.encode(d));
  }

  private static List<Integer> top(List<float[]> corpus, java.util.function.IntToDoubleFunction score) {
    double[] s = IntStream.range(0, corpus.size()).mapToDouble(score).toArray();
    return IntStream.range(0, corpus.size()).boxed().sorted(Comparator.comparingDouble((Integer i) -> -s[i])).limit(10).toList();
  }

  private static double max(float[] v) {
    double m = 0;
    for (float x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }
}
