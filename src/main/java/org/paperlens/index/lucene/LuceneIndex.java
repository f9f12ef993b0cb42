package org.paperlens.index.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.QueryTermExtractor;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.paperlens.index.BadQueryException;
import org.paperlens.index.FeatureSource;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexChange;
import org.paperlens.index.IndexCoverage;
import org.paperlens.index.IndexHit;
import org.paperlens.index.IndexMissingException;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.IndexUpdates;
import org.paperlens.index.IndexedPaper;
import org.paperlens.index.LexicalNeighbours;
import org.paperlens.index.PaperFeatures;
import org.paperlens.index.PaperFields;
import org.paperlens.index.PaperIndex;
import org.paperlens.index.VectorQuantization;
import org.paperlens.paper.PaperId;

/**
 * The embedded {@link PaperIndex}: one Lucene index generation directory, opened either read-only
 * (commands that only search) or live ({@code serve}), with an {@link IndexWriter} that applies
 * catalogue changes in place ({@link IndexUpdates}) and near-real-time reopening.
 *
 * <p>Thread-safe: searches share the current {@link IndexSearcher} through a
 * {@link SearcherManager}; each call acquires one and releases it before returning, so a refresh
 * never pulls a reader from under a running search. A rebuilt index ({@code paperlens reindex}) is
 * picked up by opening a new {@code LuceneIndex} on the generation {@link IndexDirectory} now
 * names; this one keeps serving its own files until closed.
 */
public final class LuceneIndex implements PaperIndex, IndexUpdates, FeatureSource {

  /** Commit user data: the catalogue change number the commit covers. */
  static final String SEQ_KEY = "catalogue_seq";
  /** Commit user data: the document layout; an index of another layout is rebuilt by serve. */
  static final String FORMAT_KEY = "paperlens_format";
  /** 2: id doc values and a catalogue watermark; 3: code and author key fields, title and abstract as readable text;
   * 4: Lucene 10.6's scalar-quantised vector format (Lucene104), the 10.3 one being read-only now;
   * 5: a stored code link, for the Code chip of search results;
   * 6: the vector quantisation recorded ({@link #QUANTIZATION_KEY}). */
  static final String FORMAT = "6";
  /** Commit user data: the {@link VectorQuantization#configName} the vectors were quantised with; absent before format 6. */
  static final String QUANTIZATION_KEY = "paperlens_quantization";


  private final Path generation;
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Analyzer analyzer = PaperAnalyzer.create();
  private final IndexSettings settings;
  private final String format;
  private final String quantization;
  private volatile IndexCoverage coverage;
  /** Guarded by this: the watermark of what {@link #apply} has written, and of the last commit. */
  private long appliedSeq;
  private long committedSeq;

