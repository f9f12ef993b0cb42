package org.paperlens.citation.store;

import java.util.regex.Pattern;

/**
 * What the sources send, made storable alike on both engines: PostgreSQL refuses the NUL
 * character in text (SQLite keeps it), and other control characters only break pages. Blank
 * becomes absent; a title longer than any real one is cut.
 */
final class Text {

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]+");
  private static final Pattern SPACE = Pattern.compile("\\s+");
  /** Far above any real title or name, far below what a bad answer might send. */
  static final int MAX = 2_000;

  private Text() {}

  /** {@code s} on one line without control characters, at most {@link #MAX} characters; null when blank. */
  static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = SPACE.matcher(CONTROL.matcher(s).replaceAll("")).replaceAll(" ").strip();
    if (t.length() > MAX) {
      t = t.substring(0, Character.isHighSurrogate(t.charAt(MAX - 1)) ? MAX - 1 : MAX);
    }
    return t.isEmpty() ? null : t;
  }

  /** An identifier: cleaned, and absent when it is longer than any real one. */
  static String id(String s) {
    String t = clean(s);
    return t == null || t.length() > 300 ? null : t;
  }
}
