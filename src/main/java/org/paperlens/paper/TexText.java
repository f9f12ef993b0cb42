package org.paperlens.paper;

import org.paperlens.tex.TexLexer;
import org.paperlens.tex.TexRendering;
import org.paperlens.tex.TexToken;

/**
 * The TeX in titles and abstracts, as readers want it where it cannot be typeset: math as Unicode
 * ({@code $\tilde{\mathcal{O}}(\frac{d^2}{n})$} → {@code Õ(d²/n)}), text commands as their text
 * ({@code \texttt{R3}} → {@code R3}, {@code \textsuperscript{3}} → {@code ³}), {@code \$} as a
 * dollar, citations and unknown commands dropped. Read by the scanner of {@link org.paperlens.tex}.
 * Used by the search index (so snippets, index terms and the words that explain a related paper
 * carry no TeX), by pages as the fallback of typeset math, and by feeds and mails. Pure and thread-safe.
 */
public final class TexText {

  private TexText() {}

  /** The text with its math as Unicode and its TeX text commands resolved; null stays null. */
  public static String plain(String text) {
    if (text == null || !mayHoldTex(text)) {
      return text; // the usual case: nothing to do, no copy
    }
    StringBuilder out = new StringBuilder(text.length());
    for (TexToken t : TexLexer.tokens(text)) {
      out.append(switch (t) {
        case TexToken.Text run -> TexRendering.PLAIN.text(run.tex());
        case TexToken.Math math -> TexRendering.PLAIN.math(math.tex());
      });
    }
    return out.toString();
  }

  private static boolean mayHoldTex(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '$' || c == '\\' || c == '{' || c == '}') {
        return true;
      }
    }
    return false;
  }
}
