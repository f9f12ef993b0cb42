package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.search.ManyPapers;
import org.paperlens.testing.Cli;

/** {@code paperlens search} says "1,000+" past the counting bound, and its JSON says the total is a lower bound. */
class BoundedTotalCliTest {

  @TempDir static Path data;

  @BeforeAll
  static void importAndIndex() {
    Path file = ManyPapers.write(data);
    assertThat(Cli.run("import", "--data", data.toString(), file.toString()).code()).isZero();
    Cli.Result r = Cli.run("reindex", "--data", data.toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  @Test
  void past_the_bound_the_total_is_a_lower_bound_in_text_and_json() {
    Cli.Result text = Cli.run("search", "--data", data.toString(), "--mode", "keyword", "sparse graphs");
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out()).contains("(1,000+ papers have all the words; ");
    Cli.Result json = Cli.run("search", "--data", data.toString(), "--mode", "keyword", "--json", "sparse graphs");
    assertThat(json.out()).contains("\"total\" : 1000", "\"totalExact\" : false");
  }

  @Test
  void under_the_bound_the_total_is_exact() {
    Cli.Result json = Cli.run("search", "--data", data.toString(), "--mode", "keyword", "--json", "sparse lattice");
    assertThat(json.out()).contains("\"total\" : 110", "\"totalExact\" : true");
  }
}
