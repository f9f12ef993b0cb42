package org.paperlens.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main or test source file is longer than {@value #LIMIT} lines unless its first comment (line,
 * block or Javadoc, wherever it stands) says why, with the words of {@link #MARKER} followed by the
 * reason, e.g. {@code // Longer than 300 lines because the grammar's cases read best side by side.}
 * Past that size a class usually does several jobs; the marker makes an exception a decision.
 */
class FileLengthTest {

  static final int LIMIT = 300;
  static final String MARKER = "Longer than 300 lines because";

  private static final List<Path> ROOTS = List.of(Path.of("src/main/java"), Path.of("src/test/java"));
  private static final Pattern FIRST_COMMENT = Pattern.compile("//([^\\n]*)|/\\*(.*?)\\*/", Pattern.DOTALL);

  @Test
  void no_source_file_is_longer_than_300_lines_without_a_stated_reason() throws IOException {
    List<String> tooLong = new ArrayList<>();
    for (Path root : ROOTS) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          String text = Files.readString(file);
          long lines = text.lines().count();
          if (lines > LIMIT && !statesReason(text)) {
            tooLong.add(file + " (" + lines + " lines)");
          }
        }
      }
    }
    assertThat(tooLong).as("files over %d lines whose first comment does not say \"%s ...\"", LIMIT, MARKER).isEmpty();
  }

  @Test
  void the_reason_counts_only_in_the_first_comment_and_must_be_given() {
    assertThat(statesReason("// Longer than 300 lines because one grammar's cases belong together.\npackage a;"))
        .isTrue();
    assertThat(statesReason("package a;\n\n/**\n * Parses queries.\n *\n * <p>Longer than 300 lines\n * because the"
        + " grammar's cases read best side by side.\n */\nclass Q {}")).isTrue();
    assertThat(statesReason("package a;\n/** Parses queries. */\nclass Q {\n  // Longer than 300 lines because of x.\n}"))
        .as("a later comment does not count").isFalse();
    assertThat(statesReason("/** Longer than 300 lines because */ class Q {}")).as("a marker without a reason").isFalse();
    assertThat(statesReason("class Q {}")).isFalse();
  }

  /** Whether the first comment of {@code source} contains the marker followed by some reason. */
  static boolean statesReason(String source) {
    return firstComment(source)
        .map(c -> c.replaceAll("(?m)^\\s*\\*", " ").replaceAll("\\s+", " "))
        .map(c -> {
          int at = c.indexOf(MARKER);
          return at >= 0 && c.substring(at + MARKER.length()).replaceAll("[\\s.*/]", "").length() >= 3;
        })
        .orElse(false);
  }

  private static Optional<String> firstComment(String source) {
    String code = source.replaceAll("\"(?:\\\\.|[^\"\\\\\\n])*\"", "\"\""); // a "//" inside a string is no comment
    Matcher m = FIRST_COMMENT.matcher(code);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(m.group(1) != null ? m.group(1) : m.group(2));
  }
}
