package org.paperlens.index.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
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
import org.paperlens.index.MarkedText;
import org.paperlens.index.PaperFeatures;
import org.paperlens.index.PaperFields;
import org.paperlens.index.PaperIndex;
import org.paperlens.paper.AuthorNames;
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
 *
 * <p>Longer than 300 lines because it is the one owner of a generation's searcher manager and writer: it
 * implements the whole read interface and the in-place write side over them. The work of the
 * reads is elsewhere (queries and hits {@link LuceneSearches}, snippets {@link Highlights}, term
 * reads {@link TermReads}, commit data {@link IndexCommit}); what stays is the lifecycle, the
 * watermark bookkeeping and one short method per read.
 */
public final class LuceneIndex implements PaperIndex, IndexUpdates, FeatureSource {

  private final Path generation;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Analyzer analyzer = PaperAnalyzer.create();
  private final LuceneSearches searches = new LuceneSearches(analyzer);
  private final TermReads terms = new TermReads(analyzer, searches);
  private final IndexSettings settings;
  private final String format;
  private final String quantization;
  /** How this generation keeps vectors (as built, whatever the settings now say); fixed for its life. */
  private final VectorField vectors;
  private volatile IndexCoverage coverage;
  /** Guarded by this: the watermark of what {@link #apply} has written, and of the last commit. */
  private long appliedSeq;
  private long committedSeq;

  private LuceneIndex(Path generation, Directory directory, IndexWriter writer, IndexSettings settings) throws IOException {
    this(generation, directory, writer, null, settings);
  }

  /** @param commit a reader of one commit to serve read-only (the last good one of a damaged index), or null */
  private LuceneIndex(Path generation, Directory directory, IndexWriter writer, DirectoryReader commit, IndexSettings settings)
      throws IOException {
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
        ? IndexCommit.userData(writer.getLiveCommitData())
        : commit != null ? commit.getIndexCommit().getUserData()
        : DirectoryReader.listCommits(directory).getLast().getUserData();
    this.committedSeq = Long.parseLong(userData.getOrDefault(IndexCommit.SEQ_KEY, "0"));
    this.appliedSeq = committedSeq;
    this.format = userData.getOrDefault(IndexCommit.FORMAT_KEY, "1");
    this.quantization = userData.getOrDefault(IndexCommit.QUANTIZATION_KEY, "");
    this.searchers = writer != null ? new SearcherManager(writer, factory)
        : commit != null ? new SearcherManager(commit, factory) : new SearcherManager(directory, factory);
    IndexSearcher first = searchers.acquire();
    try {
      this.vectors = VectorField.held(first.getIndexReader(), format, quantization, userData.get(IndexCommit.CODES_KEY));
    } finally {
      searchers.release(first);
    }
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
    return open(indexRoot, settings, true, FSDirectory::open);
  }

  /** As {@link #openLive(Path, IndexSettings)}, with the generation's files opened by {@code storage}. */
  static LuceneIndex openLive(Path indexRoot, IndexSettings settings, LiveIndex.Storage storage) {
    return open(indexRoot, settings, true, storage);
  }

  private static LuceneIndex open(Path indexRoot, IndexSettings settings, boolean live) {
    return open(indexRoot, settings, live, FSDirectory::open);
  }

  /**
   * The newest commit of the current generation whose checksums all hold, read-only: what a
   * server searches while a damaged index is rebuilt. Empty when there is none.
   */
  static Optional<LuceneIndex> lastGoodCommit(Path indexRoot, IndexSettings settings, LiveIndex.Storage storage) {
    Optional<Path> current = IndexDirectory.current(indexRoot);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    Directory dir = null;
    try {
      dir = storage.open(current.get());
      Optional<DirectoryReader> good = IndexIntegrity.lastGoodCommit(dir);
      if (good.isEmpty()) {
        dir.close();
        return Optional.empty();
      }
      return Optional.of(new LuceneIndex(current.get(), dir, null, good.get(), settings));
    } catch (IOException | RuntimeException e) {
      closeQuietly(dir);
      return Optional.empty();
    }
  }

