package org.paperlens.citation.match;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A title reduced to what survives every way it is written: BibTeX braces and commands
 * ({@code {BERT}: Pre-training}, {@code {\"u}}), accents, case, punctuation and spacing. Two
 * spellings of one title give the same key; the key is only for comparing, never shown.
 */
public record TitleKey(String value) {

  private static final Pattern TEX_COMMAND = Pattern.compile("\\\\(?:[a-zA-Z]+|.)\\s*");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /**
   * Titles of fewer words are too common to identify a paper on their own ("Introduction",
   * "Attention Is All You Need" has five and is fine; "Deep Learning" has two and is not).
   */
  static final int MIN_WORDS = 3;

  /** The key of {@code title}, or empty when too little of it is left to identify a paper. */
  public static Optional<TitleKey> of(String title) {
    if (title == null) {
      return Optional.empty();
    }
    // Accent commands first ({\"u} -> u), then the decomposed accents of Unicode letters.
    // Braces go without a trace so that M\"{u}ller stays one word.
    String s = TEX_COMMAND.matcher(title).replaceAll("").replace("{", "").replace("}", "");
    s = Normalizer.normalize(s, Normalizer.Form.NFKD);
    s = MARKS.matcher(s).replaceAll("");
    s = NOT_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    if (s.isEmpty() || s.split(" ").length < MIN_WORDS) {
      return Optional.empty();
    }
    return Optional.of(new TitleKey(s));
  }
}
