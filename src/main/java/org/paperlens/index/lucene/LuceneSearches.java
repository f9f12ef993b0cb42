package org.paperlens.index.lucene;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;
import org.paperlens.index.BadQueryException;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexHit;
import org.paperlens.index.IndexedPaper;
import org.paperlens.index.PaperFields;
import org.paperlens.paper.PaperId;

/**
 * The queries and result handling every read of the embedded index shares: filters as Lucene
 * queries (applied inside the search, so a filtered search still finds k hits when k exist), the
 * top hits with ties cut by paper id, a paper's document number, and stored fields as an
 * {@link IndexedPaper}. Thread-safe (the analyzer is).
 */
final class LuceneSearches {

  private final Analyzer analyzer;

  LuceneSearches(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  Query withFilters(Query query, Filters filters) {
    if (filters.isEmpty()) {
      return query;
    }
    return new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.MUST)
        .add(filterQuery(filters), BooleanClause.Occur.FILTER)
        .build();
  }

  Query filterQuery(Filters f) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
    if (f.from() != null || f.to() != null) {
      int lo = f.from() == null ? Integer.MIN_VALUE : (int) f.from().toEpochDay();
      int hi = f.to() == null ? Integer.MAX_VALUE : (int) f.to().toEpochDay();
      b.add(IntPoint.newRangeQuery(PaperFields.DATE, lo, hi), BooleanClause.Occur.FILTER);
    }
    if (!f.categories().isEmpty()) {
      b.add(new TermInSetQuery(PaperFields.CATEGORY, f.categories().stream().map(BytesRef::new).toList()),
          BooleanClause.Occur.FILTER);
    }
    if (f.author() != null) {
      b.add(authorQuery(f.author()), BooleanClause.Occur.FILTER);
    }
    if (f.withCode()) {
      b.add(new TermQuery(new Term(PaperFields.CODE, "yes")), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  /** All the words of the author filter, in order, within one author's name. */
  private Query authorQuery(String author) {
    List<String> words = Snippets.tokens(analyzer, PaperFields.AUTHORS, author);
    if (words.isEmpty()) {
      throw new BadQueryException("the author filter '" + author + "' has no searchable words");
    }
    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
    for (String w : words) {
      phrase.add(new Term(PaperFields.AUTHORS, w));
    }
    return phrase.build();
  }

  /**
   * The top {@code k} hits, best first; equal scores in paper id order. Lucene breaks ties by
   * internal document number, which depends on the order a (parallel) build added the papers, so
   * the same search could order tied papers differently, or cut a different one at k, after a
   * rebuild. Costs one extra hit normally; when the hit after the k-th ties with it, every hit of
   * that score is fetched (up to {@link #MAX_TIE_SCAN}) so the cut can be made by id.
   */
  static List<IndexHit> run(IndexSearcher searcher, Query query, int k) throws IOException {
    if (k <= 0) {
      return List.of();
    }
    return hits(searcher, query, searcher.search(query, k + 1).scoreDocs, k);
  }

  /**
   * {@link #run} and the query's count of matches, exact up to {@code exactUpTo}, from the same
   * pass: Lucene's top-k collector counts every match until it has seen its threshold of them
   * before it starts skipping, so raising the threshold to the bound makes a second counting pass
   * ({@link BoundedCount}) unneeded. Past the bound, a count Lucene knows for free (one word, no
   * deletions) is still given exactly, as {@link BoundedCount} gives it.
   */
  static org.paperlens.index.CountedHits runCounted(IndexSearcher searcher, Query query, int k, int exactUpTo)
      throws IOException {
    if (exactUpTo <= 0) {
      throw new IllegalArgumentException("a count bound of " + exactUpTo);
    }
    int threshold = Math.max(Math.max(k, 0) + 1, exactUpTo);
    TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(Math.max(k, 0) + 1, null, threshold));
    org.paperlens.index.HitCount total = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO
        ? org.paperlens.index.HitCount.exactly(Math.toIntExact(top.totalHits.value()))
        : BoundedCount.free(searcher, query).orElse(org.paperlens.index.HitCount.atLeast(exactUpTo));
    return new org.paperlens.index.CountedHits(k <= 0 ? List.of() : hits(searcher, query, top.scoreDocs, k), total);
  }

  /** The top {@code k} of {@code docs} (the top k + 1 of {@code query}), ties at the cut settled by paper id. */
  private static List<IndexHit> hits(IndexSearcher searcher, Query query, ScoreDoc[] docs, int k) throws IOException {
    if (docs.length > k && docs[k].score == docs[k - 1].score) {
      docs = withAllTied(searcher, query, docs[k - 1].score, k);
    }
    DocIds ids = new DocIds(searcher.getIndexReader());
    List<IndexHit> hits = new ArrayList<>(docs.length);
    for (ScoreDoc sd : docs) {
      hits.add(new IndexHit(ids.idOf(sd.doc), sd.score));
    }
    hits.sort(java.util.Comparator.comparingDouble((IndexHit h) -> -h.score()).thenComparing(IndexHit::id));
    return hits.size() > k ? List.copyOf(hits.subList(0, k)) : hits;
  }

  /** Hits tying at the cut beyond this many are cut by document number (a query that scores everything alike). */
  static final int MAX_TIE_SCAN = 10_000;

  /** The hits down to the last one scoring {@code cut}, fetched in growing batches. */
  static ScoreDoc[] withAllTied(IndexSearcher searcher, Query query, float cut, int k) throws IOException {
    int n = k + 1;
    while (true) {
      n = (int) Math.min(MAX_TIE_SCAN, 2L * n);
      ScoreDoc[] docs = searcher.search(query, n).scoreDocs;
      if (docs.length < n || docs[n - 1].score < cut || n == MAX_TIE_SCAN) {
        int end = docs.length;
        while (end > k && docs[end - 1].score < cut) {
          end--;
        }
        return Arrays.copyOf(docs, end);
      }
    }
  }

  static IndexedPaper toPaper(Document doc) {
    IndexableField date = doc.getField(PaperFields.DATE);
    String tex = doc.get(PaperFields.TITLE_TEX);
    return new IndexedPaper(new PaperId(doc.get(PaperFields.ID)), tex != null ? tex : doc.get(PaperFields.TITLE),
        Arrays.asList(doc.getValues(PaperFields.AUTHORS)), doc.get(PaperFields.PRIMARY_CATEGORY),
        date == null ? null : LocalDate.ofEpochDay(date.numericValue().intValue()),
        doc.get(PaperFields.ABSTRACT), doc.get(PaperFields.CODE_URL));
  }

  static OptionalInt docOf(IndexSearcher s, PaperId id) throws IOException {
    TopDocs top = s.search(new TermQuery(new Term(PaperFields.ID, id.value())), 1);
    return top.scoreDocs.length == 0 ? OptionalInt.empty() : OptionalInt.of(top.scoreDocs[0].doc);
  }
}
