package org.paperlens.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperlens.html.Html;

/**
 * Shows TeX math in abstracts cleanly without a JavaScript renderer: {@code $...$} spans become
 * {@code <span class="math">} with common commands as Unicode symbols and {@code ^}/{@code _} as
 * superscripts and subscripts. Why not KaTeX: its script, styles and fonts are several hundred KB,
 * far over the 100 KB page budget, and arXiv abstracts use little beyond symbols and scripts.
 * The text is HTML-escaped first, so the output is safe to put in a page as it is.
 */
final class MathText {

  private static final Pattern INLINE = Pattern.compile("\\$\\$?([^$]{1,300}?)\\$\\$?");
  private static final Pattern COMMAND = Pattern.compile("\\\\([A-Za-z]+)");
  private static final Pattern SCRIPT = Pattern.compile("([\\^_])(?:\\{([^{}]{1,60})\\}|([A-Za-z0-9]))");
  private static final Map<String, String> SYMBOLS = Map.ofEntries(
      Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
      Map.entry("epsilon", "ε"), Map.entry("varepsilon", "ε"), Map.entry("zeta", "ζ"), Map.entry("eta", "η"),
      Map.entry("theta", "θ"), Map.entry("kappa", "κ"), Map.entry("lambda", "λ"), Map.entry("mu", "μ"),
      Map.entry("nu", "ν"), Map.entry("xi", "ξ"), Map.entry("pi", "π"), Map.entry("rho", "ρ"),
      Map.entry("sigma", "σ"), Map.entry("tau", "τ"), Map.entry("phi", "φ"), Map.entry("varphi", "φ"),
      Map.entry("chi", "χ"), Map.entry("psi", "ψ"), Map.entry("omega", "ω"), Map.entry("Gamma", "Γ"),
      Map.entry("Delta", "Δ"), Map.entry("Theta", "Θ"), Map.entry("Lambda", "Λ"), Map.entry("Sigma", "Σ"),
      Map.entry("Phi", "Φ"), Map.entry("Psi", "Ψ"), Map.entry("Omega", "Ω"), Map.entry("infty", "∞"),
      Map.entry("leq", "≤"), Map.entry("le", "≤"), Map.entry("geq", "≥"), Map.entry("ge", "≥"),
      Map.entry("neq", "≠"), Map.entry("approx", "≈"), Map.entry("sim", "∼"), Map.entry("times", "×"),
      Map.entry("cdot", "·"), Map.entry("pm", "±"), Map.entry("to", "→"), Map.entry("rightarrow", "→"),
      Map.entry("leftarrow", "←"), Map.entry("Rightarrow", "⇒"), Map.entry("in", "∈"), Map.entry("subset", "⊂"),
      Map.entry("subseteq", "⊆"), Map.entry("cup", "∪"), Map.entry("cap", "∩"), Map.entry("sum", "∑"),
      Map.entry("prod", "∏"), Map.entry("int", "∫"), Map.entry("partial", "∂"), Map.entry("nabla", "∇"),
      Map.entry("sqrt", "√"), Map.entry("log", "log"), Map.entry("exp", "exp"), Map.entry("ell", "ℓ"),
      Map.entry("mathbb", ""), Map.entry("mathcal", ""), Map.entry("mathrm", ""), Map.entry("text", ""),
      Map.entry("mathbf", ""), Map.entry("boldsymbol", ""), Map.entry("emph", ""), Map.entry("textbf", ""),
      Map.entry("left", ""), Map.entry("right", ""), Map.entry("quad", " "), Map.entry("ldots", "…"),
      Map.entry("cdots", "⋯"), Map.entry("dots", "…"), Map.entry("forall", "∀"), Map.entry("exists", "∃"),
      Map.entry("mid", "|"), Map.entry("vert", "|"), Map.entry("langle", "⟨"), Map.entry("rangle", "⟩"));

  private MathText() {}

  /** Escaped HTML for {@code text}, with its math spans rendered; empty for null. */
  static String html(String text) {
    if (text == null) {
      return "";
    }
    Matcher m = INLINE.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 32);
    int last = 0;
    while (m.find()) {
      out.append(Html.escape(text.substring(last, m.start())));
      out.append("<span class=\"math\">").append(math(m.group(1))).append("</span>");
      last = m.end();
    }
    out.append(Html.escape(text.substring(last)));
    return out.toString();
  }

  /** The text with math spans reduced to plain Unicode: for titles and BibTeX-free contexts. */
  static String plain(String text) {
    if (text == null) {
      return "";
    }
    return INLINE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
        symbols(m.group(1)).replaceAll("[{}]", "")));
  }

  private static String math(String tex) {
    String s = Html.escape(symbols(tex));
    s = SCRIPT.matcher(s).replaceAll(m -> {
      String body = m.group(2) != null ? m.group(2) : m.group(3);
      String tag = m.group(1).equals("^") ? "sup" : "sub";
      return "<" + tag + ">" + Matcher.quoteReplacement(body) + "</" + tag + ">";
    });
    return s.replace("{", "").replace("}", "");
  }

  private static String symbols(String tex) {
    return COMMAND.matcher(tex).replaceAll(m -> Matcher.quoteReplacement(SYMBOLS.getOrDefault(m.group(1), m.group(1))));
  }

}
