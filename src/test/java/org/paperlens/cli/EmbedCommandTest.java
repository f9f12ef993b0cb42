package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.embed.EmbeddedText;
import org.paperlens.embed.EmbeddingModel;
import org.paperlens.embed.PaperVector;
import org.paperlens.embed.VectorStore;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.testing.Cli;
import org.paperlens.testing.Cli.Result;
import org.paperlens.testing.Fixtures;
import org.paperlens.testing.TestDatabase;

/** {@code paperlens embed} and {@code import --embed} on the small listings fixture (4 good papers). */
class EmbedCommandTest {

  @TempDir Path tmp;

  private static Result run(String... args) {
    return Cli.run(args);
  }

  private Result importFixture(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("import", "--data", tmp.toString()));
    args.addAll(List.of(extra));
    args.add(Fixtures.path("listings-small.jsonl").toString());
    Result r = run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    return r;
  }

  private Result embed(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("embed", "--data", tmp.toString()));
    args.addAll(List.of(extra));
    Result r = run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    return r;
  }

  private <T> T withVectors(java.util.function.BiFunction<CatalogueStore, VectorStore, T> f) {
    try (CatalogueStore store = TestDatabase.catalogue(tmp)) {
      return f.apply(store, new VectorStore(store));
    }
  }

  @Test
  void embedding_is_incremental_so_a_second_run_embeds_nothing() {
    importFixture();
    assertThat(embed().out()).contains("embedded 4, already up to date 0");
    assertThat(embed().out()).contains("embedded 0, already up to date 4");
    long stored = withVectors((s, v) -> v.count(EmbeddingModel.BGE_SMALL_EN_V15_Q));
    assertThat(stored).isEqualTo(4);
  }

  @Test
  void spinning_model_threads_embed_the_same_vectors() {
    importFixture();
    assertThat(embed("--threads", "2", "--spin").out()).contains("embedded 4, already up to date 0");
    PaperId id = new PaperId("2501.00002");
    float[] spun = withVectors((s, v) -> v.find(id, EmbeddingModel.DEFAULT).orElseThrow().vector());
    String text = withVectors((s, v) -> org.paperlens.embed.EmbeddedText.of(s.find(id).orElseThrow()).text());
    float[] slept;
    try (org.paperlens.embed.Encoder e = org.paperlens.embed.Encoder.open(EmbeddingModel.DEFAULT,
        new org.paperlens.embed.Encoder.Options(2, 8))) {
      slept = e.embedDocuments(List.of(text))[0];
    }
    double dot = 0;
    for (int i = 0; i < spun.length; i++) {
      dot += spun[i] * slept[i];
    }
    // Not bit for bit: the int8 model's dynamic quantisation scales each batch as a whole.
    assertThat(dot).isGreaterThan(0.99);
  }

  @Test
  void a_changed_abstract_is_embedded_again_and_only_that_paper() {
    importFixture();
    embed();
    PaperId id = new PaperId("2501.00002");
    float[] before = withVectors((s, v) -> v.find(id, EmbeddingModel.DEFAULT).orElseThrow().vector());
    withVectors((s, v) -> s.write(w -> {
      w.put(w.find(id).orElseThrow().toBuilder().abstractText("An entirely new abstract about databases.").build());
      return null;
    }));

    assertThat(embed().out()).contains("embedded 1, already up to date 3");
    PaperVector after = withVectors((s, v) -> v.find(id, EmbeddingModel.DEFAULT).orElseThrow());
    assertThat(after.vector()).isNotEqualTo(before);
    assertThat(after.textHash()).isEqualTo(
        EmbeddedText.of("Compilers Considered Helpful", "An entirely new abstract about databases.").hash());
  }

  @Test
  void an_empty_catalogue_embeds_nothing_without_error() {
    assertThat(embed().out()).contains("embedded 0, already up to date 0, without text 0");
  }

  @Test
  void a_paper_with_no_abstract_is_embedded_from_its_title() {
    PaperId id = new PaperId("2501.09999");
    withVectors((s, v) -> s.write(w -> {
      w.put(Paper.builder(id).title("Only a title here").source("test").build());
      return null;
    }));
    assertThat(embed().out()).contains("embedded 1");
    String hash = withVectors((s, v) -> v.find(id, EmbeddingModel.DEFAULT).orElseThrow().textHash());
    assertThat(hash).isEqualTo(EmbeddedText.of("Only a title here", null).hash());
  }

  @Test
  void a_limit_leaves_the_rest_for_the_next_run_and_models_are_kept_apart() {
    importFixture();
    assertThat(embed("--limit", "3", "--batch", "2", "--threads", "1").out())
        .contains("embedded 3, already up to date 0, without text 0, left for a later run 1");
    assertThat(embed().out()).contains("embedded 1, already up to date 3");
    assertThat(embed("--model", "all-minilm-l6-v2-q").out()).contains("embedded 4, already up to date 0");
  }

  @Test
  void import_with_embed_embeds_what_it_imported() {
    Result r = importFixture("--embed");
    assertThat(r.out()).contains("new 4").contains("embedded 4");
    long stored = withVectors((s, v) -> v.count(EmbeddingModel.DEFAULT));
    assertThat(stored).isEqualTo(4);
  }

  @Test
  void an_unknown_model_or_a_zero_batch_is_a_usage_error() {
    Result r = run("embed", "--data", tmp.toString(), "--model", "gpt-9");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown model 'gpt-9'").contains("bge-small-en-v1.5-q");
    assertThat(run("embed", "--data", tmp.toString(), "--batch", "0").code()).isEqualTo(2);
  }
}
