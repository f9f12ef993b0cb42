package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}'s citation flags and variables: a bad value stops it before anything starts, quoting the value. */
class ServeCitationFlagsTest {

  @TempDir Path tmp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int serve(Map<String, String> env, String... flags) {
    String[] args = new String[flags.length + 3];
    args[0] = "--data";
    args[1] = tmp.resolve("data").toString();
    args[2] = "serve";
    System.arraycopy(flags, 0, args, 3, flags.length);
    return Main.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void a_bad_flag_value_is_a_usage_error_quoting_it() {
    assertThat(serve(Map.of(), "--openalex", "--openalex-url", "ftp://example.org")).isEqualTo(2);
    assertThat(err.toString()).contains("--openalex-url must be an http(s) URL without a query, was 'ftp://example.org'");
  }

  @Test
  void a_bad_variable_is_a_usage_error_quoting_it() {
    assertThat(serve(Map.of("PAPERLENS_S2", "sometimes"))).isEqualTo(2);
    assertThat(err.toString()).contains("$PAPERLENS_S2 must be on or off, was 'sometimes'");
  }

  @Test
  void the_help_names_the_flag_and_the_variable_of_each_source() {
    assertThat(serve(Map.of(), "--help")).isZero();
    assertThat(out.toString()).contains("--[no-]openalex", "PAPERLENS_OPENALEX", "--[no-]semantic-scholar", "PAPERLENS_S2",
        "--openalex-mailto", "PAPERLENS_S2_API_KEY");
  }
}
