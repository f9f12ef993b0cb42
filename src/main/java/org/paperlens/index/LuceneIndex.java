package org.paperlens.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.QueryTermExtractor;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.paperlens.paper.PaperId;

/**
 * The embedded {@link PaperIndex}: one Lucene index directory, opened read-only.
 *
 * <p>Thread-safe: an {@link IndexSearcher} over one {@link DirectoryReader} is shared by all
 * searches. A rebuilt index is picked up by opening a new {@code LuceneIndex} on the generation
 * {@link IndexDirectory} now names; this one keeps serving its own files until closed.
 */
public final class LuceneIndex implements PaperIndex {

  private static final int SNIPPET_FALLBACK_CHARS = 240;

  private final FSDirectory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Analyzer analyzer = PaperFields.analyzer();
  private final IndexSettings settings;

  private LuceneIndex(FSDirectory directory, IndexSettings settings) throws IOException {
    this.directory = directory;
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
    this.searcher.setSimilarity(new BM25Similarity(settings.k1(), settings.b()));
    this.settings = settings;
  }

  /** Opens the current generation under {@code indexRoot}. */
  public static LuceneIndex open(Path indexRoot, IndexSettings settings) {
    Path current = IndexDirectory.current(indexRoot).orElseThrow(() -> new IndexMissingException(
        "no search index in " + indexRoot + "; build it with 'paperlens reindex'"));
    try {
      return new LuceneIndex(FSDirectory.open(current), settings);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index " + current + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<IndexHit> keyword(String query, Filters filters, int k) {
    Query parsed = PaperQueryParser.parse(query, analyzer, settings.fieldBoosts());
    return run(withFilters(parsed, filters), k);
  }

  @Override
  public List<IndexHit> nearest(float[] vector, Filters filters, int k) {
    Query filter = filters.isEmpty() ? null : filterQuery(filters);
    return run(new KnnFloatVectorQuery(PaperFields.VECTOR, vector, k, filter), k);
  }

  @Override
  public LexicalNeighbours moreLikeThis(PaperId id, Filters filters, int k) {
    try {
      OptionalInt doc = docOf(id);
      if (doc.isEmpty()) {
        return new LexicalNeighbours(List.of(), List.of());
      }
      MoreLikeThisQuery mlt = new MoreLikeThisQuery(reader, analyzer);
      Query like = new BooleanQuery.Builder()
          .add(mlt.query(doc.getAsInt()), BooleanClause.Occur.MUST)
          .add(new TermQuery(new Term(PaperFields.ID, id.value())), BooleanClause.Occur.MUST_NOT)
          .build();
      List<String> stems = mlt.stems(doc.getAsInt());
      List<String> words = MoreLikeThisQuery.readable(stems, mlt.surfaceForms(searcher.storedFields().document(doc.getAsInt())));
      return new LexicalNeighbours(run(withFilters(like, filters), k), words);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Map<PaperId, List<String>> sharedTerms(PaperId source, List<PaperId> candidates) {
    Map<PaperId, List<String>> out = new LinkedHashMap<>();
    try {
      OptionalInt doc = docOf(source);
      if (doc.isEmpty()) {
        return out;
      }
      MoreLikeThisQuery mlt = new MoreLikeThisQuery(reader, analyzer);
      List<String> stems = mlt.stems(doc.getAsInt());
      Map<String, String> forms = mlt.surfaceForms(searcher.storedFields().document(doc.getAsInt()));
      for (PaperId candidate : candidates) {
        OptionalInt other = docOf(candidate);
        if (other.isPresent()) {
          java.util.Set<String> has = mlt.stemsOf(searcher.storedFields().document(other.getAsInt()));
          out.put(candidate, MoreLikeThisQuery.readable(stems.stream().filter(has::contains).toList(), forms));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public PaperFeatures features(List<PaperId> profile, Filters window) {
    try {
      int[] docs = new int[profile.size()];
      for (int i = 0; i < docs.length; i++) {
        PaperId id = profile.get(i);
        docs[i] = docOf(id).orElseThrow(() -> new IllegalArgumentException("paper not in the index: " + id));
      }
      Query candidates = window.isEmpty() ? new MatchAllDocsQuery() : filterQuery(window);
      StoredFields stored = searcher.storedFields();
      return new FeatureReader(searcher, reader, analyzer).read(docs, candidates, doc -> {
        try {
          return new PaperId(stored.document(doc, java.util.Set.of(PaperFields.ID)).get(PaperFields.ID));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<LocalDate> newestDate() {
    try {
      byte[] max = org.apache.lucene.index.PointValues.getMaxPackedValue(reader, PaperFields.DATE);
      return max == null ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(IntPoint.decodeDimension(max, 0)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private OptionalInt docOf(PaperId id) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(PaperFields.ID, id.value())), 1);
    return top.scoreDocs.length == 0 ? OptionalInt.empty() : OptionalInt.of(top.scoreDocs[0].doc);
  }

  @Override
  public Optional<PaperId> byExactTitle(String title, Filters filters) {
    String key = PaperFields.titleKey(title);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    List<IndexHit> hits = run(withFilters(new TermQuery(new Term(PaperFields.TITLE_KEY, key)), filters), 1);
    return hits.stream().findFirst().map(IndexHit::id);
  }

  @Override
  public boolean contains(PaperId id, Filters filters) {
    return !run(withFilters(new TermQuery(new Term(PaperFields.ID, id.value())), filters), 1).isEmpty();
  }

  @Override
  public Optional<IndexedPaper> get(PaperId id) {
    try {
      TopDocs top = searcher.search(new TermQuery(new Term(PaperFields.ID, id.value())), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.of(toPaper(searcher.storedFields().document(top.scoreDocs[0].doc)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Map<PaperId, String> snippets(String query, List<PaperId> ids) {
    Map<PaperId, String> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    try {
      Query idQuery = new TermInSetQuery(PaperFields.ID, ids.stream().map(i -> new BytesRef(i.value())).toList());
      TopDocs docs = searcher.search(idQuery, ids.size());
      Arrays.sort(docs.scoreDocs, (a, b) -> Integer.compare(a.doc, b.doc));
      String[] marked = highlight(query, idQuery, docs);
      StoredFields stored = searcher.storedFields();
      Map<String, String> byId = new LinkedHashMap<>();
      for (int i = 0; i < docs.scoreDocs.length; i++) {
        Document doc = stored.document(docs.scoreDocs[i].doc);
        String snippet = marked == null ? null : marked[i];
        if (snippet == null) {
          snippet = Snippets.leading(doc.get(PaperFields.ABSTRACT), SNIPPET_FALLBACK_CHARS);
        }
        byId.put(doc.get(PaperFields.ID), snippet);
      }
      for (PaperId id : ids) {
        String s = byId.get(id.value());
        if (s != null) {
          out.put(id, s);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Marks the query's terms in each doc's abstract; null when the query has no usable terms. */
  private String[] highlight(String query, Query idQuery, TopDocs docs) throws IOException {
    Query terms;
    try {
      terms = PaperQueryParser.parse(query, analyzer, settings.fieldBoosts());
    } catch (BadQueryException e) {
      return null;
    }
    if (QueryTermExtractor.getTerms(terms).length == 0) {
      return null;
    }
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
        .withMaxLength(20_000)
        .build();
    Query both = new BooleanQuery.Builder()
        .add(terms, BooleanClause.Occur.SHOULD)
        .add(idQuery, BooleanClause.Occur.FILTER)
        .build();
    return highlighter.highlight(PaperFields.ABSTRACT, both, docs, 2);
  }

  @Override
  public int size() {
    return reader.numDocs();
  }

  private Query withFilters(Query query, Filters filters) {
    if (filters.isEmpty()) {
      return query;
    }
    return new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.MUST)
        .add(filterQuery(filters), BooleanClause.Occur.FILTER)
        .build();
  }

  private Query filterQuery(Filters f) {
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
  private List<IndexHit> run(Query query, int k) {
    if (k <= 0) {
      return List.of();
    }
    try {
      ScoreDoc[] docs = searcher.search(query, k + 1).scoreDocs;
      if (docs.length > k && docs[k].score == docs[k - 1].score) {
        docs = withAllTied(query, docs[k - 1].score, k);
      }
      StoredFields stored = searcher.storedFields();
      List<IndexHit> hits = new ArrayList<>(docs.length);
      for (ScoreDoc sd : docs) {
        String id = stored.document(sd.doc, java.util.Set.of(PaperFields.ID)).get(PaperFields.ID);
        hits.add(new IndexHit(new PaperId(id), sd.score));
      }
      hits.sort(java.util.Comparator.comparingDouble((IndexHit h) -> -h.score()).thenComparing(IndexHit::id));
      return hits.size() > k ? List.copyOf(hits.subList(0, k)) : hits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Hits tying at the cut beyond this many are cut by document number (a query that scores everything alike). */
  static final int MAX_TIE_SCAN = 10_000;

  /** The hits down to the last one scoring {@code cut}, fetched in growing batches. */
  private ScoreDoc[] withAllTied(Query query, float cut, int k) throws IOException {
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

  private static IndexedPaper toPaper(Document doc) {
    IndexableField date = doc.getField(PaperFields.DATE);
    return new IndexedPaper(new PaperId(doc.get(PaperFields.ID)), doc.get(PaperFields.TITLE),
        Arrays.asList(doc.getValues(PaperFields.AUTHORS)), doc.get(PaperFields.PRIMARY_CATEGORY),
        date == null ? null : LocalDate.ofEpochDay(date.numericValue().intValue()),
        doc.get(PaperFields.ABSTRACT));
  }

  @Override
  public void close() {
    try {
      reader.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
