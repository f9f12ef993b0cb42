package org.paperlens.tex;

import java.text.Normalizer;
import java.util.List;
import org.paperlens.html.Html;
import org.paperlens.tex.TexNodes.Cursor;
import org.paperlens.tex.TexSymbols.Alphabet;

/**
 * TeX as Unicode a reader can read where it cannot be typeset: {@code \tilde{\mathcal{O}}(n\log n)}
 * is {@code Õ(n log n)}, {@code \frac{d^2}{\epsilon}} is {@code d²/ε}, {@code \textsuperscript{3}}
 * is {@code ³}. In HTML form the same, escaped, with {@code <sup>}/{@code <sub>} for scripts.
 * Unknown commands are dropped, never shown by name. Immutable; one instance per form and alphabet.
 */
public final class TexRendering {

  /** Plain Unicode text. */
  public static final TexRendering PLAIN = new TexRendering(false, Alphabet.PLAIN);
  /** HTML-escaped Unicode, scripts as {@code <sup>} and {@code <sub>}. */
  public static final TexRendering HTML = new TexRendering(true, Alphabet.PLAIN);

  private final boolean html;
  private final Alphabet alphabet;

  private TexRendering(boolean html, Alphabet alphabet) {
    this.html = html;
    this.alphabet = alphabet;
  }

  /** Text-mode TeX: commands with text arguments become their text, citations go, accents compose. */
  public String text(String tex) {
    return text(TexNodes.parse(tex), true);
  }

  /** {@link #text(String)} of nodes already read, composed ({@code Õ}) when {@code compose}. */
  String text(List<TexNode> nodes, boolean compose) {
    String s = text(nodes);
    return compose ? Normalizer.normalize(s, Normalizer.Form.NFC) : s;
  }

  /** The content of a math span; spaces at its ends trimmed. */
  public String math(String tex) {
    return Normalizer.normalize(math(TexNodes.parse(tex)), Normalizer.Form.NFC).strip();
  }

  private String text(List<TexNode> nodes) {
    StringBuilder out = new StringBuilder();
    Cursor c = new Cursor(nodes);
    while (!c.done()) {
      switch (c.next()) {
        case TexNode.Space s -> out.append(s.text());
        case TexNode.Group g -> out.append(text(g.nodes()));
        case TexNode.Char ch -> out.append(ch.is('~') ? " " : escape(ch.codePoint()));
        case TexNode.Command cmd -> textCommand(out, cmd.name(), c);
      }
    }
    return out.toString();
  }

  private void textCommand(StringBuilder out, String name, Cursor c) {
    String accent = TexSymbols.TEXT_ACCENTS.get(name);
    if (accent != null || name.equals("c")) {
      String base = text(c.argument());
      out.append(base).append(accent != null ? accent : "\u0327");
    } else if (TexSymbols.TEXT.containsKey(name)) {
      out.append(escape(TexSymbols.TEXT.get(name)));
    } else if (name.equals("textsuperscript") || name.equals("textsubscript")) {
      script(out, name.equals("textsuperscript"), text(c.argument()));
    } else if (name.equals("ding")) {
      out.append(escape(ding(TexNodes.plainDigits(c.argument()))));
    } else if (!common(out, name, c, false)) {
      if (name.equals("deg")) {
        out.append('°'); // outside math, \deg is always meant as "degrees"
      } else if (TexSymbols.inMath(name)) { // math written without its dollars still means itself: \times, \frac{1}{2}
        mathCommand(out, name, c);
      } else {
        if (c.peek() instanceof TexNode.Group g && g.nodes().isEmpty()) {
          c.next(); // \ours{}: the braces only ended the name
        }
        if (!out.isEmpty() && Character.isWhitespace(out.charAt(out.length() - 1))) {
          c.skipSpaces(); // an unknown command goes without a trace, so no double space either
        }
      }
    }
  }

