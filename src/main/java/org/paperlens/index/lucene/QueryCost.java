package org.paperlens.index.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.paperlens.index.BadQueryException;

/**
 * The budget of a keyword query's expanding words (fuzzy {@code a~}, wildcard and prefix
 * {@code net*}, range {@code [a TO c]}, regular expression): before the search, the words each
 * expands to in the index are counted, up to {@link #MAX_TERMS} in all and for at most
 * {@link #MAX_NANOS}, and a query past either is refused with a {@link BadQueryException} (400)
 * instead of costing seconds of CPU. Counting stops at the limit, so the check itself is bounded.
 *
 * <p>Lucene checks its clause limit ({@link IndexSearcher#getMaxClauseCount}) only when a query is
 * rewritten, inside the search: {@link #guarded} turns that into the same 400.
 */
final class QueryCost {

  /** Index words all of a query's expanding words may match together (summed over segments). */
  static final int MAX_TERMS = 20_000;

  /** Time the counting may take; past it the query is as costly as one past {@link #MAX_TERMS}. */
  static final long MAX_NANOS = 250_000_000L;

  private QueryCost() {}

  /**
   * Refuses {@code query} when its expanding words match too many index words in {@code searcher}.
   *
   * @param text the query as the user typed it, quoted in the message
   */
  static void check(IndexSearcher searcher, Query query, String text) throws IOException {
    List<MultiTermQuery> expanding = new ArrayList<>();
    query.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
        return this; // MUST_NOT too: a prohibited wildcard still expands
      }

      @Override
      public void visitLeaf(Query leaf) {
        if (leaf instanceof MultiTermQuery m) {
          expanding.add(m);
        }
      }
    });
    if (expanding.isEmpty()) {
      return;
    }
    long deadline = System.nanoTime() + MAX_NANOS;
    long seen = 0;
    for (MultiTermQuery m : expanding) {
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        Terms terms = leaf.reader().terms(m.getField());
        if (terms == null) {
          continue;
        }
        TermsEnum words = m.getTermsEnum(terms);
        while (words.next() != null) {
          if (++seen > MAX_TERMS) {
            throw tooCostly(text, "its fuzzy, wildcard or range words match more than " + MAX_TERMS + " different words in the index");
          }
          if ((seen & 255) == 0 && System.nanoTime() > deadline) {
            throw tooCostly(text, "expanding its fuzzy, wildcard or range words took longer than " + MAX_NANOS / 1_000_000 + " ms");
          }
        }
      }
    }
  }

  /**
   * Runs a search, turning Lucene's clause limit (hit while rewriting) and a phrase on a field
   * without positions into a bad query.
   */
  static <T> T guarded(String text, SearchCall<T> search) throws IOException {
    try {
      return search.run();
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooCostly(text, "it expands to more than " + IndexSearcher.getMaxClauseCount() + " clauses");
    } catch (IllegalStateException e) {
      // A phrase on a field kept without positions: the query's fault, not the server's.
      throw new BadQueryException("the query" + (text == null ? "" : " '" + text + "'") + " cannot be searched: " + e.getMessage());
    }
  }

  /** A search that may rewrite an expanding query. */
  @FunctionalInterface
  interface SearchCall<T> {
    T run() throws IOException;
  }

  static BadQueryException tooCostly(String text, String why) {
    String quoted = text == null ? "" : " '" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "'";
    return BadQueryException.tooCostly("the query" + quoted + " is too costly: " + why
        + "; use fewer words with ~, * or [ TO ], or make them longer");
  }
}
