package org.paperlens.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.paperlens.common.BadInputException;

/**
 * A generated section of a hand-written Markdown page, between {@code <!-- NAME:start -->} and
 * {@code <!-- NAME:end -->}. Re-running a measurement replaces its own section and leaves the
 * rest of the page, and the other sections, as they were.
 */
public final class MarkedSection {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private MarkedSection() {}

  static String start(String name) {
    return "<!-- " + name + ":start -->";
  }

  static String end(String name) {
    return "<!-- " + name + ":end -->";
  }

  /**
   * The document with section {@code name} set to {@code body} (markers included): replaced in
   * place when present, appended after a blank line when not.
   *
   * @throws IllegalArgumentException for a bad name, or for markers that are unpaired, repeated or
   *     out of order (a hand edit gone wrong, which guessing would make worse)
   */
  static String replace(String document, String name, String body) {
    checkName(name);
    String start = start(name);
    String end = end(name);
    String section = start + "\n" + body.strip() + "\n" + end;
    int s = document.indexOf(start);
    int e = document.indexOf(end);
    if (s < 0 && e < 0) {
      String before = document.stripTrailing();
      return (before.isEmpty() ? "" : before + "\n\n") + section + "\n";
    }
    if (s < 0 || e < 0 || e < s || document.indexOf(start, s + 1) >= 0 || document.indexOf(end, e + 1) >= 0) {
      throw new IllegalArgumentException("markers " + start + " and " + end
          + " must appear once each, in that order");
    }
    return document.substring(0, s) + section + document.substring(e + end.length());
  }

  static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("section name '" + name + "' must be letters, digits, '.', '_' or '-'");
    }
  }

  /**
   * Sets the section in {@code file}, creating the file (headed by {@code heading}) when missing.
   *
   * @throws BadInputException when the file's markers are broken
   */
  public static void writeInto(Path file, String name, String body, String heading) throws IOException {
    checkName(name);
    String document = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : heading.strip() + "\n";
    String updated;
    try {
      updated = replace(document, name, body);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(file.toString(), e.getMessage());
    }
    AtomicWrite.to(file, out -> out.write(updated));
  }
}
