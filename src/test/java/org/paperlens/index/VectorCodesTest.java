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
 * The codes of the default model (issue 23) on a fixture shaped like its vectors: every vector is
 * the model's centre (|m| 0.83) plus a Gaussian remainder, normalised, so the papers near a query
 * all share one strong direction and differ in small components, which uncentred codes round away.
 */
class VectorCodesTest {

  private static final int DIMS = UnitVectors.DIMS;
  private static final VectorCodes BGE = UnitVectors.BGE;

  @Test
  void the_default_model_has_a_centre_and_models_without_one_are_coded_uncentred() {
    assertThat(BGE.name()).startsWith("centred:bge-small-en-v1.5-q@");
    assertThat(BGE.centres(DIMS)).isTrue();
    assertThat(BGE.scale(DIMS)).isGreaterThan(2 * VectorCodes.MODEL_SCALE);
    assertThat(VectorCodes.forModel("no-such-model")).isEqualTo(VectorCodes.UNCENTRED);
    // A centre applies to vectors of its own dimension only: a 4-dimensional fixture is coded as before.
    assertThat(BGE.encode(new float[] {0.6f, 0.8f, 0, 0})).containsExactly(76, 102, 0, 0);
  }

  @Test
  void centred_codes_keep_the_exact_top_ten_where_uncentred_codes_lose_some() {
    Random random = new Random(23);
    List<float[]> queries = new ArrayList<>();
    List<float[]> corpus = new ArrayList<>();
    for (int q = 0; q < 50; q++) {
      float[] query = modelLike(random);
      queries.add(query);
      // 12 papers at cosines 0.900, 0.897, ... to the query: steps of 0.003, above a centred code's
      // rounding error (about 0.0005) and below an uncentred one's (about 0.002).
      for (int j = 0; j < 12; j++) {
        corpus.add(at(query, 0.9 - 0.003 * j, random));
      }
    }
    for (int i = 0; i < 1000; i++) {
      corpus.add(modelLike(random)); // cosines about 0.7 to every query
    }
    int centred = 0;
    int uncentred = 0;
    for (float[] query : queries) {
      List<Integer> exact = top(corpus, i -> dot(query, corpus.get(i)));
      centred += top(corpus, i -> codeDot(BGE, query, corpus.get(i))).equals(exact) ? 1 : 0;
      uncentred += top(corpus, i -> codeDot(VectorCodes.UNCENTRED, query, corpus.get(i))).equals(exact) ? 1 : 0;
    }
    // Queries whose top 10, in order, is the exact one: every one centred; 36 of 50 uncentred.
    assertThat(centred).isEqualTo(queries.size());
    assertThat(uncentred).isLessThan(45);
  }

  @Test
  void a_code_decodes_to_its_vector_within_half_a_code_step_and_nothing_is_clamped() {
    Random random = new Random(7);
    for (int n = 0; n < 500; n++) {
      float[] v = modelLike(random);
      assertThat(BGE.clipped(v)).isZero();
      float[] back = BGE.decode(BGE.encode(v));
      for (int i = 0; i < DIMS; i++) {
        assertThat(back[i]).isCloseTo(v[i], within(0.5f / BGE.scale(DIMS) + 1e-6f));
      }
    }
  }

  @Test
  void a_component_beyond_the_byte_is_clamped_and_counted() {
    float[] v = BGE.centre();
    v[0] += 0.5f; // 0.5 from the centre: beyond 127 / scale; every other component is the centre's, coded 0
    assertThat(BGE.clipped(v)).isEqualTo(1);
    assertThat(BGE.encode(v)[0]).isEqualTo((byte) 127);
    assertThat(BGE.decode(BGE.encode(v))[0]).isCloseTo(BGE.centre()[0] + 127 / BGE.scale(DIMS), within(1e-6f));
  }

  @Test
  void scores_are_one_plus_the_cosine_over_two_as_the_float_vectors_scored() {
    Random random = new Random(3);
    for (VectorCodes codes : List.of(BGE, VectorCodes.UNCENTRED)) {
      double worst = 0;
      for (int n = 0; n < 300; n++) {
        float[] q = modelLike(random);
        float[] d = modelLike(random);
        // Lucene's byte DOT_PRODUCT score, as a hit of KnnByteVectorQuery carries it (Solr's knn the same).
        float byteScore = VectorSimilarityFunction.DOT_PRODUCT.compare(VectorCodes.encodeQuery(q), codes.encode(d));
        worst = Math.max(worst, Math.abs(codes.unitScore(byteScore, q) - (1 + dot(q, d)) / 2));
      }
      // Centred: a thousandth; uncentred a little more (its codes' rounding is 2.5 times as coarse).
      assertThat(worst).as(codes.name()).isLessThan(codes == BGE ? 0.001 : 0.003);
    }
  }

  @Test
  void an_index_is_read_with_the_codes_it_recorded_and_never_with_other_ones() {
    assertThat(VectorCodes.byName(null)).isEqualTo(VectorCodes.UNCENTRED);
    assertThat(VectorCodes.byName("")).isEqualTo(VectorCodes.UNCENTRED);
    assertThat(VectorCodes.byName(VectorCodes.UNCENTRED.name())).isEqualTo(VectorCodes.UNCENTRED);
    assertThat(VectorCodes.byName(BGE.name())).isEqualTo(BGE);
    // The same model with another centre (a resource changed since the index was built) is refused.
    assertThatThrownBy(() -> VectorCodes.byName("centred:bge-small-en-v1.5-q@00000000"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("paperlens reindex");
    assertThatThrownBy(() -> VectorCodes.byName("centred:../../etc@1")).isInstanceOf(IllegalStateException.class);
  }

  private static float codeDot(VectorCodes codes, float[] q, float[] d) {
    return org.apache.lucene.util.VectorUtil.dotProduct(VectorCodes.encodeQuery(q), codes.encode(d));
  }

  private static List<Integer> top(List<float[]> corpus, java.util.function.IntToDoubleFunction score) {
    double[] s = IntStream.range(0, corpus.size()).mapToDouble(score).toArray();
    return IntStream.range(0, corpus.size()).boxed().sorted(Comparator.comparingDouble((Integer i) -> -s[i])).limit(10).toList();
  }
}
