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
      if (!tex.isBlank()) { // empty math typesets as nothing
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
        if (Character.isDigit(text.charAt(from))
            && ((j + 1 < n && Character.isDigit(text.charAt(j + 1))) || Character.isWhitespace(text.charAt(j - 1)))) {
          return -1; // "$5 and $10", "$10 per $n$": prices, not math (but $\times$256 and $5$ are)
        }
        return j; // as in TeX, the first $ ends inline math: $a$$b$ is two spans
      }
    }
    return -1;
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
