package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.testing.Cli;
import org.paperlens.testing.Fixtures;

/**
 * A terminal shows a snippet as the abstract's own text: no HTML character references (the
 * highlighter's {@code &#x2F;} for a slash, {@code &#39;} for an apostrophe) and matches in brackets.
 */
class SearchSnippetTextTest {

  @TempDir static Path data;

  @BeforeAll
  static void importAndIndex() {
    assertThat(Cli.run("import", "--data", data.toString(), Fixtures.path("snippet-text.jsonl").toString()).code()).isZero();
    Cli.Result r = Cli.run("reindex", "--data", data.toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  @Test
  void search_shows_slashes_and_apostrophes_in_snippets_as_written() {
    Cli.Result r = Cli.run("search", "--data", data.toString(), "--mode", "keyword", "decoder attention");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith(" 1. 2402.00201  Encoder/Decoder Attention Without Tears")
        .contains("encoder/[decoder] [attention] and show the [decoder's] cross-[attention]")
        .contains("model's input/output latency")
        .doesNotContain("&#").doesNotContain("&amp;").doesNotContain("<mark>");
  }

  @Test
  void a_snippet_without_a_match_is_the_start_of_the_abstract_as_written() {
    Cli.Result r = Cli.run("search", "--data", data.toString(), "--mode", "keyword", "au:O'Neill");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Siobhan O'Neill").contains("    We revisit encoder/decoder attention and show the decoder's")
        .doesNotContain("&#");
  }
}
