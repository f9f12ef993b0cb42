package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.testing.Cli;
import org.paperlens.testing.Fixtures;

/** recommend through the command line on the search corpus, without embeddings (words only). */
class RecommendCommandTest {

  @TempDir static Path data;

  @BeforeAll
  static void importAndIndex() {
    assertThat(Cli.run("import", "--data", data.toString(), Fixtures.path("search-corpus.jsonl").toString(),
        Fixtures.path("recommend-extra.jsonl").toString()).code()).isZero();
    Cli.Result r = Cli.run("reindex", "--data", data.toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  @Test
  void recommends_from_likes_with_a_reason_per_paper() {
    Cli.Result r = Cli.run("recommend", "--data", data.toString(), "--like", "2401.00101", "2401.00109",
        "--since", "3650", "--k", "3");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("3 of 9 candidates listed 2014-03-19 to 2024-03-15, by learned:")
        .contains(" 1. ").contains("words \u201c");
    String first = r.out().lines().filter(l -> l.startsWith(" 1. ")).findFirst().orElseThrow();
    assertThat(first).containsAnyOf("2401.00105", "2401.00111");
  }

  @Test
  void json_carries_the_structured_explanation() {
    Cli.Result r = Cli.run("recommend", "--data", data.toString(), "--like", "2401.00101,2401.00109",
        "--dislike", "2401.00102", "--since", "3650", "--json", "--method", "centroid");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"method\" : \"centroid\"").contains("\"explanation\"").contains("\"terms\"")
        .contains("\"likedPapers\"").contains("\"reason\"").doesNotContain("\"id\" : \"2401.00102\"");
  }

  @Test
  void one_liked_paper_shows_its_related_papers() {
    Cli.Result r = Cli.run("recommend", "--data", data.toString(), "--like", "2401.00101", "--since", "3650");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("note: one liked paper: showing its related papers").containsPattern("\\d+ related papers listed 2014-03-19 to 2024-03-15:");
  }

  @Test
  void no_likes_is_an_empty_answer_with_its_reason() {
    Cli.Result r = Cli.run("recommend", "--data", data.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("no recommendations: no liked papers");
  }

  @Test
  void unknown_ids_exit_3_naming_them_and_bad_options_exit_2() {
    Cli.Result r = Cli.run("recommend", "--data", data.toString(), "--like", "2401.00101", "2999.00001",
        "--dislike", "nope:1");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("'2999.00001'").contains("'nope:1'").doesNotContain("Exception");
    assertThat(Cli.run("recommend", "--data", data.toString(), "--like", "2401.00101", "--k", "0").code()).isEqualTo(2);
    assertThat(Cli.run("recommend", "--data", data.toString(), "--like", "2401.00101", "--since", "0").code()).isEqualTo(2);
    assertThat(Cli.run("recommend", "--data", data.toString(), "--like", "2401.00101", "--method", "magic").code()).isEqualTo(2);
  }
}
