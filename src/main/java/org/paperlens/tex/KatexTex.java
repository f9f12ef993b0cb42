package org.paperlens.tex;

import java.util.List;
import org.paperlens.tex.TexNodes.Cursor;

/**
 * A math span's TeX rewritten so that KaTeX typesets it without an error, and BibTeX reads it
 * inside {@code $...$}: braces balanced, only commands KaTeX knows ({@link TexSymbols}), unknown
 * ones dropped (an author's {@code \ours} means nothing without the paper's preamble), text
 * arguments as plain {@code \text{...}}, a second superscript on one base given its own
 * ({@code x^a{}^b}), {@code \left}/{@code \right} kept only in pairs, and {@code & # % $} escaped
 * outside the environments that are dropped. Pure.
 */
public final class KatexTex {

  private KatexTex() {}

  /** The TeX of a math span ({@link TexToken.Math#tex}) in the form KaTeX accepts. */
  public static String of(String tex) {
    StringBuilder out = new StringBuilder(tex.length() + 8);
    write(out, TexNodes.parse(tex));
    return out.toString().strip();
  }

  private static void write(StringBuilder out, List<TexNode> nodes) {
    Cursor c = new Cursor(nodes);
    boolean pairs = pairedLeftRight(nodes);
    boolean sup = false;
    boolean sub = false;
    while (!c.done()) {
      TexNode node = c.next();
      boolean script = node instanceof TexNode.Char ch && (ch.is('^') || ch.is('_'));
      if (script) {
        boolean up = ((TexNode.Char) node).is('^');
        if (up ? sup : sub) {
          out.append("{}"); // x^a^b is an error in TeX; x^a{}^b is what was meant
          sup = false;
          sub = false;
        }
        out.append(up ? '^' : '_');
        argument(out, c);
        sup |= up;
        sub |= !up;
        continue;
      }
      int before = out.length();
      switch (node) {
        case TexNode.Space s -> space(out);
        case TexNode.Group g -> group(out, g.nodes());
        case TexNode.Char ch -> character(out, ch.codePoint());
        case TexNode.Command cmd -> command(out, cmd.name(), c, pairs);
      }
      if (out.length() > before && !(node instanceof TexNode.Space)) { // a dropped command leaves the base as it was
        sup = false;
        sub = false;
      }
    }
  }

  private static void command(StringBuilder out, String name, Cursor c, boolean pairs) {
    if (TexSymbols.MATH.containsKey(name) || TexSymbols.OPERATORS.contains(name) || TexSymbols.SPACES.contains(name)) {
      word(out, name);
    } else if (TexSymbols.EXTRA_OPERATORS.containsKey(name)) {
      out.append("\\operatorname*{").append(TexSymbols.EXTRA_OPERATORS.get(name).replace(" ", "\\,")).append('}');
    } else if (name.equals("left") || name.equals("right") || name.equals("middle")) {
      if (pairs) {
        word(out, name);
      } else if (c.peekPastSpaces() instanceof TexNode.Char d && d.is('.')) {
        c.skipSpaces();
        c.next(); // the invisible delimiter goes with its \left
      }
    } else if (name.equals("limits") || name.equals("nolimits")) {
      return; // an error after anything but an operator, and only placement besides: dropped
    } else if (TexSymbols.SIZING.contains(name) || name.equals("not")) {
      word(out, name);
    } else if (TexSymbols.STYLES.containsKey(name) || TexSymbols.ACCENTS.containsKey(name) || name.equals("pmod")) {
      word(out, name);
      argument(out, c);
    } else if (name.equals("frac") || name.equals("dfrac") || name.equals("tfrac") || name.equals("cfrac")
        || name.equals("binom") || name.equals("dbinom") || name.equals("tbinom")) {
      word(out, name);
      argument(out, c);
      argument(out, c);
    } else if (name.equals("sqrt") || name.equals("xrightarrow") || name.equals("xleftarrow")) {
      word(out, name);
      List<TexNode> optional = c.optional();
      if (optional != null) {
        out.append('[');
        write(out, optional);
        out.append(']');
      }
      argument(out, c);
    } else if (name.equals("operatorname") || name.equals("operatorname*")) {
      out.append('\\').append(name).append('{').append(text(c.argument())).append('}');
    } else if (TexSymbols.TEXT_ARGUMENT.contains(name)) {
      out.append('\\').append(TexSymbols.KATEX_TEXT.contains(name) ? name : "text").append('{').append(text(c.argument())).append('}');
    } else if (name.equals("textsuperscript") || name.equals("textsubscript")) {
      out.append(name.equals("textsuperscript") ? "^" : "_").append("{\\text{").append(text(c.argument())).append("}}");
    } else if (TexSymbols.SECOND.contains(name)) {
      c.argument();
      group(out, c.argument());
    } else if (TexSymbols.DROPPED.containsKey(name) || name.startsWith("cite")) {
      c.optional();
      c.optional();
      for (int i = 0, n = TexSymbols.DROPPED.getOrDefault(name, 1); i < n; i++) {
        c.argument();
      }
    } else if (name.equals("unicode") || name.equals("char")) {
      int cp = TexNodes.codePoint(name.equals("char") ? c.charNumber() : TexRendering.PLAIN.text(c.argument(), false));
      if (cp > 0) {
        out.append("\\text{").append(escapeText(new String(Character.toChars(cp)))).append('}');
      }
    } // anything else: a command KaTeX does not know, dropped with its name
  }