  private static LuceneIndex open(Path indexRoot, IndexSettings settings, boolean live, LiveIndex.Storage storage) {
    Path current = IndexDirectory.current(indexRoot).orElseThrow(() -> new IndexMissingException(
        "no search index in " + indexRoot + "; build it with 'paperlens reindex'"));
    Directory dir = null;
    IndexWriter writer = null;
    try {
      dir = storage.open(current);
      if (live) {
        // New segments take the vector format the index was built with: a byte-vector index opened
        // with another quantisation configured must not get a scalar-quantised float format.
        writer = new IndexWriter(dir, IndexBuilder.config(asBuilt(dir, settings)).setOpenMode(IndexWriterConfig.OpenMode.APPEND));
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
      Optional<String> damage = IndexIntegrity.damage(e);
      if (damage.isPresent()) {
        throw new UncheckedIOException("the search index " + current + " is damaged (" + damage.get() + "): rebuild it from"
            + " the catalogue with 'paperlens reindex' (a running 'paperlens serve' rebuilds it by itself)", (IOException) e);
      }
      throw new UncheckedIOException("cannot open the search index " + current + ": " + e.getMessage(), (IOException) e);
    }
  }

  /** {@code settings} with the quantisation the index in {@code dir} records (the configured one when it records none). */
  private static IndexSettings asBuilt(Directory dir, IndexSettings settings) throws IOException {
    String built = DirectoryReader.listCommits(dir).getLast().getUserData().get(IndexCommit.QUANTIZATION_KEY);
    return built == null ? settings
        : settings.withQuantization(org.paperlens.index.VectorQuantization.byName(built).orElse(settings.quantization()));
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

  /**
   * True when the writer gave up after a failed write (Lucene closes it on a "tragic" error, e.g. a
   * read-only or full disk): nothing can be applied to this instance any more, and the generation
   * must be opened afresh from its last commit.
   */
  public boolean writerFailed() {
    return writer != null && (!writer.isOpen() || writer.getTragicException() != null);
  }

  /** Checks the checksum of every file searches read now; throws naming the first bad file. */
  public void verify() {
    withSearcher(s -> {
      IndexIntegrity.verify((DirectoryReader) s.getIndexReader());
      return null;
    });
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
    return IndexCommit.current(format, quantization, settings);
  }

  /** Why {@link #currentFormat} is false, for a message; empty when it is true. */
  public String staleReason() {
    return IndexCommit.staleReason(format, quantization, settings);
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
          case IndexChange.Put put -> writer.updateDocument(id, PaperDocument.of(put.paper(), put.vector(), vectors));
          case IndexChange.Remove remove -> writer.deleteDocuments(id);
        }
      }
      appliedSeq = Math.max(appliedSeq, upToSeq);
      // The layout and quantisation the index was built with, not the configured ones: updates to
      // an outdated index must not make it look current after a restart, before its rebuild is done.
      writer.setLiveCommitData(IndexCommit.data(appliedSeq, format, quantization, vectors.codes().name()));
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
        KnnVectorValues values = VectorField.values(leaf.reader());
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
  public List<IndexHit> keyword(String query, org.paperlens.index.Match match, Filters filters, int k) {
    Query parsed = PaperQueryParser.parse(query, match, analyzer, settings.fieldBoosts());
    return withSearcher(s -> {
      QueryCost.check(s, parsed, query);
      return QueryCost.guarded(query, () -> LuceneSearches.run(s, searches.withFilters(parsed, filters), k));
    });
  }

  @Override
  public org.paperlens.index.CountedHits keywordCounted(String query, org.paperlens.index.Match match, Filters filters, int k,
      int exactUpTo) {
    Query parsed = PaperQueryParser.parse(query, match, analyzer, settings.fieldBoosts());
    return withSearcher(s -> {
      QueryCost.check(s, parsed, query);
      return QueryCost.guarded(query, () -> LuceneSearches.runCounted(s, searches.withFilters(parsed, filters), k, exactUpTo));
    });
  }

  @Override
  public List<IndexHit> nearest(float[] vector, Filters filters, int k) {
    Query filter = filters.isEmpty() ? null : searches.filterQuery(filters);
    List<IndexHit> hits = withSearcher(s -> LuceneSearches.run(s, vectors.nearest(vector, k, filter), k));
    if (vectors == VectorField.FLOATS) {
      return hits;
    }
    java.util.function.DoubleUnaryOperator unit = vectors.unitScores(vector);
    return hits.stream().map(h -> new IndexHit(h.id(), (float) unit.applyAsDouble(h.score()))).toList();
  }

  @Override
  public LexicalNeighbours moreLikeThis(PaperId id, Filters filters, int k) {
    return withSearcher(s -> terms.moreLikeThis(s, id, filters, k));
  }

  @Override
  public Map<PaperId, List<String>> sharedTerms(PaperId source, List<PaperId> candidates) {
    return withSearcher(s -> terms.sharedTerms(s, source, candidates));
  }

  /** This index itself: it reads features from its postings. */
  @Override
  public Optional<FeatureSource> featureSource() {
    return Optional.of(this);
  }

  @Override
  public PaperFeatures features(List<PaperId> profile, Filters window) {
    return withSearcher(s -> terms.features(s, profile, window, vectors));
  }

  @Override
  public Optional<LocalDate> newestDate() {
    return withSearcher(s -> {
      byte[] max = org.apache.lucene.index.PointValues.getMaxPackedValue(s.getIndexReader(), PaperFields.DATE);
      return max == null ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(IntPoint.decodeDimension(max, 0)));
    });
  }

