package org.paperlens.index;

import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.lucene.queryparser.classic.QueryParserBase;

/**
 * Text turned into the keyword query language ({@link PaperIndex#keyword}). The language is the
 * same whatever engine answers it, so this lives beside the index interface, not in one engine.
 */
public final class QueryText {

  private static final Pattern OPERATORS = Pattern.compile("\\b(AND|OR|NOT)\\b");

  private QueryText() {}

  /**
   * A query that matches {@code text} as plain words: every operator character is escaped and AND /
   * OR / NOT become ordinary words. For text that is not meant as a query (benchmark claims, a
   * pasted abstract).
   */
  public static String literal(String text) {
    return OPERATORS.matcher(QueryParserBase.escape(text)).replaceAll(m -> m.group().toLowerCase(Locale.ROOT));
  }
}