  private String math(List<TexNode> nodes) {
    StringBuilder out = new StringBuilder();
    Cursor c = new Cursor(nodes);
    while (!c.done()) {
      switch (c.next()) {
        case TexNode.Space s -> space(out);
        case TexNode.Group g -> out.append(math(g.nodes()));
        case TexNode.Char ch when ch.is('^') || ch.is('_') -> script(out, ch.is('^'), math(c.argument()));
        case TexNode.Char ch when ch.is('~') || ch.is('&') -> space(out);
        case TexNode.Char ch -> out.append(escape(alphabet.letter(ch.codePoint())));
        case TexNode.Command cmd -> mathCommand(out, cmd.name(), c);
      }
    }
    return out.toString();
  }

  private void mathCommand(StringBuilder out, String name, Cursor c) {
    String symbol = TexSymbols.MATH.get(name);
    Alphabet style = TexSymbols.STYLES.get(name);
    String accent = TexSymbols.ACCENTS.get(name);
    if (symbol != null) {
      out.append(escape(symbol));
    } else if (name.equals("deg") && !out.isEmpty() && Character.isDigit(out.charAt(out.length() - 1))) {
      out.append('°'); // 90\deg: degrees, not the degree of a polynomial
    } else if (TexSymbols.OPERATORS.contains(name) || TexSymbols.EXTRA_OPERATORS.containsKey(name)) {
      operator(out, TexSymbols.EXTRA_OPERATORS.getOrDefault(name, name.equals("bmod") ? "mod" : name), c);
    } else if (name.equals("operatorname") || name.equals("operatorname*")) {
      operator(out, PLAIN.text(c.argument()).strip(), c);
    } else if (style != null) {
      out.append(new TexRendering(html, style == Alphabet.PLAIN ? alphabet : style).math(c.argument()));
    } else if (accent != null) {
      String base = math(c.argument()).strip();
      // A combining mark on the last character (Õ once composed); HTML ending in a tag takes none.
      out.append(base).append(base.isEmpty() || base.endsWith(">") ? "" : accent);
    } else if (TexSymbols.SPACES.contains(name)) {
      space(out);
    } else if (TexSymbols.SIZING.contains(name)) {
      if (c.peekPastSpaces() instanceof TexNode.Char d && d.is('.')) { // \left. is no delimiter at all
        c.skipSpaces();
        c.next();
      }
    } else if (name.equals("frac") || name.equals("dfrac") || name.equals("tfrac") || name.equals("cfrac")) {
      out.append(part(c.argument())).append('/').append(part(c.argument()));
    } else if (name.equals("binom") || name.equals("dbinom") || name.equals("tbinom")) {
      out.append('(').append(math(c.argument()).strip()).append(" choose ").append(math(c.argument()).strip()).append(')');
    } else if (name.equals("sqrt")) {
      List<TexNode> degree = c.optional();
      String d = degree == null ? "" : PLAIN.math(degree).strip();
      out.append(d.equals("3") ? "∛" : d.equals("4") ? "∜" : "√").append(part(c.argument()));
    } else if (name.equals("not")) {
      out.append(math(c.argument())).append('\u0338'); // composes: \not= is ≠, \not\in is ∉
    } else if (name.equals("pmod")) {
      space(out);
      out.append("(mod ").append(math(c.argument()).strip()).append(')');
    } else if (TexSymbols.TEXT_ARGUMENT.contains(name)) {
      out.append(text(c.argument()));
    } else if (name.equals("textsuperscript") || name.equals("textsubscript")) {
      script(out, name.equals("textsuperscript"), text(c.argument()));
    } else if (name.equals("xrightarrow") || name.equals("xleftarrow")) {
      c.optional();
      c.argument();
      out.append(name.equals("xrightarrow") ? '→' : '←');
    } else {
      common(out, name, c, true); // citations, colours, unicode code points; anything else is dropped unseen
    }
  }

