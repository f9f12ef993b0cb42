package org.paperlens.web.page;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperlens.html.Html;
import org.paperlens.paper.TexText;

/**
 * TeX math in titles and abstracts as HTML: each {@code $...$} span becomes
 * {@code <span class="math" data-tex="...">} holding a Unicode rendering (symbols, and
 * {@code ^}/{@code _} as superscripts and subscripts) that reads well without JavaScript; pages
 * with such spans load KaTeX ({@link Templates}), which typesets the TeX in place. Text commands
 * outside math ({@code \texttt{}}, {@code \citep{}}) become their text. Everything is
 * HTML-escaped, so the output is safe to put in a page as it is.
 */
public final class MathText {

  /** What a math span starts with: {@link Templates} loads KaTeX on pages that have one. */
  static final String SPAN = "<span class=\"math\"";

  private static final Pattern SCRIPT = Pattern.compile("([\\^_])(?:\\{([^{}]{1,60})\\}|([A-Za-z0-9]))");

  private MathText() {}

  /** Escaped HTML for {@code text}, with its math spans marked up for KaTeX and readable without it; empty for null. */
  static String html(String text) {
    if (text == null) {
      return "";
    }
    Matcher m = TexText.MATH.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 32);
    int last = 0;
    while (m.find()) {
      out.append(Html.escape(TexText.textCommands(text.substring(last, m.start()))));
      boolean display = m.group().startsWith("$$");
      out.append(SPAN).append(display ? " data-display=\"true\"" : "").append(" data-tex=\"").append(Html.escape(m.group(1)))
          .append("\">").append(math(m.group(1))).append("</span>");
      last = m.end();
    }
    out.append(Html.escape(TexText.textCommands(text.substring(last))));
    return out.toString();
  }

  /** Whether {@code text} has a math span, so its page needs the HTML form ({@link #html}). */
  static boolean hasMath(String text) {
    return text != null && text.indexOf('$') >= 0 && TexText.MATH.matcher(text).find();
  }

  /** The text with math reduced to plain Unicode and no TeX left: titles in plain contexts, teasers. */
  static String plain(String text) {
    return text == null ? "" : TexText.plain(text);
  }

  private static String math(String tex) {
    String s = Html.escape(TexText.math(tex, false));
    s = SCRIPT.matcher(s).replaceAll(m -> {
      String body = m.group(2) != null ? m.group(2) : m.group(3);
      String tag = m.group(1).equals("^") ? "sup" : "sub";
      return "<" + tag + ">" + Matcher.quoteReplacement(body) + "</" + tag + ">";
    });
    return s.replace("{", "").replace("}", "");
  }
}
