package org.paperlens.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.paperlens.common.BadInputException;

/**
 * The line loop the evaluation inputs share (qrels, queries, run files): numbered lines, blank
 * lines skipped, and every bad line collected so that one error names them all.
 *
 * <p>Unlike an import, which skips a bad record and carries on, a bad line here fails the whole
 * read: a judgement or ranking silently dropped would change every number measured with it.
 */
final class TextLines {

  /** How many bad lines one message quotes; the count covers them all. */
  static final int QUOTED = 10;

  /** Handles one non-blank line; throws {@link BadLine} to reject it. */
  @FunctionalInterface
  interface Handler {
    void accept(long number, String line);
  }

  /** A line that cannot be used, and why. Cheap: no stack trace, as bad files can have many. */
  static final class BadLine extends RuntimeException {
    BadLine(String why) {
      super(why, null, false, false);
    }
  }

  private TextLines() {}

  static void read(Path path, Handler handler) throws IOException {
    String source = path.toString();
    List<String> quoted = new ArrayList<>();
    long firstBad = 0;
    long bad = 0;
    try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      long number = 0;
      String line;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          handler.accept(number, line);
        } catch (BadLine e) {
          if (bad++ == 0) {
            firstBad = number;
          }
          if (quoted.size() < QUOTED) {
            quoted.add("line " + number + ": " + e.getMessage());
          }
        }
      }
    } catch (CharacterCodingException e) {
      throw new BadInputException(source, "not UTF-8 text");
    }
    if (bad > 0) {
      throw new BadInputException(source + ":" + firstBad, bad + " bad line" + (bad == 1 ? "" : "s")
          + " (" + String.join("; ", quoted) + (bad > quoted.size() ? "; ..." : "") + ")");
    }
  }

  static String[] fields(String line) {
    return line.strip().split("\\s+");
  }
}
