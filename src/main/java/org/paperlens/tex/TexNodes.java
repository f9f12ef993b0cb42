package org.paperlens.tex;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads TeX into {@link TexNode}s: commands, characters, spaces and nested brace groups. Braces are
 * always balanced in the result: a {@code }} without its {@code {}} is dropped, a group left open
 * is closed at the end, so nothing built from the nodes can unbalance what follows it.
 */
final class TexNodes {

  private TexNodes() {}

  static List<TexNode> parse(String tex) {
    List<List<TexNode>> open = new ArrayList<>(); // the groups being read, innermost last
    List<TexNode> current = new ArrayList<>();
    int n = tex.length();
    int i = 0;
    while (i < n) {
      char c = tex.charAt(i);
      if (c == '\\' && i + 1 < n) {
        int j = i + 1;
        if (isLetter(tex.charAt(j))) {
          while (j < n && isLetter(tex.charAt(j))) {
            j++;
          }
          if (j < n && tex.charAt(j) == '*') {
            j++;
          }
          current.add(new TexNode.Command(tex.substring(i + 1, j)));
          i = j;
        } else {
          int cp = tex.codePointAt(j);
          current.add(new TexNode.Command(new String(Character.toChars(cp))));
          i = j + Character.charCount(cp);
        }
      } else if (c == '{') {
        open.add(current);
        current = new ArrayList<>();
        i++;
      } else if (c == '}') {
        if (!open.isEmpty()) {
          TexNode.Group g = new TexNode.Group(current);
          current = open.removeLast();
          current.add(g);
        } // else: a stray closing brace, dropped
        i++;
      } else if (Character.isWhitespace(c)) {
        int from = i;
        while (i < n && Character.isWhitespace(tex.charAt(i))) {
          i++;
        }
        current.add(new TexNode.Space(tex.substring(from, i)));
      } else {
        int cp = tex.codePointAt(i);
        current.add(new TexNode.Char(cp));
        i += Character.charCount(cp);
      }
    }
    while (!open.isEmpty()) { // groups never closed end here
      TexNode.Group g = new TexNode.Group(current);
      current = open.removeLast();
      current.add(g);
    }
    return current;
  }

  /** The number a {@code \\ding{182}} names, or -1. */
  static int plainDigits(List<TexNode> nodes) {
    StringBuilder b = new StringBuilder();
    for (TexNode node : nodes) {
      if (node instanceof TexNode.Char c && Character.isDigit(c.codePoint()) && b.length() < 6) {
        b.appendCodePoint(c.codePoint());
      } else if (!(node instanceof TexNode.Space)) {
        return -1;
      }
    }
    return b.isEmpty() ? -1 : Integer.parseInt(b.toString());
  }

  /** The character {@code x2013} (hexadecimal), {@code "2013} (hexadecimal) or {@code 8211} names, or -1. */
  static int codePoint(String number) {
    String s = number.strip();
    int radix = 10;
    if (s.startsWith("x") || s.startsWith("\"")) {
      s = s.substring(1);
      radix = 16;
    }
    try {
      int cp = Integer.parseInt(s, radix);
      return Character.isValidCodePoint(cp) && !Character.isISOControl(cp) && !Character.isSurrogate((char) cp) ? cp : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** A position in a list of nodes, with TeX's way of reading a command's arguments. */
  static final class Cursor {

    private final List<TexNode> nodes;
    private int at;

    Cursor(List<TexNode> nodes) {
      this.nodes = nodes;
    }

    boolean done() {
      return at >= nodes.size();
    }

    TexNode next() {
      return nodes.get(at++);
    }

    /** The next node without taking it, or null at the end. */
    TexNode peek() {
      return at < nodes.size() ? nodes.get(at) : null;
    }

    /** The node after the next spaces, without taking them, or null at the end. */
    TexNode peekPastSpaces() {
      int i = at;
      while (i < nodes.size() && nodes.get(i) instanceof TexNode.Space) {
        i++;
      }
      return i < nodes.size() ? nodes.get(i) : null;
    }

    void skipSpaces() {
      while (peek() instanceof TexNode.Space) {
        at++;
      }
    }

    /** A mandatory argument: the next group's content, or the next single node; empty at the end. */
    List<TexNode> argument() {
      TexNode n = argumentNode();
      return n instanceof TexNode.Group g ? g.nodes() : List.of(n);
    }

    /** A mandatory argument as written: the next group, or the next single node; an empty group at the end. */
    TexNode argumentNode() {
      skipSpaces();
      return done() ? new TexNode.Group(List.of()) : next();
    }

    /** The number after {@code \\char}: {@code "09CD} or {@code 8211}, taken from the characters that follow. */
    String charNumber() {
      StringBuilder b = new StringBuilder();
      while (peek() instanceof TexNode.Char c && b.length() < 8
          && (c.is('"') && b.isEmpty() || Character.digit(c.codePoint(), 16) >= 0)) {
        b.appendCodePoint(c.codePoint());
        at++;
      }
      return b.toString();
    }

    /** An optional argument {@code [...]} if one comes next (null if not), read up to its matching {@code ]}. */
    List<TexNode> optional() {
      if (!(peekPastSpaces() instanceof TexNode.Char open && open.is('['))) {
        return null;
      }
      skipSpaces();
      at++;
      List<TexNode> out = new ArrayList<>();
      int depth = 0;
      while (!done()) {
        TexNode n = next();
        if (n instanceof TexNode.Char c && c.is(']') && depth == 0) {
          return out;
        }
        if (n instanceof TexNode.Char c) {
          depth += c.is('[') ? 1 : c.is(']') ? -1 : 0;
        }
        out.add(n);
      }
      return out;
    }
  }
}