  /** What text and math share: dropped commands, second-argument commands, code points. */
  private boolean common(StringBuilder out, String name, Cursor c, boolean mathMode) {
    Integer dropped = TexSymbols.DROPPED.get(name);
    if (dropped != null || name.startsWith("cite")) {
      if (!mathMode && (name.startsWith("cite") || name.equals("footnote"))) { // "as shown \cite{x}." reads "as shown."
        while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
          out.setLength(out.length() - 1);
        }
      }
      c.optional();
      c.optional();
      for (int i = 0; i < (dropped == null ? 1 : dropped); i++) {
        c.argument();
      }
      return true;
    }
    if (TexSymbols.SECOND.contains(name)) {
      c.argument();
      List<TexNode> shown = c.argument();
      out.append(mathMode ? math(shown) : text(shown));
      return true;
    }
    if (name.equals("unicode") || name.equals("char")) {
      int cp = TexNodes.codePoint(name.equals("char") ? c.charNumber() : PLAIN.text(c.argument()));
      if (cp > 0) {
        out.append(escape(cp));
      }
      return true;
    }
    return false;
  }

  /** {@code \log}: its name, apart from the letters around it ({@code n\log n} is "n log n"). */
  private void operator(StringBuilder out, String name, Cursor c) {
    if (!out.isEmpty() && !Character.isWhitespace(out.charAt(out.length() - 1)) && "([{|/".indexOf(out.charAt(out.length() - 1)) < 0) {
      out.append(' ');
    }
    out.append(escape(name));
    while (c.peek() instanceof TexNode.Char ch && (ch.is('_') || ch.is('^'))) { // \log_2 n, \max_{i}
      c.next();
      script(out, ch.is('^'), math(c.argument()));
    }
    TexNode next = c.peek();
    if (next instanceof TexNode.Char || next instanceof TexNode.Group
        || (next instanceof TexNode.Command cmd && !TexSymbols.SPACES.contains(cmd.name()) && !TexSymbols.SIZING.contains(cmd.name()))) {
      if (!(next instanceof TexNode.Char ch && "()[]|,.;".indexOf(ch.codePoint()) >= 0)) {
        out.append(' ');
      }
    }
  }

  private static void space(StringBuilder out) {
    if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
      out.append(' ');
    }
  }

  /** A fraction's part or a root's radicand: bare when a single symbol or word, else in parentheses. */
  private String part(List<TexNode> nodes) {
    String shown = math(nodes).strip();
    return PLAIN.math(nodes).strip().matches("[√∛∜]?[\\p{L}\\p{N}\\p{M}.]+") ? shown : "(" + shown + ")";
  }

  private void script(StringBuilder out, boolean sup, String body) {
    String b = body.strip();
    if (html) {
      out.append(sup ? "<sup>" : "<sub>").append(b).append(sup ? "</sup>" : "</sub>");
      return;
    }
    String unicode = Scripts.of(sup, b);
    if (unicode != null) {
      out.append(unicode);
    } else if (sup && (b.equals("′") || b.equals("'") || b.equals("′′"))) {
      out.append(b);
    } else {
      out.append(sup ? '^' : '_').append(b.codePointCount(0, b.length()) == 1 ? b : "(" + b + ")");
    }
  }

  private String escape(int cp) {
    return escape(new String(Character.toChars(cp)));
  }

  private String escape(String s) {
    return html ? Html.escape(s) : s;
  }

  /** pifont's dingbats that abstracts use as list markers: \ding{182} is ❶. */
  private static String ding(int n) {
    if (n >= 172 && n <= 211) {
      int[] starts = {0x2460, 0x2776, 0x2780, 0x278A};
      return new String(Character.toChars(starts[(n - 172) / 10] + (n - 172) % 10));
    }
    return switch (n) {
      case 51, 52 -> "✓";
      case 55, 56 -> "✗";
      default -> "";
    };
  }
}
