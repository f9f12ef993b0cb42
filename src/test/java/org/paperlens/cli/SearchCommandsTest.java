package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.testing.Cli;
import org.paperlens.testing.Fixtures;

/** reindex, search and eval through the command line, keyword mode (no model needed). */
class SearchCommandsTest {

  @TempDir static Path data;

  @BeforeAll
  static void importAndIndex() {
    assertThat(Cli.run("import", "--data", data.toString(), Fixtures.path("search-corpus.jsonl").toString()).code()).isZero();
    Cli.Result r = Cli.run("reindex", "--data", data.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("indexed 11 papers (0 with vectors)");
  }

  @Test
  void search_prints_ranked_results_with_marked_snippets() {
    Cli.Result r = Cli.run("search", "--data", data.toString(), "--mode", "keyword", "sparse attention");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith(" 1. 2401.00102  Sparse Attention for Long Documents").contains("[sparse] [attention]");
  }

  @Test
  void search_json_carries_ids_scores_and_paging() {
    Cli.Result r = Cli.run("search", "--data", data.toString(), "--mode", "keyword", "--json", "--limit", "1",
        "--category", "cs.LG", "molecular");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\"id\" : \"2401.00109\"").contains("\"more\" : true").contains("\"mode\" : \"keyword\"");
  }

  @Test
  void search_sorts_newest_first_or_by_citations_and_an_unknown_order_exits_2() {
    Cli.Result relevance = Cli.run("search", "--data", data.toString(), "--mode", "keyword", "molecular OR attention");
    Cli.Result newest = Cli.run("search", "--data", data.toString(), "--mode", "keyword", "--sort", "date", "--json",
        "molecular OR attention");
    assertThat(newest.code()).as(newest.err()).isZero();
    assertThat(newest.out()).contains("\"sort\" : \"date\"");
    // 2401.00101 and 2401.00102 were both listed on 2024-01-03: they keep their relevance order.
    java.util.List<String> byRelevance = ids(Cli.run("search", "--data", data.toString(), "--mode", "keyword", "--json",
        "molecular OR attention").out());
    assertThat(byRelevance.indexOf("2401.00102")).isLessThan(byRelevance.indexOf("2401.00101"));
    assertThat(byRelevance.getFirst()).isNotEqualTo("2401.00110");
    assertThat(ids(newest.out())).containsExactly("2401.00110", "2401.00109", "2401.00102", "2401.00101");
    // No source has counted any paper here: every count is unknown, so the relevance order stands.
    Cli.Result cited = Cli.run("search", "--data", data.toString(), "--mode", "keyword", "--sort", "citations",
        "molecular OR attention");
    assertThat(cited.code()).as(cited.err()).isZero();
    assertThat(cited.out().replaceAll("\\d+ ms", "ms")).isEqualTo(relevance.out().replaceAll("\\d+ ms", "ms"));
    assertThat(relevance.out()).contains("(4 papers match the query; ");
    assertThat(Cli.run("search", "--data", data.toString(), "--sort", "stars", "x").code()).isEqualTo(2);
  }

  @Test
  void search_requires_every_word_unless_told_any_says_what_it_counted_and_sorts_by_votes() {
    Cli.Result all = Cli.run("search", "--data", data.toString(), "--mode", "keyword", "--json", "diffusion models");
    assertThat(all.code()).as(all.err()).isZero();
    assertThat(ids(all.out())).containsExactly("2401.00104");
    assertThat(all.out()).contains("\"match\" : \"all\"", "\"total\" : 1");
    Cli.Result any = Cli.run("search", "--data", data.toString(), "--mode", "keyword", "--match", "any", "--json", "diffusion models");
    assertThat(ids(any.out())).containsExactlyInAnyOrder("2401.00104", "2401.00106", "2401.00110");
    assertThat(Cli.run("search", "--data", data.toString(), "--mode", "keyword", "diffusion models").out())
        .contains("(1 paper has all the words; ");
    assertThat(Cli.run("search", "--data", data.toString(), "--mode", "keyword", "diffusion robots").out())
        .contains("no results (no paper has all the words; --match any finds papers with some of them)");
    // Nobody voted here: a sort by votes keeps the relevance order.
    Cli.Result votes = Cli.run("search", "--data", data.toString(), "--mode", "keyword", "--sort", "votes", "--json", "molecular OR attention");
    assertThat(votes.out()).contains("\"sort\" : \"votes\"");
    assertThat(ids(votes.out())).isEqualTo(ids(Cli.run("search", "--data", data.toString(), "--mode", "keyword", "--json",
        "molecular OR attention").out()));
    assertThat(Cli.run("search", "--data", data.toString(), "--match", "some", "x").code()).isEqualTo(2);
  }

  private static java.util.List<String> ids(String json) {
    return java.util.regex.Pattern.compile("\"id\" : \"([^\"]+)\"").matcher(json).results().map(m -> m.group(1)).toList();
  }

