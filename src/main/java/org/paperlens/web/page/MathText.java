package org.paperlens.web.page;

import org.paperlens.html.Html;
import org.paperlens.paper.TexText;
import org.paperlens.tex.KatexTex;
import org.paperlens.tex.TexLexer;
import org.paperlens.tex.TexRendering;
import org.paperlens.tex.TexToken;

/**
 * TeX math in titles and abstracts as HTML: each math span ({@code $...$}, {@code \(...\)},
 * {@code $$...$$}, {@code \[...\]}, as {@link TexLexer} finds them) becomes
 * {@code <span class="math" data-tex="...">} holding a Unicode rendering (symbols, and
 * superscripts and subscripts as tags) that reads well without JavaScript; its {@code data-tex} is
 * the span's TeX in the form KaTeX accepts ({@link KatexTex}), and pages with such spans load KaTeX
 * ({@link Templates}), which typesets it in place. Text outside math becomes its text. Everything
 * is HTML-escaped, so the output is safe to put in a page as it is.
 */
public final class MathText {

  /** What a math span starts with: {@link Templates} loads KaTeX on pages that have one. */
  static final String SPAN = "<span class=\"math\"";

  private MathText() {}

  /** Escaped HTML for {@code text}, with its math spans marked up for KaTeX and readable without it; empty for null. */
  static String html(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 32);
    for (TexToken t : TexLexer.tokens(text)) {
      switch (t) {
        case TexToken.Text run -> out.append(TexRendering.HTML.text(run.tex()));
        case TexToken.Math math -> {
          String tex = KatexTex.of(math.tex());
          String shown = TexRendering.HTML.math(math.tex());
          if (!tex.isEmpty()) {
            out.append(SPAN).append(math.display() ? " data-display=\"true\"" : "").append(" data-tex=\"").append(Html.escape(tex))
                .append("\">").append(shown).append("</span>");
          } else {
            out.append(shown);
          }
        }
      }
    }
    return out.toString();
  }

  /** Whether {@code text} has a math span, so its page needs the HTML form ({@link #html}). */
  static boolean hasMath(String text) {
    return TexLexer.hasMath(text);
  }

  /** The text with math reduced to plain Unicode and no TeX left: titles in plain contexts, teasers. */
  static String plain(String text) {
    return text == null ? "" : TexText.plain(text);
  }
}
