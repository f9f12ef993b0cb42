package org.paperlens.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.common.BadInputException;
import org.paperlens.testing.Fixtures;

/** Rankings in trec_eval's order, and TREC run files written and read. */
class TrecRunFileTest {

  @TempDir Path tmp;

  @Test
  void ties_in_score_go_to_the_larger_document_id_as_in_trec_eval() {
    Run run = Run.of(Map.of("q", List.of(
        new ScoredDoc("a", 1), new ScoredDoc("c", 2), new ScoredDoc("b", 1), new ScoredDoc("z", -0.0),
        new ScoredDoc("y", 0.0))));

    assertThat(run.ranking("q")).extracting(ScoredDoc::docId).containsExactly("c", "b", "a", "z", "y");
  }

  @Test
  void document_ids_compare_by_code_point_like_strcmp_on_utf8_not_by_utf16_unit() {
    String emoji = "\uD83D\uDE00"; // U+1F600: after U+FFFD in code points, before it in UTF-16 units
    Run run = Run.of(Map.of("q", List.of(new ScoredDoc("\uFFFD", 1), new ScoredDoc(emoji, 1))));

    assertThat(run.ranking("q")).extracting(ScoredDoc::docId).containsExactly(emoji, "\uFFFD");
  }

  @Test
  void a_document_retrieved_twice_for_one_query_is_refused() {
    assertThatThrownBy(() -> Run.of(Map.of("q", List.of(new ScoredDoc("a", 1), new ScoredDoc("a", 0.5)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("query q retrieved document a twice");
  }

  @Test
  void a_run_file_is_read_as_trec_eval_reads_it_ranking_by_score_not_by_the_rank_column() throws IOException {
    Run run = TrecRunFile.read(Fixtures.path("eval/run.trec"));

    assertThat(run.queryIds()).containsExactly("7", "1");
    assertThat(run.ranking("7")).containsExactly(new ScoredDoc("doc-a", 0.5), new ScoredDoc("doc-z", 0.25));
    assertThat(run.ranking("1")).containsExactly(
        new ScoredDoc("doc-b", 1.5), new ScoredDoc("doc-a", 1.5), new ScoredDoc("doc-c", -0.002));
  }

  @Test
  void bad_run_lines_are_all_reported_with_file_and_line() {
    assertThatThrownBy(() -> TrecRunFile.read(Fixtures.path("eval/run-bad.trec")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("run-bad.trec:2")
        .hasMessageContaining("4 bad lines")
        .hasMessageContaining("line 2: expected 'qid Q0 docid rank score tag', found 5 fields")
        .hasMessageContaining("line 3: score 'high' is not a number")
        .hasMessageContaining("line 4: query 1 lists document doc-a twice")
        .hasMessageContaining("line 5: score 'NaN' is not a finite number");
  }

  @Test
  void a_written_run_has_ranks_from_one_in_trec_eval_order_and_reads_back_the_same() throws IOException {
    Map<String, List<ScoredDoc>> retrieved = new LinkedHashMap<>();
    retrieved.put("q2", List.of(new ScoredDoc("d1", 0.1f), new ScoredDoc("d2", 0.1f), new ScoredDoc("d3", 1e-7)));
    retrieved.put("q1", List.of(new ScoredDoc("d9", 3)));
    retrieved.put("q3", List.of());
    Run run = Run.of(retrieved);
    Path file = tmp.resolve("runs/bm25.trec");

    TrecRunFile.write(run, "bm25", file);

    assertThat(Files.readAllLines(file)).containsExactly(
        "q2 Q0 d2 1 0.10000000149011612 bm25",
        "q2 Q0 d1 2 0.10000000149011612 bm25",
        "q2 Q0 d3 3 1.0E-7 bm25",
        "q1 Q0 d9 1 3.0 bm25");
    Run back = TrecRunFile.read(file);
    assertThat(back.queryIds()).containsExactly("q2", "q1");
    assertThat(back.ranking("q2")).isEqualTo(run.ranking("q2"));
    assertThat(back.ranking("q1")).isEqualTo(run.ranking("q1"));
    assertThat(tmp.resolve("runs")).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void a_run_tag_with_whitespace_is_refused() {
    Run run = Run.of(Map.of("q", List.of(new ScoredDoc("d", 1))));

    assertThatThrownBy(() -> TrecRunFile.write(run, "my run", tmp.resolve("x.trec")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'my run'");
  }
}
