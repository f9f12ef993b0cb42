package org.paperlens.tex;

import java.util.HashMap;
import java.util.Map;

/** Superscripts and subscripts as the Unicode characters for them, where Unicode has every one needed. */
final class Scripts {

  private static final Map<Integer, Integer> SUPERSCRIPTS = pairs("0123456789+-=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ");
  private static final Map<Integer, Integer> SUBSCRIPTS = pairs("0123456789+-=()aeoxijklmnprst", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓᵢⱼₖₗₘₙₚᵣₛₜ");

  private Scripts() {}

  /** {@code body} in superscript (or subscript) characters, or null when one of them has none (or it is empty). */
  static String of(boolean sup, String body) {
    if (body.isEmpty()) {
      return null;
    }
    Map<Integer, Integer> table = sup ? SUPERSCRIPTS : SUBSCRIPTS;
    StringBuilder b = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); ) {
      int cp = body.codePointAt(i);
      Integer mapped = table.get(cp == '−' ? '-' : cp);
      if (mapped == null) {
        return null;
      }
      b.appendCodePoint(mapped);
      i += Character.charCount(cp);
    }
    return b.toString();
  }

  private static Map<Integer, Integer> pairs(String from, String to) {
    Map<Integer, Integer> m = new HashMap<>();
    for (int i = 0; i < from.length(); i++) {
      m.put((int) from.charAt(i), (int) to.charAt(i));
    }
    return Map.copyOf(m);
  }
}