  /** Whether every {@code \left} of this group has its {@code \right} after it (and {@code \middle} is between). */
  private static boolean pairedLeftRight(List<TexNode> nodes) {
    int depth = 0;
    for (TexNode n : nodes) {
      if (n instanceof TexNode.Command cmd) {
        switch (cmd.name()) {
          case "left" -> depth++;
          case "right" -> depth--;
          case "middle" -> {
            if (depth == 0) {
              return false;
            }
          }
          default -> { }
        }
        if (depth < 0) {
          return false;
        }
      }
    }
    return depth == 0;
  }

  /** A command's argument as written ({@code d^2}, {@code \\mathbb F}, {@code x_{ij}}), a command in braces ({@code x^{\\alpha}}). */
  private static void argument(StringBuilder out, Cursor c) {
    switch (c.argumentNode()) {
      case TexNode.Group g -> group(out, g.nodes());
      case TexNode.Char ch -> character(out, ch.codePoint());
      case TexNode node -> group(out, List.of(node));
    }
  }

  private static void group(StringBuilder out, List<TexNode> nodes) {
    out.append('{');
    write(out, nodes);
    out.append('}');
  }

  private static void word(StringBuilder out, String name) {
    out.append('\\').append(name);
  }

  /** Whether the output ends in a control word, which a letter written next would join. */
  private static boolean endsInControlWord(StringBuilder out) {
    int i = out.length();
    while (i > 0 && TexNodes.isLetter(out.charAt(i - 1))) {
      i--;
    }
    int slashes = 0;
    for (int j = i - 1; j >= 0 && out.charAt(j) == '\\'; j--) {
      slashes++;
    }
    return i < out.length() && slashes % 2 == 1;
  }

  private static void space(StringBuilder out) {
    if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
      out.append(' ');
    }
  }

  private static void character(StringBuilder out, int cp) {
    switch (cp) {
      case '&', '#', '%', '$' -> out.append('\\').append((char) cp);
      default -> {
        if (cp < 128 && TexNodes.isLetter((char) cp) && endsInControlWord(out)) {
          out.append(' ');
        }
        if (!Character.isISOControl(cp)) {
          out.appendCodePoint(cp);
        }
      }
    }
  }

  /** Text-mode TeX as the plain text KaTeX's {@code \text} takes: Unicode, its special characters escaped. */
  private static String text(List<TexNode> nodes) {
    return escapeText(TexRendering.PLAIN.text(nodes, true));
  }

  private static String escapeText(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '\\' -> b.append("\\textbackslash ");
        case '{', '}', '$', '%', '&', '#', '_' -> b.append('\\').append((char) cp);
        case '^' -> b.append("\\textasciicircum ");
        case '~' -> b.append("\\textasciitilde ");
        default -> {
          if (!Character.isISOControl(cp)) {
            b.appendCodePoint(cp);
          }
        }
      }
    });
    return b.toString();
  }
}
