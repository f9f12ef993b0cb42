package org.paperlens.tex;

import java.util.ArrayList;
import java.util.List;
import org.paperlens.tex.TexToken.Delimiter;

/**
 * Cuts a title or abstract into text runs and math spans: {@code $...$}, {@code $$...$$},
 * {@code \(...\)} and {@code \[...\]}, however long. {@code \$} is a literal dollar, never a
 * delimiter. A delimiter without its closing partner is literal text, not math to the end; a
 * span that starts with a digit ends at a {@code $} with no space before it and no digit after it,
 * else its {@code $} is money ({@code $5 and $10}, as in Pandoc; but {@code $\times$256} is math), and no span crosses a blank line. As in TeX, the
 * first {@code $} ends inline math ({@code $a$$b$} is two spans). A hand-written scanner, one pass, no regular expressions.
 */
public final class TexLexer {

  private TexLexer() {}

  /** The runs and spans of {@code text}, in order; adjacent text is one run. */
  public static List<TexToken> tokens(String text) {
    List<TexToken> out = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      int end = -1;
      Delimiter delimiter = null;
      int open = 0;
      if (c == '\\' && i + 1 < n) {
        char d = text.charAt(i + 1);
        if (d == '(' || d == '[') {
          delimiter = d == '(' ? Delimiter.PAREN : Delimiter.BRACKET;
          open = 2;
          end = closing(text, i + 2, d == '(' ? ')' : ']');
        } else { // \$, \\ and every other escape: both characters are text
          run.append(c).append(d);
          i += 2;
          continue;
        }
      } else if (c == '$') {
        boolean twice = i + 1 < n && text.charAt(i + 1) == '$';
        delimiter = twice ? Delimiter.DOUBLE_DOLLAR : Delimiter.DOLLAR;
        open = twice ? 2 : 1;
        end = dollar(text, i + open, twice);
      }
      if (end < 0) {
        run.append(text, i, i + Math.max(open, 1));
        i += Math.max(open, 1);
        continue;
      }
      String tex = text.substring(i + open, end);
      if (delimiter == Delimiter.DOLLAR && prose(tex)) {
        run.append(tex); // a sentence between dollars reads as text, the dollars dropped
      } else if (!tex.isBlank()) { // empty math typesets as nothing
        flush(run, out);
        out.add(new TexToken.Math(tex, delimiter));
      }
      i = end + open;
    }
    flush(run, out);
    return out;
  }

  /** Whether {@code text} has at least one math span. */
  public static boolean hasMath(String text) {
    if (text == null || (text.indexOf('$') < 0 && text.indexOf('\\') < 0)) {
      return false;
    }
    return tokens(text).stream().anyMatch(t -> t instanceof TexToken.Math);
  }

  private static void flush(StringBuilder run, List<TexToken> out) {
    if (!run.isEmpty()) {
      out.add(new TexToken.Text(run.toString()));
      run.setLength(0);
    }
  }

  /** Where the {@code \)} or {@code \]} closing a span that starts at {@code from} is, or -1. */
  private static int closing(String text, int from, char close) {
    for (int j = from; j < text.length() - 1; j++) {
      char c = text.charAt(j);
      if (c == '\\') {
        if (text.charAt(j + 1) == close) {
          return j;
        }
        j++; // an escaped character, whatever it is
      } else if (blankLine(text, j)) {
        return -1;
      }
    }
    return -1;
  }

  /** Where the {@code $} (or {@code $$}) closing a span that starts at {@code from} is, or -1. */
  private static int dollar(String text, int from, boolean twice) {
    int n = text.length();
    for (int j = from; j < n; j++) {
      char c = text.charAt(j);
      if (c == '\\') {
        j++; // \$ inside math is a dollar sign, not the end
      } else if (blankLine(text, j)) {
        return -1;
      } else if (c == '$') {
        if (twice) { // a lone $ cannot end display math
          return j + 1 < n && text.charAt(j + 1) == '$' ? j : -1;
        }
        if (Character.isDigit(text.charAt(from)) && !hasTex(text, from, j)
            && ((j + 1 < n && Character.isDigit(text.charAt(j + 1))) || Character.isWhitespace(text.charAt(j - 1)))) {
          return -1; // "$5 and $10", "$10 per $n$": prices, not math (but $\times$256, $5$ and $4 \times $ are)
        }
        return j; // as in TeX, the first $ ends inline math: $a$$b$ is two spans
      }
    }
    return -1;
  }

  /** Whether {@code text[from, to)} has a character only TeX gives meaning to. */
  private static boolean hasTex(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if ("\\^_{}".indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether math TeX holds prose: three words of three letters or more in a row, outside commands
   * and their braced arguments (which do not break a word). A span like that is a sentence between two stray dollars
   * ("alpha = 0.87$) and significant inter-dimension correlations (p < 0.001$)"), or words an author
   * put in math; either reads as text, where TeX would run it together in italics.
   */
  static boolean prose(String tex) {
    int words = 0;
    int letters = 0;
    for (int i = 0; i < tex.length(); i++) {
      char c = tex.charAt(i);
      if (c == '\\') {
        int end = skipCommand(tex, i);
        if (tex.charAt(end) != '}') { // a symbol (\cdot) is math; a styled letter (an underlined G of Grammar) is part of a word
          words = 0;
          letters = 0;
        }
        i = end;
      } else if (TexNodes.isLetter(c)) {
        letters++;
      } else {
        words = letters >= 3 ? words + 1 : letters > 0 ? 0 : words; // a word ends here ("inter" in "inter-dimension")
        if (words == 3) {
          return true;
        }
        letters = 0;
        if (c != ' ' && c != '\n') {
          words = 0; // only white space runs words together
        }
      }
    }
    return letters >= 3 && words == 2;
  }

  /** The index of the last character of the command at {@code i} with its braced argument, if one follows at once. */
  private static int skipCommand(String tex, int i) {
    int j = i + 1;
    while (j < tex.length() && TexNodes.isLetter(tex.charAt(j))) {
      j++;
    }
    if (j == i + 1) {
      return Math.min(i + 1, tex.length() - 1); // \$, \, and the like
    }
    if (j < tex.length() && tex.charAt(j) == '{') {
      for (int depth = 0; j < tex.length(); j++) {
        depth += tex.charAt(j) == '{' ? 1 : tex.charAt(j) == '}' ? -1 : 0;
        if (depth == 0) {
          return j;
        }
      }
    }
    return j - 1;
  }

  private static boolean blankLine(String text, int j) {
    if (text.charAt(j) != '\n') {
      return false;
    }
    for (int k = j + 1; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '\n') {
        return true;
      }
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return false;
  }
}
