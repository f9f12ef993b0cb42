package org.paperlens.tex;

import java.util.List;

/** One unit of TeX as {@link TexNodes} reads it: a command, a character, a space, or a brace group. */
sealed interface TexNode {

  /** {@code \name}: letters (with a trailing {@code *} folded in), or a single other character ({@code \,}, {@code \{}). */
  record Command(String name) implements TexNode {}

  /** One character that is not a command, brace or space. */
  record Char(int codePoint) implements TexNode {

    boolean is(char c) {
      return codePoint == c;
    }
  }

  /** A run of white space as written (line breaks included). */
  record Space(String text) implements TexNode {}

  /** {@code {...}}, its content read the same way. */
  record Group(List<TexNode> nodes) implements TexNode {

    public Group {
      nodes = List.copyOf(nodes);
    }
  }
}
