package org.paperlens.index;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paperlens.paper.PaperId;

/**
 * The search index, seen from the rest of paperlens: what any engine can serve (keyword and
 * vector retrieval with filters, look-ups, snippets, more-like-this). The embedded implementation
 * is Lucene ({@code index.lucene.LuceneIndex}, {@code LiveIndex}); {@code index.solr.SolrIndex}
 * speaks to a SolrCloud collection. The write side is {@link IndexUpdates} (in place) and
 * {@link IndexRebuild} (whole); what only some engines can give is {@link #featureSource}. The index is
 * derived data: it can always be rebuilt from the catalogue.
 *
 * <p>Implementations are thread-safe: one instance serves every request.
 */
public interface PaperIndex extends AutoCloseable {

  /**
   * BM25 over title, abstract and authors, in the query language: free text, "phrases",
   * {@code ti: abs: au: cat:} fields, AND / OR / NOT, parentheses. Words joined by no operator
   * must all be in a paper under {@link Match#ALL}, any of them under {@link Match#ANY}.
   *
   * @throws BadQueryException when the query cannot be parsed
   */
  List<IndexHit> keyword(String query, Match match, Filters filters, int k);

  /** {@link #keyword(String, Match, Filters, int)} under the default rule, {@link Match#ALL}. */
  default List<IndexHit> keyword(String query, Filters filters, int k) {
    return keyword(query, Match.ALL, filters, k);
  }

  /**
   * {@link #keyword(String, Match, Filters, int)} and {@link #count(String, Match, Filters, int)}
   * of the same query at once. This default asks for both; an engine that counts the matches while
   * it ranks them (Lucene does, up to a bound) answers in one pass, which at a million papers saves
   * a tenth of a hybrid search.
   *
   * @throws BadQueryException when the query cannot be parsed
   */
  default CountedHits keywordCounted(String query, Match match, Filters filters, int k, int exactUpTo) {
    return new CountedHits(keyword(query, match, filters, k), count(query, match, filters, exactUpTo));
  }

  /** The k papers whose vectors are nearest {@code vector}, among those passing the filters. */
  List<IndexHit> nearest(float[] vector, Filters filters, int k);

  /**
   * Papers that share the most distinctive words of paper {@code id}'s title and abstract
   * (Lucene's more-like-this: the paper's highest tf-idf terms as a query), the paper itself
   * excluded, with those words in their readable form.
   */
  LexicalNeighbours moreLikeThis(PaperId id, Filters filters, int k);

  /**
   * For each candidate, the distinctive words of {@code source} (those {@link #moreLikeThis}
   * uses) that the candidate's title or abstract also contains, most distinctive first.
   */
  Map<PaperId, List<String>> sharedTerms(PaperId source, List<PaperId> candidates);

  /** The latest paper date in the index (first listed, else submitted), if any paper has one. */
  Optional<java.time.LocalDate> newestDate();

  /** The paper whose title is exactly {@code title} (ignoring case and punctuation), if one is. */
  Optional<PaperId> byExactTitle(String title, Filters filters);

  /** Whether the paper is in the index and passes the filters. */
  boolean contains(PaperId id, Filters filters);

  Optional<IndexedPaper> get(PaperId id);

  /** Those of {@code ids} that are indexed, in the order given. One round trip where the engine is remote. */
  default Map<PaperId, IndexedPaper> getAll(List<PaperId> ids) {
    Map<PaperId, IndexedPaper> out = new java.util.LinkedHashMap<>();
    for (PaperId id : ids) {
      get(id).ifPresent(p -> out.put(id, p));
    }
    return out;
  }

  /**
   * The dates (first listed, else submitted) of those of {@code ids} that are indexed and have one:
   * what sorting a result by date reads. An engine may read only the date where that is cheaper
   * than whole papers (a sort reads 1,000 of them).
   */
  default Map<PaperId, java.time.LocalDate> dates(List<PaperId> ids) {
    Map<PaperId, java.time.LocalDate> out = new java.util.HashMap<>();
    getAll(ids).forEach((id, p) -> {
      if (p.date() != null) {
        out.put(id, p.date());
      }
    });
    return out;
  }

  /**
   * Abstract snippets with the query's matches marked, as text (not escaped for any medium: the
   * web renders them as HTML, the terminal as plain text). Papers without a match get the start of
   * their abstract. Takes the papers as {@link #getAll} read them, so an engine
   * that can mark the text itself does not read each shown paper a second time.
   */
  Map<PaperId, MarkedText> snippets(String query, java.util.Collection<IndexedPaper> papers);

  /** Those of {@code ids} that are indexed without a vector (not embedded yet). */
  java.util.Set<PaperId> withoutVector(List<PaperId> ids);

  /** More papers than any one author writes: the bound of {@link #byAuthor}'s answer on every engine. */
  int MAX_AUTHOR_PAPERS = 10_000;

  /**
   * The papers that list {@code name} as an author (accents, case and spacing ignored), newest
   * first, at most {@code limit}; ties by id, newest id first.
   */
  List<IndexedPaper> byAuthor(String name, int limit);

  /**
   * How many papers match {@code query} (in the query language, under {@code match}; null for
   * every paper) and pass the filters. Costs one counting pass over the matches, no scoring.
   *
   * @throws BadQueryException when the query cannot be parsed
   */
  int count(String query, Match match, Filters filters);

  /**
   * {@link #count(String, Match, Filters)} counted exactly up to {@code exactUpTo} matches and no
   * further: past it the answer is a lower bound ({@link HitCount#exact()} false), and the count
   * stops as soon as it is known, so a common word costs as little to count as a rare one.
   *
   * @throws BadQueryException when the query cannot be parsed
   */
  HitCount count(String query, Match match, Filters filters, int exactUpTo);

  /** {@link #count(String, Match, Filters)} under the default rule, {@link Match#ALL}. */
  default int count(String query, Filters filters) {
    return count(query, Match.ALL, filters);
  }

  /**
   * How many papers pass the filters and can be found by meaning (they have an embedding): what
   * semantic search ranks. Fewer than {@code count(null, filters)} while papers are being embedded.
   */
  int countByMeaning(Filters filters);

  /**
   * What this engine can give a learned ranking beyond these reads, if it can: the embedded
   * index reads many papers' term weights and vectors in one pass; a remote engine cannot, and
   * callers fall back to what this interface serves.
   */
  Optional<FeatureSource> featureSource();

  /** How many papers are indexed. */
  int size();

  /** The catalogue position the index is complete up to, and how much of it is embedded. */
  IndexCoverage coverage();

  @Override
  void close();
}