  @Test
  void a_malformed_query_exits_3_and_bad_options_exit_2() {
    Cli.Result bad = Cli.run("search", "--data", data.toString(), "--mode", "keyword", "(unclosed");
    assertThat(bad.code()).isEqualTo(3);
    assertThat(bad.err()).contains("bad query").contains("(unclosed").doesNotContain("Exception");
    assertThat(Cli.run("search", "--data", data.toString(), "--mode", "fuzzy", "x").code()).isEqualTo(2);
    assertThat(Cli.run("search", "--data", data.toString(), "--from", "2024-05-01", "--to", "2024-01-01", "x").code())
        .isEqualTo(2);
    assertThat(Cli.run("search", "--data", data.toString(), "--limit", "0", "x").code()).isEqualTo(2);
  }

  @Test
  void searching_before_any_index_exists_says_how_to_build_one(@TempDir Path empty) {
    Cli.Result r = Cli.run("search", "--data", empty.toString(), "--mode", "keyword", "x");
    assertThat(r.code()).isEqualTo(4);
    assertThat(r.err()).contains("paperlens reindex");
  }

  @Test
  void eval_scores_a_beir_benchmark_and_writes_the_report_and_run_file(@TempDir Path out) throws Exception {
    Path dir = Fixtures.path("beir-mini");
    Path report = out.resolve("relevance.md");
    Cli.Result r = Cli.run("eval", "--data", out.resolve("data").toString(), "--mode", "keyword",
        "--corpus", dir.resolve("corpus.jsonl").toString(), "--queries", dir.resolve("queries.jsonl").toString(),
        "--qrels", dir.resolve("qrels/test.tsv").toString(), "--name", "mini",
        "--report", report.toString(), "--run-dir", out.resolve("runs").toString());
    assertThat(r.code()).as(r.err()).isZero();
    // Every judged query finds its one relevant document first, even with query syntax in the text.
    assertThat(r.out()).contains("keyword        nDCG@10 1.0000  Recall@100 1.0000  MRR@10 1.0000  (3 queries)");
    assertThat(Files.readString(report)).contains("<!-- mini-test-bge-small-en-v1.5-q:start -->").contains("| keyword | 1.0000");
    assertThat(Files.readAllLines(out.resolve("runs/mini-keyword.trec")))
        .anySatisfy(l -> assertThat(l).startsWith("q1 Q0 d1 1 "));
  }

  @Test
  void eval_at_a_shorter_cut_keeps_its_vectors_apart_and_says_so_in_the_report(@TempDir Path out) throws Exception {
    Path dir = Fixtures.path("beir-mini");
    Path report = out.resolve("relevance.md");
    Cli.Result r = Cli.run("eval", "--data", out.resolve("data").toString(), "--mode", "semantic", "--max-tokens", "64",
        "--corpus", dir.resolve("corpus.jsonl").toString(), "--queries", dir.resolve("queries.jsonl").toString(),
        "--qrels", dir.resolve("qrels/test.tsv").toString(), "--name", "mini", "--report", report.toString());
    assertThat(r.code()).as(r.err()).isZero();
    // Vectors cut at 64 tokens live in their own data set, so a run at the full limit never reuses them.
    assertThat(out.resolve("data/eval/mini-max64")).isDirectory();
    assertThat(out.resolve("data/eval/mini")).doesNotExist();
    assertThat(Files.readString(report)).contains("<!-- mini-max64-test-bge-small-en-v1.5-q:start -->")
        .contains("eval --max-tokens 64 --corpus");
    Cli.Result tiny = Cli.run("eval", "--data", out.resolve("data").toString(), "--mode", "semantic", "--max-tokens", "3",
        "--corpus", dir.resolve("corpus.jsonl").toString(), "--queries", dir.resolve("queries.jsonl").toString(),
        "--qrels", dir.resolve("qrels/test.tsv").toString());
    assertThat(tiny.code()).isNotZero();
    assertThat(tiny.err()).contains("at least 16");
  }

  @Test
  void eval_related_scores_citation_prediction_for_each_ranking(@TempDir Path out) throws Exception {
    Path dir = Fixtures.path("beir-mini");
    Path report = out.resolve("relevance.md");
    Cli.Result r = Cli.run("eval-related", "--data", out.resolve("data").toString(),
        "--corpus", dir.resolve("corpus.jsonl").toString(), "--links", dir.resolve("citations.tsv").toString(),
        "--weights", "0.4", "--report", report.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("| dense |").contains("| lexical |").contains("| combined:w0.4 |").contains("| 5 |");
    assertThat(Files.readString(report)).contains("<!-- related-beir-mini:start -->");
  }

  @Test
  void related_lists_neighbours_with_reasons_and_rejects_unknown_ids() {
    Cli.Result r = Cli.run("related", "--data", data.toString(), "2401.00101", "--k", "3");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith(" 1. ").contains("shares").doesNotContain("2401.00101  Graph");
    Cli.Result unknown = Cli.run("related", "--data", data.toString(), "2999.99999");
    assertThat(unknown.code()).isEqualTo(3);
    assertThat(unknown.err()).contains("no paper '2999.99999'");
  }
}
