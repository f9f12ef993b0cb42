package org.paperlens.paper;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whitespace normalisation for text that arrives hard-wrapped from arXiv and friends.
 *
 * <p>Only layout changes: characters, TeX markup ({@code $x^2$}, {@code \"a}) and paragraph
 * structure are kept exactly, so nothing the author wrote is lost. Text is put in Unicode NFC so
 * that the same title typed two ways compares equal.
 */
public final class PaperText {

  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");
  private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");

  private PaperText() {}

  /** A one-line field (title, author, comment): every run of white space becomes one space. */
  public static String inline(String raw) {
    if (raw == null) {
      return null;
    }
    String s = SPACES.matcher(Normalizer.normalize(raw, Normalizer.Form.NFC)).replaceAll(" ").strip();
    return s.isEmpty() ? null : s;
  }

  /**
   * An abstract: wrapped lines are joined; paragraphs are kept, separated by a blank line.
   *
   * <p>arXiv marks a new paragraph in an abstract by indenting its first line (or by a blank
   * line), so a line break followed by white space starts a paragraph; a bare line break is only
   * the submitter's wrapping.
   */
  public static String paragraphs(String raw) {
    if (raw == null) {
      return null;
    }
    String text = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
    List<String> paragraphs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : LINE_BREAK.split(text, -1)) {
      boolean startsParagraph = line.isBlank() || Character.isWhitespace(line.charAt(0));
      if (startsParagraph && !current.isEmpty()) {
        paragraphs.add(current.toString());
        current.setLength(0);
      }
      String piece = inline(line);
      if (piece != null) {
        if (!current.isEmpty()) {
          current.append(' ');
        }
        current.append(piece);
      }
    }
    if (!current.isEmpty()) {
      paragraphs.add(current.toString());
    }
    return paragraphs.isEmpty() ? null : String.join("\n\n", paragraphs);
  }
}
