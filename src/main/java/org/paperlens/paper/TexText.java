package org.paperlens.paper;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TeX in titles and abstracts, as readers want it where it cannot be typeset: {@code $...$}
 * math as Unicode ({@code $\tilde{O}(\frac{d^2}{n})$} → {@code Õ(d²/n)}), text commands as their
 * text ({@code \texttt{R3}} → {@code R3}), citations and labels dropped. Used by the search index
 * (so snippets and the words that explain a recommendation carry no TeX), by pages as the
 * fallback of typeset math, and by mails. Pure and thread-safe.
 */
public final class TexText {

  /** {@code $...$} or {@code $$...$$}, not across another dollar, at most 300 characters. */
  public static final Pattern MATH = Pattern.compile("\\$\\$?([^$]{1,300}?)\\$\\$?");
  private static final Pattern COMMAND = Pattern.compile("\\\\([A-Za-z]+)\\*?");
  /** Text-mode commands whose argument is the text to keep. */
  private static final Pattern TEXT_COMMAND = Pattern.compile(
      "\\\\(?:texttt|textbf|textit|textsc|textsf|textrm|textup|emph|underline|mbox|url|text|mathrm|mathbf|mathit|mathsf|mathtt"
          + "|boldsymbol|bm|operatorname)\\s*\\{([^{}]*)\\}");
  /** Commands that mean nothing to a reader without the paper's bibliography or numbering. */
  private static final Pattern DROPPED = Pattern.compile(
      "\\s*\\\\(?:cite[a-z]*|ref|eqref|autoref|cref|Cref|label|footnote)\\*?\\s*(?:\\[[^\\]]*\\])?\\s*\\{[^{}]*\\}");
  private static final Pattern HREF = Pattern.compile("\\\\href\\s*\\{[^{}]*\\}\\s*\\{([^{}]*)\\}");
  private static final Pattern ESCAPED = Pattern.compile("\\\\([%&#_$])");
  private static final Pattern ACCENTED = Pattern.compile("\\\\(tilde|hat|bar|vec|dot|ddot|widetilde|widehat|overline)\\s*\\{([^{}]*)\\}");
  private static final Pattern FRAC = Pattern.compile("\\\\[dt]?frac\\s*\\{([^{}]*)\\}\\s*\\{([^{}]*)\\}");
  private static final Pattern SQRT = Pattern.compile("\\\\sqrt\\s*\\{([^{}]*)\\}");
  private static final Pattern SCRIPT = Pattern.compile("([\\^_])(?:\\{([^{}]{1,60})\\}|([A-Za-z0-9+\\-=()]))");
  private static final Map<String, String> ACCENTS = Map.of("tilde", "\u0303", "widetilde", "\u0303", "hat", "\u0302",
      "widehat", "\u0302", "bar", "\u0304", "overline", "\u0305", "vec", "\u20D7", "dot", "\u0307", "ddot", "\u0308");
  private static final Map<String, String> SYMBOLS = Map.ofEntries(
      Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
      Map.entry("epsilon", "ε"), Map.entry("varepsilon", "ε"), Map.entry("zeta", "ζ"), Map.entry("eta", "η"),
      Map.entry("theta", "θ"), Map.entry("vartheta", "ϑ"), Map.entry("iota", "ι"), Map.entry("kappa", "κ"),
      Map.entry("lambda", "λ"), Map.entry("mu", "μ"), Map.entry("nu", "ν"), Map.entry("xi", "ξ"), Map.entry("pi", "π"),
      Map.entry("rho", "ρ"), Map.entry("sigma", "σ"), Map.entry("tau", "τ"), Map.entry("upsilon", "υ"), Map.entry("phi", "φ"),
      Map.entry("varphi", "φ"), Map.entry("chi", "χ"), Map.entry("psi", "ψ"), Map.entry("omega", "ω"), Map.entry("Gamma", "Γ"),
      Map.entry("Delta", "Δ"), Map.entry("Theta", "Θ"), Map.entry("Lambda", "Λ"), Map.entry("Xi", "Ξ"), Map.entry("Pi", "Π"),
      Map.entry("Sigma", "Σ"), Map.entry("Phi", "Φ"), Map.entry("Psi", "Ψ"), Map.entry("Omega", "Ω"), Map.entry("infty", "∞"),
      Map.entry("leq", "≤"), Map.entry("le", "≤"), Map.entry("geq", "≥"), Map.entry("ge", "≥"), Map.entry("ll", "≪"),
      Map.entry("gg", "≫"), Map.entry("neq", "≠"), Map.entry("ne", "≠"), Map.entry("approx", "≈"), Map.entry("sim", "∼"),
      Map.entry("simeq", "≃"), Map.entry("equiv", "≡"), Map.entry("propto", "∝"), Map.entry("times", "×"), Map.entry("cdot", "·"),
      Map.entry("pm", "±"), Map.entry("mp", "∓"), Map.entry("to", "→"), Map.entry("rightarrow", "→"), Map.entry("leftarrow", "←"),
      Map.entry("Rightarrow", "⇒"), Map.entry("Leftrightarrow", "⇔"), Map.entry("mapsto", "↦"), Map.entry("in", "∈"),
      Map.entry("notin", "∉"), Map.entry("subset", "⊂"), Map.entry("subseteq", "⊆"), Map.entry("cup", "∪"), Map.entry("cap", "∩"),
      Map.entry("setminus", "∖"), Map.entry("emptyset", "∅"), Map.entry("sum", "∑"), Map.entry("prod", "∏"), Map.entry("int", "∫"),
      Map.entry("partial", "∂"), Map.entry("nabla", "∇"), Map.entry("sqrt", "√"), Map.entry("ell", "ℓ"), Map.entry("forall", "∀"),
      Map.entry("exists", "∃"), Map.entry("neg", "¬"), Map.entry("wedge", "∧"), Map.entry("vee", "∨"), Map.entry("oplus", "⊕"),
      Map.entry("otimes", "⊗"), Map.entry("circ", "∘"), Map.entry("star", "⋆"), Map.entry("ast", "∗"), Map.entry("mid", "|"),
      Map.entry("vert", "|"), Map.entry("Vert", "‖"), Map.entry("langle", "⟨"), Map.entry("rangle", "⟩"), Map.entry("lceil", "⌈"),
      Map.entry("rceil", "⌉"), Map.entry("lfloor", "⌊"), Map.entry("rfloor", "⌋"), Map.entry("ldots", "…"), Map.entry("cdots", "⋯"),
      Map.entry("dots", "…"), Map.entry("log", "log"), Map.entry("exp", "exp"), Map.entry("max", "max"), Map.entry("min", "min"),
      Map.entry("arg", "arg"), Map.entry("sup", "sup"), Map.entry("inf", "inf"), Map.entry("lim", "lim"), Map.entry("det", "det"),
      Map.entry("Pr", "Pr"), Map.entry("sin", "sin"), Map.entry("cos", "cos"), Map.entry("tanh", "tanh"),
      Map.entry("mathbb", ""), Map.entry("mathcal", ""), Map.entry("mathfrak", ""), Map.entry("mathscr", ""),
      Map.entry("left", ""), Map.entry("right", ""), Map.entry("big", ""), Map.entry("Big", ""), Map.entry("bigg", ""),
      Map.entry("displaystyle", ""), Map.entry("limits", ""), Map.entry("quad", " "), Map.entry("qquad", " "));
  /** Commands resolved after the symbols: their arguments' final form decides their parentheses. */
  private static final java.util.Set<String> STRUCTURE = java.util.Set.of("frac", "dfrac", "tfrac", "sqrt");
  private static final Map<Character, Character> SUPERSCRIPTS = pairs("0123456789+-=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ");
  private static final Map<Character, Character> SUBSCRIPTS = pairs("0123456789+-=()aeoxijklmnprst", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓᵢⱼₖₗₘₙₚᵣₛₜ");

  private TexText() {}

  /** The text with its math as Unicode and its TeX text commands resolved; null stays null. */
  public static String plain(String text) {
    if (text == null || (text.indexOf('$') < 0 && text.indexOf('\\') < 0)) {
      return text; // the usual case: nothing to do, no copy
    }
    String math = MATH.matcher(text).replaceAll(m -> Matcher.quoteReplacement(math(m.group(1), true)));
    return textCommands(math);
  }

  /** Text-mode TeX outside math: commands with text arguments, dropped citations, escaped characters. */
  public static String textCommands(String text) {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    String s = DROPPED.matcher(text).replaceAll("");
    s = HREF.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    for (int i = 0; i < 3 && TEXT_COMMAND.matcher(s).find(); i++) { // nested \textbf{\texttt{x}}
      s = TEXT_COMMAND.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }
    return ESCAPED.matcher(s).replaceAll("$1");
  }

  /**
   * The content of one math span as Unicode: symbols, accents, fractions and roots, and (with
   * {@code scripts}) superscripts and subscripts as Unicode where it has them, else {@code ^x}.
   * Without {@code scripts} they are left as {@code ^}/{@code _} for a renderer that makes tags of them.
   */
  public static String math(String tex, boolean scripts) {
    String s = TEXT_COMMAND.matcher(tex).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    s = ACCENTED.matcher(s).replaceAll(m -> Matcher.quoteReplacement(accent(m.group(2), ACCENTS.get(m.group(1)))));
    // Symbols first, fractions and roots after: whether a part needs parentheses depends on what it shows.
    s = COMMAND.matcher(s).replaceAll(m -> Matcher.quoteReplacement(STRUCTURE.contains(m.group(1)) ? m.group()
        : SYMBOLS.getOrDefault(m.group(1), m.group(1))));
    s = s.replace("\\{", "(").replace("\\}", ")").replace("\\,", " ").replace("\\;", " ").replace("\\!", "").replace("~", " ");
    if (scripts) {
      s = SCRIPT.matcher(s).replaceAll(m -> Matcher.quoteReplacement(script(m.group(1).equals("^"),
          m.group(2) != null ? m.group(2) : m.group(3))));
    }
    for (int i = 0; i < 3 && (FRAC.matcher(s).find() || SQRT.matcher(s).find()); i++) {
      s = FRAC.matcher(s).replaceAll(m -> Matcher.quoteReplacement(group(m.group(1)) + "/" + group(m.group(2))));
      s = SQRT.matcher(s).replaceAll(m -> Matcher.quoteReplacement("√" + group(m.group(1))));
    }
    s = COMMAND.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1))); // a \frac left unmatched
    s = scripts ? s.replace("{", "").replace("}", "") : s;
    // Composed where Unicode has the letter (Õ), so the text compares and searches as typed.
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC);
  }

  private static String accent(String base, String mark) {
    String b = base.strip();
    // A combining mark goes after one letter; a longer base keeps its text with the mark on its last letter.
    return b.isEmpty() ? mark : b + mark;
  }

  /** A fraction's part: bare when one symbol, else in parentheses. */
  private static String group(String part) {
    String p = part.strip();
    return p.matches("[\\p{L}\\p{N}\\p{M}]+") ? p : "(" + p + ")";
  }

  private static String script(boolean sup, String body) {
    Map<Character, Character> table = sup ? SUPERSCRIPTS : SUBSCRIPTS;
    StringBuilder b = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      Character c = table.get(body.charAt(i));
      if (c == null) {
        return (sup ? "^" : "_") + (body.length() == 1 ? body : "(" + body + ")");
      }
      b.append(c);
    }
    return b.toString();
  }

  private static Map<Character, Character> pairs(String from, String to) {
    Map<Character, Character> m = new java.util.HashMap<>();
    for (int i = 0; i < from.length(); i++) {
      m.put(from.charAt(i), to.charAt(i));
    }
    return Map.copyOf(m);
  }
}
