package org.paperlens.tex;

/** A piece of a title or abstract as {@link TexLexer} cuts it: a run of text, or a math span. */
public sealed interface TexToken {

  /**
   * Text-mode TeX exactly as written (it may hold {@code \emph{...}}, {@code \%} or a literal
   * {@code $}, which is never a math delimiter here).
   */
  record Text(String tex) implements TexToken {}

  /** The TeX between a pair of math delimiters (never blank), and which pair it was. */
  record Math(String tex, Delimiter delimiter) implements TexToken {

    /** Whether the span is display math ({@code $$...$$}, {@code \[...\]}). */
    public boolean display() {
      return delimiter.display;
    }
  }

  /** The pairs of math delimiters TeX and KaTeX know. */
  enum Delimiter {
    DOLLAR(false), DOUBLE_DOLLAR(true), PAREN(false), BRACKET(true);

    private final boolean display;

    Delimiter(boolean display) {
      this.display = display;
    }
  }
}