  private LuceneIndex(Path generation, FSDirectory directory, IndexWriter writer, IndexSettings settings) throws IOException {
    this.generation = generation;
    this.directory = directory;
    this.writer = writer;
    this.settings = settings;
    SearcherFactory factory = new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
        IndexSearcher s = new IndexSearcher(reader);
        s.setSimilarity(new BM25Similarity(settings.k1(), settings.b()));
        return s;
      }
    };
    Map<String, String> userData = writer != null
        ? userData(writer.getLiveCommitData())
        : DirectoryReader.listCommits(directory).getLast().getUserData();
    this.committedSeq = Long.parseLong(userData.getOrDefault(SEQ_KEY, "0"));
    this.appliedSeq = committedSeq;
    this.format = userData.getOrDefault(FORMAT_KEY, "1");
    this.quantization = userData.getOrDefault(QUANTIZATION_KEY, "");
    this.searchers = writer != null ? new SearcherManager(writer, factory) : new SearcherManager(directory, factory);
    this.coverage = measure(committedSeq);
  }

  /** Opens the current generation under {@code indexRoot}, read-only. */
  public static LuceneIndex open(Path indexRoot, IndexSettings settings) {
    return open(indexRoot, settings, false);
  }

  /**
   * Opens the current generation under {@code indexRoot} for searching and in-place updates.
   * Only one process may hold it live (Lucene's write lock); others may open it read-only.
   */
  public static LuceneIndex openLive(Path indexRoot, IndexSettings settings) {
    return open(indexRoot, settings, true);
  }

  private static LuceneIndex open(Path indexRoot, IndexSettings settings, boolean live) {
    Path current = IndexDirectory.current(indexRoot).orElseThrow(() -> new IndexMissingException(
        "no search index in " + indexRoot + "; build it with 'paperlens reindex'"));
    FSDirectory dir = null;
    IndexWriter writer = null;
    try {
      dir = FSDirectory.open(current);
      if (live) {
        writer = new IndexWriter(dir, IndexBuilder.config(settings).setOpenMode(IndexWriterConfig.OpenMode.APPEND));
      }
      return new LuceneIndex(current, dir, writer, settings);
    } catch (IOException | RuntimeException e) {
      closeQuietly(writer);
      closeQuietly(dir);
      if (e instanceof RuntimeException r) {
        throw r;
      }
      if (e instanceof org.apache.lucene.store.LockObtainFailedException) {
        throw new UncheckedIOException("another paperlens serve is using the search index " + current
            + " (one server per data directory; stop it, or give this one another --data)", (IOException) e);
      }
      throw new UncheckedIOException("cannot open the search index " + current + ": " + e.getMessage(), (IOException) e);
    }
  }

  private static Map<String, String> userData(Iterable<Map.Entry<String, String>> entries) {
    Map<String, String> out = new java.util.HashMap<>();
    if (entries != null) {
      entries.forEach(e -> out.put(e.getKey(), e.getValue()));
    }
    return out;
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception suppressed) {
        // already failing: the first error is the one to report
      }
    }
  }

  /** The generation directory this index reads (and writes, when live). */
  public Path generation() {
    return generation;
  }

  /**
   * False for an index of an older document layout, or one whose vectors were quantised otherwise
   * than the settings it was opened with say: it answers searches, but should be rebuilt.
   */
  public boolean currentFormat() {
    return FORMAT.equals(format) && settings.quantization().configName().equals(quantization);
  }

  /** Why {@link #currentFormat} is false, for a message; empty when it is true. */
  public String staleReason() {
    if (!FORMAT.equals(format)) {
      return "the search index has an older layout (format " + format + ", now " + FORMAT + ")";
    }
    if (!currentFormat()) {
      return "the search index holds " + quantization + " vectors, the configured quantisation is "
          + settings.quantization().configName();
    }
    return "";
  }

  /** The commit user data of a new index built with these settings that covers the catalogue up to {@code seq}. */
  static java.util.Set<Map.Entry<String, String>> commitData(long seq, IndexSettings settings) {
    return commitData(seq, FORMAT, settings.quantization().configName());
  }

  private static java.util.Set<Map.Entry<String, String>> commitData(long seq, String format, String quantization) {
    return Map.of(SEQ_KEY, Long.toString(seq), FORMAT_KEY, format, QUANTIZATION_KEY, quantization).entrySet();
  }

  @Override
  public IndexCoverage coverage() {
    return coverage;
  }

  @Override
  public synchronized void apply(List<IndexChange> changes, long upToSeq) {
    requireLive();
    try {
      for (IndexChange change : changes) {
        Term id = new Term(PaperFields.ID, change.id().value());
        switch (change) {
          case IndexChange.Put put -> writer.updateDocument(id, PaperDocument.of(put.paper(), put.vector()));
          case IndexChange.Remove remove -> writer.deleteDocuments(id);
        }
      }
      appliedSeq = Math.max(appliedSeq, upToSeq);
      // The layout and quantisation the index was built with, not the configured ones: updates to
      // an outdated index must not make it look current after a restart, before its rebuild is done.
      writer.setLiveCommitData(commitData(appliedSeq, format, quantization));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update the search index " + generation + ": " + e.getMessage(), e);
    }
  }

  @Override
  public IndexCoverage refresh() {
    long seq;
    synchronized (this) {
      seq = appliedSeq;
    }
    try {
      searchers.maybeRefreshBlocking();
      // Measured after the refresh and stamped with what was applied before it: the coverage
      // never claims more than searches can see.
      coverage = measure(seq);
      return coverage;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot refresh the search index " + generation + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void commit() {
    requireLive();
    try {
      writer.commit();
      committedSeq = appliedSeq;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit the search index " + generation + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized long durableSeq() {
    return committedSeq;
  }

  @Override
  public synchronized long appliedSeq() {
    return appliedSeq;
  }

  private void requireLive() {
    if (writer == null) {
      throw new IllegalStateException("the search index " + generation + " was opened read-only");
    }
  }

  private IndexCoverage measure(long seq) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      IndexReader reader = s.getIndexReader();
      int withVector = 0;
      for (LeafReaderContext leaf : reader.leaves()) {
        FloatVectorValues values = leaf.reader().getFloatVectorValues(PaperFields.VECTOR);
        if (values == null) {
          continue;
        }
        Bits live = leaf.reader().getLiveDocs();
        KnnVectorValues.DocIndexIterator it = values.iterator();
        for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
          if (live == null || live.get(doc)) {
            withVector++;
          }
        }
      }
      return new IndexCoverage(seq, reader.numDocs(), withVector);
    } finally {
      searchers.release(s);
    }
  }

  /** Work done with one acquired searcher. */
  @FunctionalInterface
  private interface SearcherWork<T> {
    T run(IndexSearcher searcher) throws IOException;
  }

  private <T> T withSearcher(SearcherWork<T> work) {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        return work.run(s);
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<IndexHit> keyword(String query, Filters filters, int k) {
    Query parsed = PaperQueryParser.parse(query, analyzer, settings.fieldBoosts());
    return withSearcher(s -> run(s, withFilters(parsed, filters), k));
  }

  @Override
  public List<IndexHit> nearest(float[] vector, Filters filters, int k) {
    Query filter = filters.isEmpty() ? null : filterQuery(filters);
    return withSearcher(s -> run(s, new KnnFloatVectorQuery(PaperFields.VECTOR, vector, k, filter), k));
  }

  @Override
  public LexicalNeighbours moreLikeThis(PaperId id, Filters filters, int k) {
    return withSearcher(s -> {
      OptionalInt doc = docOf(s, id);
      if (doc.isEmpty()) {
        return new LexicalNeighbours(List.of(), List.of());
      }
      MoreLikeThisQuery mlt = new MoreLikeThisQuery(s.getIndexReader(), analyzer);
      Query like = new BooleanQuery.Builder()
          .add(mlt.query(doc.getAsInt()), BooleanClause.Occur.MUST)
          .add(new TermQuery(new Term(PaperFields.ID, id.value())), BooleanClause.Occur.MUST_NOT)
          .build();
      List<String> stems = mlt.stems(doc.getAsInt());
      List<String> words = MoreLikeThisQuery.readable(stems, mlt.surfaceForms(s.storedFields().document(doc.getAsInt())));
      return new LexicalNeighbours(run(s, withFilters(like, filters), k), words);
    });
  }

  @Override
  public Map<PaperId, List<String>> sharedTerms(PaperId source, List<PaperId> candidates) {
    return withSearcher(s -> {
      Map<PaperId, List<String>> out = new LinkedHashMap<>();
      OptionalInt doc = docOf(s, source);
      if (doc.isEmpty()) {
        return out;
      }
      MoreLikeThisQuery mlt = new MoreLikeThisQuery(s.getIndexReader(), analyzer);
      List<String> stems = mlt.stems(doc.getAsInt());
      Map<String, String> forms = mlt.surfaceForms(s.storedFields().document(doc.getAsInt()));
      for (PaperId candidate : candidates) {
        OptionalInt other = docOf(s, candidate);
        if (other.isPresent()) {
          java.util.Set<String> has = mlt.stemsOf(s.storedFields().document(other.getAsInt()));
          out.put(candidate, MoreLikeThisQuery.readable(stems.stream().filter(has::contains).toList(), forms));
        }
      }
      return out;
    });
  }

  @Override
  public PaperFeatures features(List<PaperId> profile, Filters window) {
    return withSearcher(s -> {
      int[] docs = new int[profile.size()];
      for (int i = 0; i < docs.length; i++) {
        PaperId id = profile.get(i);
        docs[i] = docOf(s, id).orElseThrow(() -> new IllegalArgumentException("paper not in the index: " + id));
      }
      Query candidates = window.isEmpty() ? new MatchAllDocsQuery() : filterQuery(window);
      DocIds ids = new DocIds(s.getIndexReader());
      PaperFeatures features = new FeatureReader(s, (DirectoryReader) s.getIndexReader(), analyzer).read(docs, candidates, doc -> {
        try {
          return ids.idOf(doc);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      // The searcher is released on return and a refresh may then close its reader: ids now.
      features.resolveAll();
      return features;
    });
  }

  @Override
  public Optional<LocalDate> newestDate() {
    return withSearcher(s -> {
      byte[] max = org.apache.lucene.index.PointValues.getMaxPackedValue(s.getIndexReader(), PaperFields.DATE);
      return max == null ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(IntPoint.decodeDimension(max, 0)));
    });
  }

  private static OptionalInt docOf(IndexSearcher s, PaperId id) throws IOException {
    TopDocs top = s.search(new TermQuery(new Term(PaperFields.ID, id.value())), 1);
    return top.scoreDocs.length == 0 ? OptionalInt.empty() : OptionalInt.of(top.scoreDocs[0].doc);
  }

  @Override
  public Optional<PaperId> byExactTitle(String title, Filters filters) {
    String key = PaperFields.titleKey(title);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    List<IndexHit> hits = withSearcher(s -> run(s, withFilters(new TermQuery(new Term(PaperFields.TITLE_KEY, key)), filters), 1));
    return hits.stream().findFirst().map(IndexHit::id);
  }

  @Override
  public boolean contains(PaperId id, Filters filters) {
    return !withSearcher(s -> run(s, withFilters(new TermQuery(new Term(PaperFields.ID, id.value())), filters), 1)).isEmpty();
  }

  @Override
  public Optional<IndexedPaper> get(PaperId id) {
    return withSearcher(s -> {
      TopDocs top = s.search(new TermQuery(new Term(PaperFields.ID, id.value())), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.of(toPaper(s.storedFields().document(top.scoreDocs[0].doc)));
    });
  }

  @Override
  public Map<PaperId, String> snippets(String query, java.util.Collection<IndexedPaper> papers) {
    Map<PaperId, String> out = new LinkedHashMap<>();
    Query terms = highlightable(query);
    // The abstracts come with the papers: marking them needs no second read of the stored fields.
    UnifiedHighlighter highlighter = terms == null ? null : UnifiedHighlighter.builderWithoutSearcher(analyzer)
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
        .withMaxLength(20_000)
        .withWeightMatches(false)
        .build();
    for (IndexedPaper paper : papers) {
      String text = paper.abstractText() == null ? "" : paper.abstractText();
      Object marked = null;
      if (highlighter != null && !text.isEmpty()) {
        try {
          marked = highlighter.highlightWithoutSearcher(PaperFields.ABSTRACT, terms, text, 2);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      out.put(paper.id(), marked instanceof String s && !s.isEmpty() ? s : Snippets.leading(text, Snippets.FALLBACK_CHARS));
    }
    return out;
  }

  /** The query's terms for marking, or null when it has none a highlighter could use. */
  private Query highlightable(String query) {
    try {
      Query terms = PaperQueryParser.parse(query, analyzer, settings.fieldBoosts());
      return QueryTermExtractor.getTerms(terms).length == 0 ? null : terms;
    } catch (BadQueryException e) {
      return null;
    }
  }

  @Override
  public java.util.Set<PaperId> withoutVector(List<PaperId> ids) {
    if (ids.isEmpty()) {
      return java.util.Set.of();
    }
    Query missing = new BooleanQuery.Builder()
        .add(new TermInSetQuery(PaperFields.ID, ids.stream().map(i -> new BytesRef(i.value())).toList()), BooleanClause.Occur.FILTER)
        .add(new org.apache.lucene.search.FieldExistsQuery(PaperFields.VECTOR), BooleanClause.Occur.MUST_NOT)
        .build();
    return withSearcher(s -> {
      java.util.Set<PaperId> out = new java.util.HashSet<>();
      for (IndexHit h : run(s, missing, ids.size())) {
        out.add(h.id());
      }
      return out;
    });
  }

  @Override
  public List<IndexedPaper> byAuthor(String name, int limit) {
    String key = PaperFields.authorKey(name);
    if (key.isEmpty()) {
      return List.of();
    }
    return withSearcher(s -> {
      // All of them (up to a bound no author reaches), then by date: the index has no date order.
      Query q = new TermQuery(new Term(PaperFields.AUTHOR_KEY, key));
      TopDocs top = s.search(q, Math.max(1, Math.min(s.count(q), MAX_AUTHOR_PAPERS)));
      StoredFields stored = s.storedFields();
      List<IndexedPaper> out = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc sd : top.scoreDocs) {
        out.add(toPaper(stored.document(sd.doc)));
      }
      out.sort(java.util.Comparator.comparing(IndexedPaper::date, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))
          .thenComparing(p -> p.id().value(), java.util.Comparator.reverseOrder()));
      return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    });
  }

  @Override
  public int count(String query, Filters filters) {
    Query q = query == null ? new MatchAllDocsQuery() : PaperQueryParser.parse(query, analyzer, settings.fieldBoosts());
    return withSearcher(s -> s.count(withFilters(q, filters)));
  }

  @Override
  public int countByMeaning(Filters filters) {
    return withSearcher(s -> s.count(withFilters(new org.apache.lucene.search.FieldExistsQuery(PaperFields.VECTOR), filters)));
  }

  @Override
  public int size() {
    return coverage.papers();
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
  private static List<IndexHit> run(IndexSearcher searcher, Query query, int k) throws IOException {
    if (k <= 0) {
      return List.of();
    }
    ScoreDoc[] docs = searcher.search(query, k + 1).scoreDocs;
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
  private static ScoreDoc[] withAllTied(IndexSearcher searcher, Query query, float cut, int k) throws IOException {
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
    String tex = doc.get(PaperFields.TITLE_TEX);
    return new IndexedPaper(new PaperId(doc.get(PaperFields.ID)), tex != null ? tex : doc.get(PaperFields.TITLE),
        Arrays.asList(doc.getValues(PaperFields.AUTHORS)), doc.get(PaperFields.PRIMARY_CATEGORY),
        date == null ? null : LocalDate.ofEpochDay(date.numericValue().intValue()),
        doc.get(PaperFields.ABSTRACT), doc.get(PaperFields.CODE_URL));
  }

  @Override
  public synchronized void close() {
    try {
      searchers.close();
      if (writer != null) {
        writer.close(); // commits what was applied, with its watermark
      }
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
