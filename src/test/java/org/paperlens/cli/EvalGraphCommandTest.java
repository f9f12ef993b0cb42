package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.testing.Cli;
import org.paperlens.testing.Fixtures;

/** The eval-graph command end to end on the five-paper fixture: the wiring, not the figures. */
class EvalGraphCommandTest {

  @Test
  void eval_graph_reports_text_graph_and_fused_rankings_into_the_page(@TempDir Path out) throws Exception {
    Path dir = Fixtures.path("beir-mini");
    Path report = out.resolve("relevance.md");
    // a share just under 1 hides each of the three one-link papers' links (seeded: the same every run)
    Cli.Result r = Cli.run("eval-graph", "--data", out.resolve("data").toString(),
        "--corpus", dir.resolve("corpus.jsonl").toString(), "--links", dir.resolve("citations.tsv").toString(),
        "--holdout", "0.99", "--seed", "1", "--report", report.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("| text only |").contains("| graph only: idf + bridges |").contains("| fused: ")
        .contains("ranking (tuning half)").contains("ranking (reported half)");
    assertThat(Files.readString(report)).contains("<!-- graph-beir-mini:start -->")
        .contains("## " + EvalGraphCommand.SECTION_TITLE).contains("--holdout 0.99 --seed 1").contains("Hardware: ");
  }

  @Test
  void a_hold_out_share_outside_zero_to_one_is_refused_with_the_value(@TempDir Path out) {
    Path dir = Fixtures.path("beir-mini");
    Cli.Result r = Cli.run("eval-graph", "--data", out.resolve("data").toString(),
        "--corpus", dir.resolve("corpus.jsonl").toString(), "--links", dir.resolve("citations.tsv").toString(),
        "--holdout", "1.5");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--holdout").contains("1.5");
  }
}
