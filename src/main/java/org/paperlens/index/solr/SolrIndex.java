package org.paperlens.index.solr;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.paperlens.index.FeatureSource;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexChange;
import org.paperlens.index.IndexCoverage;
import org.paperlens.index.IndexHit;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.IndexSource;
import org.paperlens.index.IndexUnavailableException;
import org.paperlens.index.IndexedPaper;
import org.paperlens.index.LexicalNeighbours;
import org.paperlens.index.LiveSearchIndex;
import org.paperlens.index.MarkedText;
import org.paperlens.index.PaperFields;
import org.paperlens.index.VectorCodes;
import org.paperlens.index.RebuildReport;
import org.paperlens.index.lucene.TextAnalysis;
import org.paperlens.paper.AuthorNames;
import org.paperlens.paper.PaperId;

/**
 * The search index in a SolrCloud collection, spoken to with SolrJ over the JDK's HTTP client.
 * The collection uses the paperlens config set ({@code solr/configset}), whose fields and analysis
 * are the embedded index's, so keyword and vector lists rank alike; hybrid fusion stays in the app.
 *
 * <p>Thread-safe: one {@link SolrConnection} for every request. A read that fails on a connection
 * or a 5xx is tried again on another node; when every try fails it becomes an
 * {@link IndexUnavailableException}, which the web app answers with 503. Writes: {@link #apply}
 * sends documents, {@link #refresh} makes them searchable (a soft commit), {@link #commit} durable
 * (a hard commit); the catalogue watermark is one document of its own, written with every batch.
 *
 * <p>Longer than 300 lines because it implements the whole {@link LiveSearchIndex} (reads and both write
 * sides) over one connection; the work is elsewhere (the connection and its retries
 * {@link SolrConnection}, queries {@link SolrQueries}, snippets {@link SolrSnippets}, more-like-this
 * {@link SolrMoreLikeThis}, writes {@link SolrWrites}, documents {@link SolrDocuments}).
 */
public final class SolrIndex implements LiveSearchIndex {

  private final SolrConnection solr;
  private final IndexSettings settings;
  private final TextAnalysis analyzer = TextAnalysis.papers();
  /** Whether the collection keeps byte vectors (this version's config set) or floats (an older one), and their codes; asked once. */
  private final SolrVectorEncoding vectors;
  private volatile IndexCoverage coverage;
  /** Guarded by this. */
  private long appliedSeq;
  private long committedSeq;

  private SolrIndex(SolrConnection solr, IndexSettings settings) {
    this.solr = solr;
    this.settings = settings;
    this.committedSeq = readWatermark();
    this.appliedSeq = committedSeq;
    this.vectors = SolrVectorEncoding.of(solr, readRecordedCodes(), settings.codes());
    this.coverage = measure(committedSeq);
  }

  /**
   * Connects to the collection and reads its watermark.
   *
   * @throws IndexUnavailableException when no node answers or the collection is not there
   */
  public static SolrIndex connect(SolrTarget target, IndexSettings settings) {
    return connect(SolrConnection.open(target), settings);
  }

