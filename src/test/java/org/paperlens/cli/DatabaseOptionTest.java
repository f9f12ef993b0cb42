package org.paperlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.testing.Cli;

/** {@code --db}: a value that names no database is a usage error; one that cannot be reached, a catalogue error. */
class DatabaseOptionTest {

  @TempDir Path tmp;

  @Test
  void a_db_that_is_not_a_jdbc_url_of_a_known_engine_is_a_usage_error_quoting_it() {
    Cli.Result r = Cli.run("--data", tmp.toString(), "--db", "mysql://db/x", "stats");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("'mysql://db/x'").contains("jdbc:postgresql://");
  }

  @Test
  void an_unreachable_postgresql_is_a_catalogue_error_that_never_shows_the_password() {
    Cli.Result r = Cli.run("--data", tmp.toString(), "--db", "jdbc:postgresql://127.0.0.1:1/x?user=u&password=s3cret", "stats");
    assertThat(r.code()).isEqualTo(4);
    assertThat(r.err()).contains("catalogue error").contains("jdbc:postgresql://127.0.0.1:1/x").doesNotContain("s3cret");
  }
}