  @Override
  public Optional<PaperId> byExactTitle(String title, Filters filters) {
    String key = PaperFields.titleKey(title);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    List<IndexHit> hits = withSearcher(s -> LuceneSearches.run(s, searches.withFilters(new TermQuery(new Term(PaperFields.TITLE_KEY, key)), filters), 1));
    return hits.stream().findFirst().map(IndexHit::id);
  }

  @Override
  public boolean contains(PaperId id, Filters filters) {
    return !withSearcher(s -> LuceneSearches.run(s, searches.withFilters(new TermQuery(new Term(PaperFields.ID, id.value())), filters), 1)).isEmpty();
  }

  @Override
  public Optional<IndexedPaper> get(PaperId id) {
    return withSearcher(s -> {
      TopDocs top = s.search(new TermQuery(new Term(PaperFields.ID, id.value())), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.of(LuceneSearches.toPaper(s.storedFields().document(top.scoreDocs[0].doc)));
    });
  }

  /** One query for all of them, and only two stored fields read of each: a date sort reads a thousand. */
  @Override
  public Map<PaperId, LocalDate> dates(List<PaperId> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Query all = new TermInSetQuery(PaperFields.ID, ids.stream().map(i -> new BytesRef(i.value())).toList());
    return withSearcher(s -> {
      Map<PaperId, LocalDate> out = new java.util.HashMap<>();
      StoredFields stored = s.storedFields();
      java.util.Set<String> fields = java.util.Set.of(PaperFields.ID, PaperFields.DATE);
      for (ScoreDoc sd : s.search(all, ids.size()).scoreDocs) {
        org.apache.lucene.document.Document doc = stored.document(sd.doc, fields);
        IndexableField date = doc.getField(PaperFields.DATE);
        if (date != null) {
          out.put(new PaperId(doc.get(PaperFields.ID)), LocalDate.ofEpochDay(date.numericValue().intValue()));
        }
      }
      return out;
    });
  }

  @Override
  public Map<PaperId, MarkedText> snippets(String query, java.util.Collection<IndexedPaper> papers) {
    return Highlights.snippets(query, papers, analyzer, settings.fieldBoosts());
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
      for (IndexHit h : LuceneSearches.run(s, missing, ids.size())) {
        out.add(h.id());
      }
      return out;
    });
  }

  @Override
  public List<IndexedPaper> byAuthor(String name, int limit) {
    String key = AuthorNames.fold(name);
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
        out.add(LuceneSearches.toPaper(stored.document(sd.doc)));
      }
      out.sort(java.util.Comparator.comparing(IndexedPaper::date, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))
          .thenComparing(p -> p.id().value(), java.util.Comparator.reverseOrder()));
      return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    });
  }

  @Override
  public int count(String query, org.paperlens.index.Match match, Filters filters) {
    Query q = query == null ? new MatchAllDocsQuery() : PaperQueryParser.parse(query, match, analyzer, settings.fieldBoosts());
    return withSearcher(s -> {
      QueryCost.check(s, q, query);
      return QueryCost.guarded(query, () -> s.count(searches.withFilters(q, filters)));
    });
  }

  @Override
  public org.paperlens.index.HitCount count(String query, org.paperlens.index.Match match, Filters filters, int exactUpTo) {
    Query q = query == null ? new MatchAllDocsQuery() : PaperQueryParser.parse(query, match, analyzer, settings.fieldBoosts());
    return withSearcher(s -> {
      QueryCost.check(s, q, query);
      return QueryCost.guarded(query, () -> BoundedCount.count(s, searches.withFilters(q, filters), exactUpTo));
    });
  }

  @Override
  public int countByMeaning(Filters filters) {
    return withSearcher(s -> s.count(searches.withFilters(new org.apache.lucene.search.FieldExistsQuery(PaperFields.VECTOR), filters)));
  }

  @Override
  public int size() {
    return coverage.papers();
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