  static SolrIndex connect(SolrConnection solr, IndexSettings settings) {
    try {
      return new SolrIndex(solr, settings);
    } catch (RuntimeException e) {
      try {
        solr.close();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Where this index is, for logs and reports. */
  public SolrTarget target() {
    return solr.target();
  }

  // ---- reads ----

  @Override
  public List<IndexHit> keyword(String query, org.paperlens.index.Match match, Filters filters, int k) {
    SolrQuery q = SolrQueries.keyword(query, match, settings);
    SolrQueries.filter(q, filters, analyzer);
    return solr.hits(q, k);
  }

  /** One call: the hits and their count come back in the same answer. */
  @Override
  public org.paperlens.index.CountedHits keywordCounted(String query, org.paperlens.index.Match match, Filters filters, int k,
      int exactUpTo) {
    SolrQuery q = SolrQueries.keyword(query, match, settings);
    SolrQueries.filter(q, filters, analyzer);
    return solr.countedHits(q, k, exactUpTo);
  }

  @Override
  public List<IndexHit> nearest(float[] vector, Filters filters, int k) {
    SolrQuery q = SolrQueries.nearest(vector, k, vectors);
    SolrQueries.filter(q, filters, analyzer);
    if (!vectors.bytes()) {
      return solr.hits(q, k);
    }
    // Solr scores byte vectors as Lucene does; on the float vectors' scale, as the embedded index answers.
    java.util.function.DoubleUnaryOperator unit = vectors.codes().unitScores(vector);
    return solr.hits(q, k).stream().map(h -> new IndexHit(h.id(), (float) unit.applyAsDouble(h.score()))).toList();
  }

  @Override
  public LexicalNeighbours moreLikeThis(PaperId id, Filters filters, int k) {
    SolrMoreLikeThis mlt = SolrMoreLikeThis.of(this, id, analyzer);
    SolrQuery q = mlt == null ? null : mlt.query();
    if (q == null) {
      return new LexicalNeighbours(List.of(), mlt == null ? List.of() : mlt.words());
    }
    SolrQueries.filter(q, filters, analyzer);
    return new LexicalNeighbours(solr.hits(q, k), mlt.words());
  }

  @Override
  public Map<PaperId, List<String>> sharedTerms(PaperId source, List<PaperId> candidates) {
    Map<PaperId, List<String>> out = new LinkedHashMap<>();
    SolrMoreLikeThis mlt = SolrMoreLikeThis.of(this, source, analyzer);
    if (mlt == null) {
      return out;
    }
    for (IndexedPaper candidate : getAll(candidates).values()) {
      out.put(candidate.id(), mlt.sharedWith(candidate));
    }
    return out;
  }

  @Override
  public Optional<LocalDate> newestDate() {
    SolrQuery q = new SolrQuery(PaperFields.DATE + ":[* TO *]").setFields(PaperFields.DATE).setRows(1);
    q.addSort(PaperFields.DATE, SolrQuery.ORDER.desc);
    List<SolrDocument> docs = query(q).getResults();
    return docs.isEmpty() ? Optional.empty()
        : Optional.of(LocalDate.ofEpochDay(((Number) docs.getFirst().getFieldValue(PaperFields.DATE)).intValue()));
  }

  @Override
  public Optional<PaperId> byExactTitle(String title, Filters filters) {
    String key = PaperFields.titleKey(title);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    SolrQuery q = new SolrQuery(SolrQueries.term(PaperFields.TITLE_KEY, key));
    SolrQueries.filter(q, filters, analyzer);
    return solr.hits(q, 1).stream().findFirst().map(IndexHit::id);
  }

  @Override
  public boolean contains(PaperId id, Filters filters) {
    SolrQuery q = new SolrQuery(SolrQueries.term(PaperFields.ID, id.value())).setRows(0);
    SolrQueries.filter(q, filters, analyzer);
    return query(q).getResults().getNumFound() > 0;
  }

  @Override
  public Optional<IndexedPaper> get(PaperId id) {
    return Optional.ofNullable(getAll(List.of(id)).get(id));
  }

  @Override
  public Map<PaperId, IndexedPaper> getAll(List<PaperId> ids) {
    Map<PaperId, IndexedPaper> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    Map<PaperId, IndexedPaper> found = new LinkedHashMap<>();
    SolrQuery q = SolrQueries.ids(ids).setFields(SolrDocuments.STORED).setRows(ids.size());
    for (SolrDocument doc : query(q).getResults()) {
      IndexedPaper p = SolrDocuments.toPaper(doc);
      found.put(p.id(), p);
    }
    for (PaperId id : ids) {
      if (found.containsKey(id)) {
        out.put(id, found.get(id));
      }
    }
    return out;
  }

  @Override
  public Map<PaperId, MarkedText> snippets(String query, java.util.Collection<IndexedPaper> papers) {
    return SolrSnippets.snippets(this, settings, query, papers);
  }

  /** None: features come from one pass over postings, which a remote engine does not give. */
  @Override
  public Optional<FeatureSource> featureSource() {
    return Optional.empty();
  }

  @Override
  public Set<PaperId> withoutVector(List<PaperId> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    SolrQuery q = SolrQueries.ids(ids).setFields(PaperFields.ID).setRows(ids.size());
    q.addFilterQuery("-" + SolrDocuments.HAS_VECTOR + ":true");
    Set<PaperId> out = new HashSet<>();
    for (SolrDocument doc : query(q).getResults()) {
      out.add(new PaperId((String) doc.getFieldValue(PaperFields.ID)));
    }
    return out;
  }

  @Override
  public List<IndexedPaper> byAuthor(String name, int limit) {
    String key = AuthorNames.fold(name);
    if (key.isEmpty() || limit <= 0) {
      return List.of();
    }
    SolrQuery q = new SolrQuery(SolrQueries.term(PaperFields.AUTHOR_KEY, key)).setFields(SolrDocuments.STORED)
        .setRows(Math.min(limit, MAX_AUTHOR_PAPERS));
    q.addSort(PaperFields.DATE, SolrQuery.ORDER.desc).addSort(PaperFields.ID, SolrQuery.ORDER.desc);
    return query(q).getResults().stream().map(SolrDocuments::toPaper).toList();
  }

  @Override
  public int count(String query, org.paperlens.index.Match match, Filters filters) {
    SolrQuery q = query == null ? new SolrQuery("*:*") : SolrQueries.keyword(query, match, settings);
    if (query == null) {
      SolrQueries.papersOnly(q);
    }
    SolrQueries.filter(q, filters, analyzer);
    return (int) query(q.setRows(0)).getResults().getNumFound();
  }

  /** Counted as {@link SolrConnection#total} says, with the one top id that lets the bound apply. */
  @Override
  public org.paperlens.index.HitCount count(String query, org.paperlens.index.Match match, Filters filters, int exactUpTo) {
    if (query == null) {
      return org.paperlens.index.HitCount.exactly(count(null, match, filters));
    }
    return keywordCounted(query, match, filters, 0, exactUpTo).total();
  }

  @Override
  public int countByMeaning(Filters filters) {
    SolrQuery q = new SolrQuery(SolrDocuments.HAS_VECTOR + ":true");
    SolrQueries.filter(q, filters, analyzer);
    return (int) query(q.setRows(0)).getResults().getNumFound();
  }

  @Override
  public int size() {
    return coverage.papers();
  }

  @Override
  public IndexCoverage coverage() {
    return coverage;
  }

  /** Runs a query on the collection (see {@link SolrConnection#query}). */
  QueryResponse query(SolrQuery q) {
    return solr.query(q);
  }

  // ---- writes ----

  @Override
  public synchronized void apply(List<IndexChange> changes, long upToSeq) {
    SolrWrites.apply(this, changes, Math.max(appliedSeq, upToSeq), System.currentTimeMillis());
    appliedSeq = Math.max(appliedSeq, upToSeq);
  }

  @Override
  public IndexCoverage refresh() {
    long seq;
    synchronized (this) {
      seq = appliedSeq;
    }
    SolrWrites.commit(this, true);
    coverage = measure(seq);
    return coverage;
  }

  @Override
  public synchronized void commit() {
    SolrWrites.commit(this, false);
    committedSeq = appliedSeq;
  }

  @Override
  public synchronized long durableSeq() {
    return committedSeq;
  }

  @Override
  public synchronized long appliedSeq() {
    return appliedSeq;
  }

  /**
   * Writes every live paper afresh, then deletes the documents older than this build and commits
   * once: searches see the old documents until that commit, then the new set whole.
   */
  @Override
  public RebuildReport rebuild(IndexSource papers, org.paperlens.common.Progress progress) {
    RebuildReport report = SolrWrites.rebuild(this, papers, progress);
    coverage = measure(readWatermark());
    return report;
  }

  /** Whether documents carry byte vectors, and how they are coded ({@link SolrVectorEncoding}). */
  SolrVectorEncoding vectors() {
    return vectors;
  }

  /** The connection writes go through (bounded in time, sent again once). */
  SolrConnection connection() {
    return solr;
  }

  String collection() {
    return solr.collection();
  }

  private long readWatermark() {
    SolrQuery q = new SolrQuery(SolrQueries.term(PaperFields.ID, SolrDocuments.WATERMARK_ID))
        .setFields(SolrDocuments.WATERMARK).setRows(1);
    List<SolrDocument> docs = query(q).getResults();
    return docs.isEmpty() ? 0 : ((Number) docs.getFirst().getFieldValue(SolrDocuments.WATERMARK)).longValue();
  }

  /** The codes the watermark document records: null when there is no watermark yet, "" when it records none. */
  private String readRecordedCodes() {
    SolrQuery q = new SolrQuery(SolrQueries.term(PaperFields.ID, SolrDocuments.WATERMARK_ID))
        .setFields(SolrDocuments.VECTOR_CODES).setRows(1);
    List<SolrDocument> docs = query(q).getResults();
    if (docs.isEmpty()) {
      return null;
    }
    Object codes = docs.getFirst().getFieldValue(SolrDocuments.VECTOR_CODES);
    return codes == null ? "" : codes.toString();
  }

  private IndexCoverage measure(long seq) {
    return new IndexCoverage(seq, count(null, Filters.NONE), countByMeaning(Filters.NONE));
  }

  @Override
  public void close() {
    solr.close();
  }
}
