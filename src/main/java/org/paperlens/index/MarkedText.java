package org.paperlens.index;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Text with some ranges of it marked: a snippet of an abstract with the query's matches. Neutral
 * about where it is shown: the web renders it as HTML ({@code <mark>}, the rest escaped by
 * {@code org.paperlens.html.Html}), the terminal as plain text with matches in brackets.
 *
 * @param text the text as written, not escaped
 * @param marks the marked ranges, in order, not overlapping, not empty, inside {@code text}
 */
public record MarkedText(String text, List<Mark> marks) {

  /** Nothing to show. */
  public static final MarkedText EMPTY = new MarkedText("", List.of());

  /** The characters {@code [start, end)} of the text. */
  public record Mark(int start, int end) {
    public Mark {
      if (start < 0 || end <= start) {
        throw new IllegalArgumentException("not a range of text: [" + start + ", " + end + ")");
      }
    }
  }

  public MarkedText {
    if (text == null) {
      throw new IllegalArgumentException("text is null");
    }
    marks = List.copyOf(marks);
    int at = 0;
    for (Mark m : marks) {
      if (m.start() < at || m.end() > text.length()) {
        throw new IllegalArgumentException("marks must be in order, apart and inside the text: " + marks);
      }
      at = m.end();
    }
  }

  /** Text with nothing marked; null reads as empty. */
  public static MarkedText plain(String text) {
    return text == null ? EMPTY : new MarkedText(text, List.of());
  }

  /**
   * Text whose marked ranges are between {@code open} and {@code close} characters (as an engine's
   * highlighter writes them), those characters removed. Lenient: an {@code open} inside a mark or a
   * {@code close} outside one is dropped, and a mark left open ends with the text.
   */
  public static MarkedText fromTagged(String tagged, char open, char close) {
    if (tagged == null) {
      return EMPTY;
    }
    StringBuilder text = new StringBuilder(tagged.length());
    List<Mark> marks = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < tagged.length(); i++) {
      char c = tagged.charAt(i);
      if (c == open) {
        if (start < 0) {
          start = text.length();
        }
      } else if (c == close) {
        if (start >= 0 && text.length() > start) {
          marks.add(new Mark(start, text.length()));
        }
        start = -1;
      } else {
        text.append(c);
      }
    }
    if (start >= 0 && text.length() > start) {
      marks.add(new Mark(start, text.length()));
    }
    return new MarkedText(text.toString(), marks);
  }

  /**
   * The text with each mark between {@code open} and {@code close}, every piece of the text (marked
   * or not) passed through {@code escape} first; {@code open} and {@code close} are written as given.
   */
  public String render(UnaryOperator<String> escape, String open, String close) {
    StringBuilder out = new StringBuilder(text.length() + marks.size() * (open.length() + close.length()) + 16);
    int at = 0;
    for (Mark m : marks) {
      out.append(escape.apply(text.substring(at, m.start()))).append(open)
          .append(escape.apply(text.substring(m.start(), m.end()))).append(close);
      at = m.end();
    }
    return out.append(escape.apply(text.substring(at))).toString();
  }

  /** The marked pieces of the text, in order. */
  public List<String> marked() {
    return marks.stream().map(m -> text.substring(m.start(), m.end())).toList();
  }
}
