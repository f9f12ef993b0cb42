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
 *
 * <p>Characters that no text means and XML cannot carry are dropped: C0 controls other than tab
 * and line breaks (a NUL in one title once made every feed that listed it fail), DEL, the
 * non-characters U+FFFE and U+FFFF, and halves of surrogate pairs without their other half.
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
    String s = SPACES.matcher(Normalizer.normalize(withoutControls(raw), Normalizer.Form.NFC)).replaceAll(" ").strip();
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
    String text = Normalizer.normalize(withoutControls(raw), Normalizer.Form.NFC).strip();
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

  /** {@code raw} without the characters listed in the class comment; the same string when it has none (the usual case). */
  public static String withoutControls(String raw) {
    int first = firstUnwanted(raw, 0);
    if (first < 0) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    int from = 0;
    for (int i = first; i >= 0; i = firstUnwanted(raw, from)) {
      out.append(raw, from, i);
      from = i + 1;
    }
    return out.append(raw, from, raw.length()).toString();
  }

  private static int firstUnwanted(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c == 0x7F || c == 0xFFFE || c == 0xFFFF) {
        return i;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++; // a whole pair: a character beyond the Basic Multilingual Plane
        } else {
          return i;
        }
      } else if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}
