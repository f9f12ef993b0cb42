package org.paperlens.index;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text turned into the keyword query language ({@link PaperIndex#keyword}). The language is the
 * same whatever engine answers it, so this lives beside the index interface, not in one engine.
 */
public final class QueryText {

  private static final Pattern OPERATORS = Pattern.compile("\\b(AND|OR|NOT)\\b");
  /** The language's operator characters (those of Lucene's classic syntax), each escaped by a backslash. */
  private static final Pattern SYNTAX = Pattern.compile("[\\\\+\\-!():^\\[\\]\"{}~*?|&/]");

  private QueryText() {}

  /** A word that must be there or must not ({@code +word}, {@code -word}) at the start or after a space or parenthesis. */
  private static final Pattern MODIFIERS = Pattern.compile("(^|[\\s(])[+-]\\S");

  /**
   * Whether the query joins its words with an operator of its own (AND, OR, NOT, + or -): then it,
   * not the match rule alone, says which papers match.
   */
  public static boolean hasOperators(String query) {
    return query != null && (OPERATORS.matcher(query).find() || MODIFIERS.matcher(query).find());
  }

  /**
   * A query that matches {@code text} as plain words: every operator character is escaped and AND /
   * OR / NOT become ordinary words. For text that is not meant as a query (benchmark claims, a
   * pasted abstract).
   */
  public static String literal(String text) {
    return OPERATORS.matcher(SYNTAX.matcher(text).replaceAll("\\\\$0")).replaceAll(m -> m.group().toLowerCase(Locale.ROOT));
  }
}
