package org.paperlens.index.lucene;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.paperlens.index.BadQueryException;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.Match;
import org.paperlens.index.PaperFields;

/**
 * The keyword query language, on Lucene's classic parser: free text over the weighted default
 * fields, "phrases", {@code ti: abs: au: cat:} fields, AND / OR / NOT, +/-, parentheses.
 *
 * <p>Differences from the classic syntax, for people typing paper titles and ids: {@code / ? !}
 * are literal (no regular expressions, one-letter wildcards or {@code !} for NOT), a prefix that is not a known field ({@code 3:1}) is searched
 * as text, and {@code cat:} matches a category exactly. Not thread-safe: make one per query.
 *
 * <p>Words with no operator between them are joined by the parser's default operator: AND under
 * {@link Match#ALL} (every word required, as SolrCloud's edismax does with {@code q.op=AND}), OR
 * under {@link Match#ANY}. An explicit {@code OR} makes the words on both sides optional, as in
 * Lucene's classic syntax, so {@code (a OR b) c} is "c and either a or b".
 */
public final class PaperQueryParser extends MultiFieldQueryParser {

  /**
   * Characters that are syntax to Lucene but text to people pasting titles: {@code /} (regular
   * expressions), {@code ?} (one-letter wildcard) and {@code !} (NOT; we spell it NOT or -).
   */
  private static final java.util.regex.Pattern LITERALS = java.util.regex.Pattern.compile("(?<!\\\\)[/?!]");

  /**
   * Expanding words (fuzzy {@code a~}, wildcard {@code net*}, range {@code [a TO c]}) one query may
   * have: each expands to many index words in every default field, and a handful already covers any
   * real search. Checked when parsing, so SolrCloud gets the same 400 before anything is sent; the
   * index-side budget is {@link QueryCost}.
   */
  static final int MAX_EXPANDING_WORDS = 8;

  private int expanding;
  private boolean perField;

  private PaperQueryParser(String[] fields, Analyzer analyzer, Map<String, Float> boosts, Match match) {
    super(fields, analyzer, boosts);
    setDefaultOperator(match == Match.ALL ? QueryParser.Operator.AND : QueryParser.Operator.OR);
    setAllowLeadingWildcard(false);
    setSplitOnWhitespace(true);
  }

  static Query parse(String query, Match match, Analyzer analyzer, Map<String, Float> boosts) {
    if (query == null || query.isBlank()) {
      throw new BadQueryException("the query is empty");
    }
    PaperQueryParser parser = new PaperQueryParser(boosts.keySet().toArray(String[]::new), analyzer, boosts, match);
    try {
      return parser.parse(escapeLiterals(withoutStopWords(query, match)));
    } catch (ParseException e) {
      throw new BadQueryException("cannot understand the query '" + query + "': " + firstLine(e.getMessage())
          + " (check quotes and parentheses, and that AND/OR/NOT have something on both sides)", e);
    } catch (IndexSearcher.TooManyClauses e) {
      throw BadQueryException.tooCostly("the query '" + abbreviate(query) + "' expands to too many terms");
    }
  }

  /**
   * The query as a remote engine's classic-syntax parser should get it: checked against this
   * language first (so a malformed query fails the same way on every backend), with the
   * characters the language reads as text ({@code / ? !}) escaped.
   *
   * @throws BadQueryException when the query cannot be parsed
   */
  public static String checked(String query) {
    return checked(query, Match.ANY);
  }

  /** {@link #checked(String)} for {@code match}: the text the engine should parse under that rule. */
  public static String checked(String query, Match match) {
    parse(query, match, Holder.ANALYZER, IndexSettings.DEFAULT.fieldBoosts());
    return escapeLiterals(withoutStopWords(query, match));
  }

