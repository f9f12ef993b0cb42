package org.paperlens.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.common.BadInputException;
import org.paperlens.testing.Fixtures;

/** Reading qrels and queries from hand-made files in BEIR's formats. */
class EvalInputsTest {

  @TempDir Path tmp;

  @Test
  void beir_qrels_are_read_with_their_grades_and_the_header_skipped() throws IOException {
    Qrels qrels = Qrels.read(Fixtures.path("eval/qrels.tsv"));

    assertThat(qrels.queryIds()).containsExactly("1", "7");
    assertThat(qrels.judgements("1")).containsExactly(Map.entry("doc-a", 2), Map.entry("doc-b", 1), Map.entry("doc-c", 0));
    assertThat(qrels.judgements("7")).containsExactly(Map.entry("doc-a", 1));
    assertThat(qrels.judgements("unjudged")).isEmpty();
    assertThat(qrels.judgementCount()).isEqualTo(4);
  }

  @Test
  void trec_qrels_with_an_iteration_column_are_read_too() throws IOException {
    Qrels qrels = Qrels.read(Fixtures.path("eval/qrels-trec.txt"));

    assertThat(qrels.judgements("1")).containsExactly(Map.entry("doc-a", 2), Map.entry("doc-b", 1));
    assertThat(qrels.queryCount()).isEqualTo(2);
  }

  @Test
  void bad_qrels_lines_are_all_reported_with_file_and_line() {
    assertThatThrownBy(() -> Qrels.read(Fixtures.path("eval/qrels-bad.tsv")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("qrels-bad.tsv:3")
        .hasMessageContaining("3 bad lines")
        .hasMessageContaining("line 3: grade 'relevant' is not an integer")
        .hasMessageContaining("line 4: expected 'query-id corpus-id score'")
        .hasMessageContaining("line 5: query 1 judges document doc-a twice");
  }

  @Test
  void an_empty_or_non_utf8_qrels_file_is_bad_input() throws IOException {
    Path empty = Files.writeString(tmp.resolve("empty.tsv"), "query-id\tcorpus-id\tscore\n");
    Path binary = Files.write(tmp.resolve("binary.tsv"), new byte[] {'1', ' ', 'd', ' ', (byte) 0xff, '\n'});

    assertThatThrownBy(() -> Qrels.read(empty)).isInstanceOf(BadInputException.class).hasMessageContaining("no judgements");
    assertThatThrownBy(() -> Qrels.read(binary)).isInstanceOf(BadInputException.class).hasMessageContaining("not UTF-8");
  }

  @Test
  void beir_queries_are_read_in_file_order_with_numeric_ids_as_text() throws IOException {
    Queries queries = Queries.read(Fixtures.path("eval/queries.jsonl"));

    assertThat(queries.all()).containsExactly(
        new Queries.Query("1", "Aspirin lowers the risk of heart attack."),
        new Queries.Query("2", "Coffee causes insomnia."),
        new Queries.Query("7", "Vitamin D prevents fractures in the elderly."));
  }

  @Test
  void restricting_queries_to_the_judged_ones_keeps_file_order() throws IOException {
    Queries queries = Queries.read(Fixtures.path("eval/queries.jsonl"));
    Qrels qrels = Qrels.of(Map.of("7", Map.of("doc-a", 1), "1", Map.of("doc-b", 0)));

    assertThat(queries.restrictTo(qrels).all()).extracting(Queries.Query::id).containsExactly("1", "7");
  }

  @Test
  void a_judged_query_without_text_is_a_mismatch_not_a_silent_zero() throws IOException {
    Queries queries = Queries.read(Fixtures.path("eval/queries.jsonl"));
    Qrels qrels = Qrels.of(Map.of("1", Map.of("doc-a", 1), "99", Map.of("doc-a", 1)));

    assertThatThrownBy(() -> queries.restrictTo(qrels))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("1 judged queries have no text here")
        .hasMessageContaining("99");
  }

  @Test
  void bad_query_lines_are_all_reported_with_file_and_line() {
    assertThatThrownBy(() -> Queries.read(Fixtures.path("eval/queries-bad.jsonl")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("queries-bad.jsonl:2")
        .hasMessageContaining("3 bad lines")
        .hasMessageContaining("line 2: invalid JSON")
        .hasMessageContaining("line 3: query 3 has no text")
        .hasMessageContaining("line 4: query id 1 appears twice");
  }

  @Test
  void queries_given_directly_must_have_distinct_ids() throws IOException {
    assertThatThrownBy(() -> Queries.of("inline", List.of(new Queries.Query("1", "a"), new Queries.Query("1", "b"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("query id 1 appears twice");
    assertThat(Queries.of("inline", List.of(new Queries.Query("1", "a"))).restrictTo(
        Qrels.of(Map.of("1", Map.of("d", 1)))).size()).isEqualTo(1);
  }
}
