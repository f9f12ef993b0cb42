package org.paperlens.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.common.BadInputException;

/** The Markdown table and its section in a docs page. */
class RelevanceReportTest {

  @TempDir Path tmp;

  /* One query judged d1=1: "keyword" ranks d1 first (all metrics 1), "semantic" finds nothing (all 0). */
  private static RelevanceReport report(String command) {
    Qrels qrels = Qrels.of(Map.of("q1", Map.of("d1", 1)));
    Run hit = Run.of(Map.of("q1", List.of(new ScoredDoc("d1", 1))));
    Run miss = Run.of(Map.of("q1", List.of()));
    return new RelevanceReport("scifact", "SciFact (BEIR), test split", command, "bge-small | int8",
        LocalDate.parse("2026-07-01"),
        List.of(new Evaluation("keyword", hit, Metrics.score(hit, qrels)),
            new Evaluation("semantic", miss, Metrics.score(miss, qrels))),
        List.of(new RelevanceReport.Anchor("BM25", Map.of(Metric.NDCG_AT_10, 0.665), "BEIR paper, Table 2")));
  }

  @Test
  void the_table_has_a_row_per_mode_the_metrics_as_columns_and_the_anchors_beside_it() {
    String md = report("bin/paperlens eval --dataset scifact").toMarkdown();

    assertThat(md).contains(
        "## SciFact (BEIR), test split",
        "Measured 2026-07-01, model: bge-small \\| int8. Command:",
        "```\nbin/paperlens eval --dataset scifact\n```",
        "| mode | nDCG@10 | Recall@100 | MRR@10 | queries |\n|---|---:|---:|---:|---:|\n"
            + "| keyword | 1.0000 | 1.0000 | 1.0000 | 1 |\n"
            + "| semantic | 0.0000 | 0.0000 | 0.0000 | 1 |\n",
        "| system | nDCG@10 | Recall@100 | MRR@10 | source |\n|---|---:|---:|---:|---|\n"
            + "| BM25 | 0.6650 | – | – | BEIR paper, Table 2 |\n");
  }

  @Test
  void a_missing_page_is_created_with_the_section_between_its_markers() throws IOException {
    Path page = tmp.resolve("docs/relevance.md");

    report("first").writeInto(page);

    String text = Files.readString(page);
    assertThat(text).startsWith("# Relevance\n");
    assertThat(text).contains("<!-- scifact:start -->\n## SciFact").endsWith("<!-- scifact:end -->\n");
  }

  @Test
  void rewriting_replaces_only_its_own_section_and_keeps_the_rest_of_the_page() throws IOException {
    Path page = tmp.resolve("relevance.md");
    Files.writeString(page, "# Relevance\n\nHand-written intro.\n\n<!-- scifact:start -->\nold numbers\n"
        + "<!-- scifact:end -->\n\nHand-written outro.\n\n<!-- other:start -->\nkept\n<!-- other:end -->\n");

    report("second run").writeInto(page);
    report("third run").writeInto(page);

    String text = Files.readString(page);
    assertThat(text).startsWith("# Relevance\n\nHand-written intro.\n\n<!-- scifact:start -->\n## SciFact")
        .contains("third run", "<!-- scifact:end -->\n\nHand-written outro.\n\n<!-- other:start -->\nkept\n<!-- other:end -->\n")
        .doesNotContain("old numbers", "second run");
  }

  @Test
  void a_page_without_the_markers_gets_the_section_appended() {
    String doc = MarkedSection.replace("# Relevance\n\nIntro.\n\n\n", "nfcorpus", "table");

    assertThat(doc).isEqualTo("# Relevance\n\nIntro.\n\n<!-- nfcorpus:start -->\ntable\n<!-- nfcorpus:end -->\n");
  }

  @Test
  void broken_markers_are_reported_not_guessed_at() throws IOException {
    Path page = tmp.resolve("relevance.md");
    Files.writeString(page, "<!-- scifact:end -->\n<!-- scifact:start -->\n");

    assertThatThrownBy(() -> report("x").writeInto(page))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("relevance.md")
        .hasMessageContaining("must appear once each, in that order");
    assertThat(Files.readString(page)).isEqualTo("<!-- scifact:end -->\n<!-- scifact:start -->\n");
  }

  @Test
  void a_section_name_that_would_break_the_markers_is_refused() {
    assertThatThrownBy(() -> MarkedSection.replace("", "two words", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'two words'");
  }
}
