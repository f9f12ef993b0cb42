package org.paperlens.ingest;

import java.util.ArrayList;
import java.util.List;
import org.paperlens.paper.PaperText;

/**
 * Splits arXiv's free-text author lines ({@code "A. Smith, B. Jones and C. Wu (MIT)"}) into
 * names. Commas and the word "and" separate authors only outside parentheses, where arXiv puts
 * affiliations; the affiliation text stays with the name it follows.
 */
final class AuthorList {

  private AuthorList() {}

  static List<String> split(String line) {
    String s = PaperText.inline(line);
    List<String> names = new ArrayList<>();
    if (s == null) {
      return names;
    }
    StringBuilder current = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '(') {
        depth++;
      } else if (ch == ')' && depth > 0) {
        depth--;
      }
      if (depth == 0 && ch == ',') {
        add(names, current);
      } else if (depth == 0 && s.startsWith(" and ", i)) {
        add(names, current);
        i += 4;
      } else {
        current.append(ch);
      }
    }
    add(names, current);
    return names;
  }

  /**
   * A name from its parts as arXiv stores them ({@code keyname}, {@code forenames}, {@code suffix}),
   * in reading order: {@code "R. W. Ogburn IV"}. Null when every part is blank.
   */
  static String fullName(String keyname, String forenames, String suffix) {
    return PaperText.inline(String.join(" ", orEmpty(forenames), orEmpty(keyname), orEmpty(suffix)));
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static void add(List<String> names, StringBuilder current) {
    String name = PaperText.inline(current.toString());
    if (name != null && !name.equalsIgnoreCase("and")) {
      names.add(name.startsWith("and ") ? name.substring(4) : name);
    }
    current.setLength(0);
  }
}