  /**
   * Under {@link Match#ALL}, a query without operators of its own loses the bare English stop words
   * ("the", "of", "is"...) outside quotes. The text fields leave them out, but author names keep
   * every word, so "attention is all you need" would otherwise require "is" among a paper's
   * authors. A query of stop words alone is kept as it is; phrases keep theirs (positions matter).
   */
  static String withoutStopWords(String query, Match match) {
    if (match != Match.ALL || org.paperlens.index.QueryText.hasOperators(query)) {
      return query;
    }
    StringBuilder out = new StringBuilder();
    boolean quoted = false;
    boolean dropped = false;
    for (String word : query.strip().split("\\s+")) {
      boolean stop = !quoted && word.chars().allMatch(Character::isLetter)
          && EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word.toLowerCase(java.util.Locale.ROOT));
      if (word.chars().filter(c -> c == '"').count() % 2 == 1) {
        quoted = !quoted;
      }
      if (stop) {
        dropped = true;
        continue;
      }
      out.append(out.isEmpty() ? "" : " ").append(word);
    }
    return !dropped || out.isEmpty() ? query : out.toString();
  }

  /** Made on first use of {@link #checked}. */
  private static final class Holder {
    static final Analyzer ANALYZER = PaperAnalyzer.create();
  }

  /** The query with the characters this language reads as text ({@code / ? !}) escaped. */
  static String escapeLiterals(String query) {
    return LITERALS.matcher(query).replaceAll("\\\\$0");
  }

  @Override
  protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
    if (field == null) {
      return super.getFieldQuery(null, text, quoted);
    }
    String target = PaperFields.ALIASES.get(field.toLowerCase(java.util.Locale.ROOT));
    if (target == null) {
      return super.getFieldQuery(null, field + " " + text, quoted);
    }
    if (target.equals(PaperFields.CATEGORY)) {
      return new TermQuery(new Term(PaperFields.CATEGORY, text));
    }
    return super.getFieldQuery(target, text, quoted);
  }

  @Override
  protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
    String target = resolve(field);
    if (PaperFields.CATEGORY.equals(target)) {
      // An exact category has no positions for a phrase ("cat:\"cs LG\"~2" made Lucene throw in the search).
      return new TermQuery(new Term(PaperFields.CATEGORY, text));
    }
    return super.getFieldQuery(target, text, slop);
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    return expanding(field, "wildcard", () -> super.getPrefixQuery(resolve(field), termStr));
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    return expanding(field, "wildcard", () -> super.getWildcardQuery(resolve(field), termStr));
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
    return expanding(field, "fuzzy", () -> super.getFuzzyQuery(resolve(field), termStr, minSimilarity));
  }

  @Override
  protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
      throws ParseException {
    return expanding(field, "range", () -> super.getRangeQuery(aliasOrSelf(field), part1, part2, startInclusive, endInclusive));
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    return expanding(field, "regular-expression", () -> super.getRegexpQuery(aliasOrSelf(field), termStr));
  }

  /** One part of the query that the parser builds, which may throw its exception. */
  @FunctionalInterface
  private interface Part {
    Query build() throws ParseException;
  }

  /**
   * Counts one expanding word as the user typed it: the multi-field parser calls back once per
   * default field for a word without a field, and those calls are the same word.
   */
  private Query expanding(String field, String kind, Part part) throws ParseException {
    if (perField) {
      return part.build();
    }
    if (++expanding > MAX_EXPANDING_WORDS) {
      throw BadQueryException.tooCostly("the query has more than " + MAX_EXPANDING_WORDS + " fuzzy, wildcard or range words (a "
          + kind + " word is one: ~, * or [ TO ]); use at most " + MAX_EXPANDING_WORDS);
    }
    perField = field == null;
    try {
      return part.build();
    } finally {
      perField = false;
    }
  }

  /**
   * A known alias becomes its field; anything else (including no field) means the default
   * fields. Field names map to themselves, because the multi-field parser calls back with them.
   */
  private static String resolve(String field) {
    return field == null ? null : PaperFields.ALIASES.get(field.toLowerCase(java.util.Locale.ROOT));
  }

  /** A known alias becomes its field; any other field stays as typed (a range on it matches nothing, as before). */
  private static String aliasOrSelf(String field) {
    return field == null ? null : PaperFields.ALIASES.getOrDefault(field.toLowerCase(java.util.Locale.ROOT), field);
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
