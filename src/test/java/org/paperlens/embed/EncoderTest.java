package org.paperlens.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real bge and MiniLM models, run on the CPU from the class path. */
class EncoderTest {

  private static final String QUERY = "graph neural networks for molecules";
  private static final List<String> ABSTRACTS = List.of(
      "Soil bacteria in arid regions. We follow microbial communities in desert soils over ten years"
          + " of observation and relate their composition to rainfall.",
      "Message passing networks for molecular property prediction. We represent molecules as graphs of"
          + " atoms and bonds and train a graph neural network to predict quantum-chemical properties.",
      "A history of the printing press. The spread of movable type in fifteenth-century Europe changed"
          + " how books were made, sold and read.");

  private static Encoder bge;

  @BeforeAll
  static void openModel() {
    bge = Encoder.open(EmbeddingModel.BGE_SMALL_EN_V15_Q, new Encoder.Options(1, 8));
  }

  @AfterAll
  static void closeModel() {
    bge.close();
  }

  @Test
  void a_query_about_molecular_graphs_ranks_the_molecular_graph_abstract_first() {
    assertThat(ranking(bge)).first().isEqualTo(1);
  }

  @Test
  void vectors_have_the_models_dimension_and_unit_length() {
    float[][] docs = bge.embedDocuments(ABSTRACTS);
    assertThat(docs.length).isEqualTo(3);
    for (float[] v : docs) {
      assertThat(v).hasSize(384);
      assertThat(norm(v)).isCloseTo(1.0, within(1e-5));
    }
    assertThat(norm(bge.embedQuery(QUERY))).isCloseTo(1.0, within(1e-5));
  }

  @Test
  void embedding_the_same_text_twice_gives_identical_vectors() {
    assertThat(bge.embedDocuments(List.of(ABSTRACTS.get(0)))[0])
        .containsExactly(bge.embedDocuments(List.of(ABSTRACTS.get(0)))[0]);
    assertThat(bge.embedQuery(QUERY)).containsExactly(bge.embedQuery(QUERY));
  }

  @Test
  void a_batch_of_identical_texts_gives_exactly_the_vector_of_one() {
    float[] one = bge.embedDocuments(List.of(ABSTRACTS.get(1)))[0];
    float[][] batch = bge.embedDocuments(List.of(ABSTRACTS.get(1), ABSTRACTS.get(1), ABSTRACTS.get(1)));
    for (float[] v : batch) {
      assertThat(v).containsExactly(one, org.assertj.core.data.Offset.offset(1e-6f));
    }
  }

  /** With one text per model run, a call over many texts is exactly one call per text, in input order. */
  @Test
  void batch_results_equal_one_at_a_time_results_when_each_run_holds_one_text() {
    List<String> texts = textsOfMixedLength();
    try (Encoder oneByOne = Encoder.open(EmbeddingModel.BGE_SMALL_EN_V15_Q, new Encoder.Options(1, 1))) {
      float[][] all = oneByOne.embedDocuments(texts);
      for (int i = 0; i < texts.size(); i++) {
        assertThat(all[i]).as("text %d", i)
            .containsExactly(bge.embedDocuments(List.of(texts.get(i)))[0], within(1e-4f));
      }
    }
  }

  /**
   * The int8 models quantise activations with one scale per tensor, computed over the whole batch,
   * so a text's vector moves slightly with its batch companions (up to about 0.02 per component,
   * most for a short text among long ones). 1e-4 per component cannot hold for batches of different
   * texts; what holds is the same direction, and each result belongs to its own input.
   */
  @Test
  void batched_results_point_the_same_way_as_one_at_a_time_results_and_keep_input_order() {
    List<String> texts = textsOfMixedLength();
    float[][] batch = bge.embedDocuments(texts);
    for (int i = 0; i < texts.size(); i++) {
      float[] single = bge.embedDocuments(List.of(texts.get(i)))[0];
      assertThat(dot(batch[i], single)).as("cosine of text %d", i).isGreaterThan(0.98);
      for (int j = 0; j < texts.size(); j++) {
        if (j != i) {
          assertThat(dot(batch[i], single)).isGreaterThan(dot(batch[j], single));
        }
      }
    }
  }

  private static List<String> textsOfMixedLength() {
    List<String> texts = new ArrayList<>(ABSTRACTS);
    texts.add("Short title only");
    texts.add(ABSTRACTS.get(2) + " " + ABSTRACTS.get(0));
    return texts;
  }

  @Test
  void an_empty_list_gives_no_vectors() {
    assertThat(bge.embedDocuments(List.of())).isEmpty();
  }

  @Test
  void long_texts_are_truncated_at_the_models_limit() {
    String longText = "graph neural networks for molecules ".repeat(400);
    assertThat(bge.tokenCount(longText)).isEqualTo(512);
    assertThat(norm(bge.embedDocuments(List.of(longText))[0])).isCloseTo(1.0, within(1e-5));
  }

