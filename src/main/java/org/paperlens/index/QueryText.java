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
  /** Thread-safe (Lucene analyzers reuse per-thread token streams). */
  private static final org.apache.lucene.analysis.Analyzer ANALYZER = PaperFields.analyzer();

  private QueryText() {}

  /**
   * A query that matches {@code text} as plain words: every operator character is escaped and AND /
   * OR / NOT become ordinary words. For text that is not meant as a query (benchmark claims, a
   * pasted abstract).
   */
  public static String literal(String text) {
    return OPERATORS.matcher(QueryParserBase.escape(text)).replaceAll(m -> m.group().toLowerCase(Locale.ROOT));
  }

  /**
   * The query as a remote engine's classic-syntax parser should get it: checked against this
   * language first (so a malformed query fails the same way on every backend), with the
   * characters the language reads as text ({@code / ? !}) escaped.
   *
   * @throws BadQueryException when the query cannot be parsed
   */
  public static String checked(String query) {
    PaperQueryParser.parse(query, ANALYZER, IndexSettings.DEFAULT.fieldBoosts());
    return PaperQueryParser.escapeLiterals(query);
  }
}