  @Test
  void a_shorter_cut_truncates_there_and_changes_only_long_texts() {
    String longText = "graph neural networks for molecules ".repeat(400);
    try (Encoder cut = Encoder.open(EmbeddingModel.BGE_SMALL_EN_V15_Q, new Encoder.Options(1, 8, 256, false))) {
      assertThat(cut.tokenCount(longText)).isEqualTo(256);
      assertThat(cut.embedDocuments(List.of(longText))[0]).isNotEqualTo(bge.embedDocuments(List.of(longText))[0]);
      // A text shorter than both cuts is embedded exactly as at the model's limit.
      assertThat(cut.embedDocuments(List.of(QUERY))[0]).containsExactly(bge.embedDocuments(List.of(QUERY))[0]);
    }
  }

  @Test
  void a_cut_beyond_the_models_limit_is_the_limit_and_a_tiny_one_is_refused() {
    assertThat(new Encoder.Options(1, 8, 4096, false).maxTokens(EmbeddingModel.BGE_SMALL_EN_V15_Q)).isEqualTo(512);
    assertThat(new Encoder.Options(1, 8).maxTokens(EmbeddingModel.ALL_MINILM_L6_V2_Q)).isEqualTo(256);
    assertThatThrownBy(() -> new Encoder.Options(1, 8, 3, false)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 16");
  }

  @Test
  void queries_get_the_bge_instruction_and_documents_do_not() {
    float[] query = bge.embedQuery(QUERY);
    float[] asDocument = bge.embedDocuments(List.of(QUERY))[0];
    float[] withInstruction = bge.embedDocuments(
        List.of("Represent this sentence for searching relevant passages: " + QUERY))[0];
    assertThat(query).containsExactly(withInstruction);
    assertThat(query).isNotEqualTo(asDocument);
  }

  @Test
  void minilm_embeds_with_mean_pooling_and_its_own_limit() {
    try (Encoder minilm = Encoder.open(EmbeddingModel.ALL_MINILM_L6_V2_Q, new Encoder.Options(1, 8))) {
      assertThat(minilm.model().pooling()).isEqualTo(Pooling.MEAN);
      assertThat(ranking(minilm)).first().isEqualTo(1);
      assertThat(norm(minilm.embedDocuments(List.of(ABSTRACTS.get(0)))[0])).isCloseTo(1.0, within(1e-5));
      assertThat(minilm.tokenCount("graph ".repeat(1000))).isEqualTo(256);
      // MiniLM wants no query instruction: a query is embedded as the same text would be.
      assertThat(minilm.embedQuery(QUERY)).containsExactly(minilm.embedDocuments(List.of(QUERY))[0]);
    }
  }

  @Test
  void e5_embeds_with_mean_pooling_and_its_prefixes_on_queries_and_passages() {
    try (Encoder e5 = Encoder.open(EmbeddingModel.E5_SMALL_V2_Q, new Encoder.Options(1, 8))) {
      assertThat(e5.model().pooling()).isEqualTo(Pooling.MEAN);
      assertThat(ranking(e5)).first().isEqualTo(1);
      float[] doc = e5.embedDocuments(List.of(ABSTRACTS.get(1)))[0];
      assertThat(doc).hasSize(384);
      assertThat(norm(doc)).isCloseTo(1.0, within(1e-5));
      // "passage: " goes in front of documents, "query: " in front of queries: the same text differs.
      assertThat(e5.embedQuery(QUERY)).isNotEqualTo(e5.embedDocuments(List.of(QUERY))[0]);
      assertThat(e5.tokenCount("graph ".repeat(1000))).isEqualTo(512);
    }
  }

  @Test
  void the_fp32_bge_ranks_as_the_int8_one_and_points_nearly_the_same_way() {
    try (Encoder fp32 = Encoder.open(EmbeddingModel.BGE_SMALL_EN_V15, new Encoder.Options(1, 8))) {
      assertThat(ranking(fp32)).isEqualTo(ranking(bge));
      assertThat(dot(fp32.embedQuery(QUERY), bge.embedQuery(QUERY))).isGreaterThan(0.97);
    }
  }

  @Test
  void the_model_table_names_each_model_once_with_its_pooling_and_prefixes() {
    assertThat(EmbeddingModel.byName("e5-small-v2-q")).contains(EmbeddingModel.E5_SMALL_V2_Q);
    assertThat(EmbeddingModel.byName("bge-small-en-v1.5")).contains(EmbeddingModel.BGE_SMALL_EN_V15);
    assertThat(EmbeddingModel.E5_SMALL_V2_Q.queryInstruction()).isEqualTo("query: ");
    assertThat(EmbeddingModel.E5_SMALL_V2_Q.passagePrefix()).isEqualTo("passage: ");
    assertThat(EmbeddingModel.BGE_SMALL_EN_V15.pooling()).isEqualTo(Pooling.CLS);
    assertThat(EmbeddingModel.BGE_SMALL_EN_V15_Q.passagePrefix()).isEmpty();
    assertThat(EmbeddingModel.names()).contains("e5-small-v2-q", "bge-small-en-v1.5,");
  }

  /** Indexes of {@link #ABSTRACTS}, most similar to {@link #QUERY} first. */
  private static List<Integer> ranking(Encoder encoder) {
    float[] q = encoder.embedQuery(QUERY);
    float[][] docs = encoder.embedDocuments(ABSTRACTS);
    List<Integer> order = new ArrayList<>(List.of(0, 1, 2));
    order.sort((a, b) -> Double.compare(dot(q, docs[b]), dot(q, docs[a])));
    return order;
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  private static double norm(float[] v) {
    return Math.sqrt(dot(v, v));
  }
}
