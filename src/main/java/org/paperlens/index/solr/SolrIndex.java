package org.paperlens.index.solr;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.solr.client.solrj.RemoteSolrException;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.paperlens.index.BadQueryException;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexChange;
import org.paperlens.index.IndexCoverage;
import org.paperlens.index.IndexHit;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.IndexUnavailableException;
import org.paperlens.index.IndexedPaper;
import org.paperlens.index.LexicalNeighbours;
import org.paperlens.index.LiveSearchIndex;
import org.paperlens.index.PaperFields;
import org.paperlens.index.lucene.IndexBuilder;
import org.paperlens.index.lucene.PaperAnalyzer;
import org.paperlens.index.lucene.PaperQueryParser;
import org.paperlens.index.lucene.Snippets;
import org.paperlens.paper.PaperId;

/**
 * The search index in a SolrCloud collection, spoken to with SolrJ over the JDK's HTTP client.
 * The collection uses the paperlens config set ({@code solr/configset}), whose fields and analysis
 * are the embedded index's, so keyword and vector lists rank alike; hybrid fusion stays in the app.
 *
 * <p>Thread-safe: one client for every request. A read that fails on a connection or a 5xx is
 * tried again on another node (the cluster state names them); when every try fails it becomes an
 * {@link IndexUnavailableException}, which the web app answers with 503. Writes: {@link #apply}
 * sends documents, {@link #refresh} makes them searchable (a soft commit), {@link #commit} durable
 * (a hard commit); the catalogue watermark is one document of its own, written with every batch.
 */
public final class SolrIndex implements LiveSearchIndex {

  private static final int ATTEMPTS = 3;
  /**
   * A read that takes longer is given up and tried again on another node: a node stopping in the
   * middle of a request can leave it hanging (its own, or a shard request it sent), and a page must
   * not wait minutes. Writes (a rebuild's batches) get far longer.
   */
  private static final long READ_TIMEOUT_SECONDS = 10;
  private static final long WRITE_TIMEOUT_SECONDS = 300;
  private static final long RETRY_PAUSE_MS = 250;

  private final CloudSolrClient client;
  private final CloudSolrClient writer;
  private final SolrTarget target;
  private final IndexSettings settings;
  private final Analyzer analyzer = PaperAnalyzer.create();
  private volatile IndexCoverage coverage;
  /** Guarded by this. */
  private long appliedSeq;
  private long committedSeq;

  private SolrIndex(CloudSolrClient client, CloudSolrClient writer, SolrTarget target, IndexSettings settings) {
    this.client = client;
    this.writer = writer;
    this.target = target;
    this.settings = settings;
    this.committedSeq = readWatermark();
    this.appliedSeq = committedSeq;
    this.coverage = measure(committedSeq);
  }

  /**
   * Connects to the collection and reads its watermark.
   *
   * @throws IndexUnavailableException when no node answers or the collection is not there
   */
  public static SolrIndex connect(SolrTarget target, IndexSettings settings) {
    CloudSolrClient client = client(target, READ_TIMEOUT_SECONDS);
    CloudSolrClient writer = client(target, WRITE_TIMEOUT_SECONDS);
    try {
      return new SolrIndex(client, writer, target, settings);
    } catch (RuntimeException e) {
      for (CloudSolrClient c : new CloudSolrClient[] {client, writer}) {
        try {
          c.close();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  private static CloudSolrClient client(SolrTarget target, long requestTimeoutSeconds) {
    HttpJdkSolrClient.Builder http = new HttpJdkSolrClient.Builder()
        .withConnectionTimeout(5, TimeUnit.SECONDS)
        .withRequestTimeout(requestTimeoutSeconds, TimeUnit.SECONDS);
    return new CloudSolrClient.Builder(target.nodes())
        .withInternalClientBuilder(http)
        .withDefaultCollection(target.collection())
        .build();
  }

  /** Where this index is, for logs and reports. */
  public SolrTarget target() {
    return target;
  }

  // ---- reads ----

  @Override
  public List<IndexHit> keyword(String query, Filters filters, int k) {
    SolrQuery q = SolrQueries.keyword(query, settings);
    SolrQueries.filter(q, filters, analyzer);
    return hits(q, k);
  }

  @Override
  public List<IndexHit> nearest(float[] vector, Filters filters, int k) {
    SolrQuery q = SolrQueries.nearest(vector, k);
    SolrQueries.filter(q, filters, analyzer);
    return hits(q, k);
  }

  @Override
  public LexicalNeighbours moreLikeThis(PaperId id, Filters filters, int k) {
    SolrMoreLikeThis mlt = SolrMoreLikeThis.of(this, id, analyzer);
    SolrQuery q = mlt == null ? null : mlt.query();
    if (q == null) {
      return new LexicalNeighbours(List.of(), mlt == null ? List.of() : mlt.words());
    }
    SolrQueries.filter(q, filters, analyzer);
    return new LexicalNeighbours(hits(q, k), mlt.words());
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
    return hits(q, 1).stream().findFirst().map(IndexHit::id);
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
  public Map<PaperId, String> snippets(String query, java.util.Collection<IndexedPaper> papers) {
    Map<PaperId, String> out = new LinkedHashMap<>();
    if (papers.isEmpty()) {
      return out;
    }
    // Solr marks with its own analysis chain (the config set's), so it is asked; the abstracts the
    // papers carry are only the fallback, and are not fetched again.
    List<PaperId> ids = papers.stream().map(IndexedPaper::id).toList();
    Map<String, String> abstracts = new java.util.HashMap<>();
    papers.forEach(p -> abstracts.put(p.id().value(), p.abstractText()));
    SolrQuery q = SolrQueries.ids(ids).setFields(PaperFields.ID).setRows(ids.size());
    try {
      q.set("hl.q", PaperQueryParser.checked(query));
      SolrQueries.edismax(q, settings);
      q.set("hl", true).set("hl.method", "unified").set("hl.qparser", "edismax").set("hl.fl", PaperFields.ABSTRACT)
          .set("hl.snippets", 2).set("hl.tag.pre", "<mark>").set("hl.tag.post", "</mark>").set("hl.encoder", "html")
          .set("hl.tag.ellipsis", " … ").set("hl.defaultSummary", false).set("hl.maxAnalyzedChars", 20_000)
          .set("hl.requireFieldMatch", false);
    } catch (BadQueryException e) {
      // No usable terms: every paper gets the start of its abstract.
    }
    QueryResponse response = query(q);
    Map<String, Map<String, List<String>>> marked = response.getHighlighting();
    Map<String, String> byId = new LinkedHashMap<>();
    for (SolrDocument doc : response.getResults()) {
      String id = (String) doc.getFieldValue(PaperFields.ID);
      List<String> passages = marked == null || marked.get(id) == null ? null : marked.get(id).get(PaperFields.ABSTRACT);
      byId.put(id, passages == null || passages.isEmpty()
          ? Snippets.leading(abstracts.get(id), Snippets.FALLBACK_CHARS)
          : String.join(" … ", passages));
    }
    for (PaperId id : ids) {
      String s = byId.get(id.value());
      if (s != null) {
        out.put(id, s);
      }
    }
    return out;
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
    String key = PaperFields.authorKey(name);
    if (key.isEmpty() || limit <= 0) {
      return List.of();
    }
    SolrQuery q = new SolrQuery(SolrQueries.term(PaperFields.AUTHOR_KEY, key)).setFields(SolrDocuments.STORED)
        .setRows(Math.min(limit, MAX_AUTHOR_PAPERS));
    q.addSort(PaperFields.DATE, SolrQuery.ORDER.desc).addSort(PaperFields.ID, SolrQuery.ORDER.desc);
    return query(q).getResults().stream().map(SolrDocuments::toPaper).toList();
  }

  @Override
  public int count(String query, Filters filters) {
    SolrQuery q = query == null ? new SolrQuery("*:*") : SolrQueries.keyword(query, settings);
    if (query == null) {
      SolrQueries.papersOnly(q);
    }
    SolrQueries.filter(q, filters, analyzer);
    return (int) query(q.setRows(0)).getResults().getNumFound();
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

  /** The top {@code k} ids and scores, best first, equal scores in id order (as the embedded index orders them). */
  private List<IndexHit> hits(SolrQuery q, int k) {
    if (k <= 0) {
      return List.of();
    }
    q.setFields(PaperFields.ID + ",score").setRows(k);
    q.addSort("score", SolrQuery.ORDER.desc).addSort(PaperFields.ID, SolrQuery.ORDER.asc);
    List<IndexHit> out = new ArrayList<>(k);
    for (SolrDocument doc : query(q).getResults()) {
      out.add(new IndexHit(new PaperId((String) doc.getFieldValue(PaperFields.ID)),
          ((Number) doc.getFieldValue("score")).floatValue()));
    }
    return out;
  }

  /**
   * Runs a query, trying again on a connection failure or a server error (another node answers
   * the next try). A 4xx is the query's fault: a {@link BadQueryException}.
   */
  QueryResponse query(SolrQuery q) {
    for (int attempt = 1; ; attempt++) {
      try {
        return client.query(target.collection(), q, SolrRequest.METHOD.POST);
      } catch (RemoteSolrException e) {
        if (e.code() >= 400 && e.code() < 500) {
          throw new BadQueryException("SolrCloud rejected the query: " + firstLine(e.getMessage()));
        }
        retryOrFail(attempt, e);
      } catch (SolrServerException | IOException | RuntimeException e) {
        retryOrFail(attempt, e);
      }
    }
  }

  private void retryOrFail(int attempt, Exception e) {
    if (attempt >= ATTEMPTS) {
      throw new IndexUnavailableException("SolrCloud (" + target + ") did not answer after " + attempt + " tries: "
          + firstLine(String.valueOf(e.getMessage())), e);
    }
    try {
      Thread.sleep(RETRY_PAUSE_MS * attempt);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IndexUnavailableException("interrupted while waiting for SolrCloud", e);
    }
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
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
  public IndexBuilder.Report rebuild(org.paperlens.paper.CatalogueStore store, IndexBuilder.VectorLookup vectors,
      org.paperlens.common.Progress progress) {
    IndexBuilder.Report report = SolrWrites.rebuild(this, store, vectors, progress);
    coverage = measure(readWatermark());
    return report;
  }

  /** The client for writes, with the long timeout. */
  CloudSolrClient writer() {
    return writer;
  }

  String collection() {
    return target.collection();
  }

  private long readWatermark() {
    SolrQuery q = new SolrQuery(SolrQueries.term(PaperFields.ID, SolrDocuments.WATERMARK_ID))
        .setFields(SolrDocuments.WATERMARK).setRows(1);
    List<SolrDocument> docs = query(q).getResults();
    return docs.isEmpty() ? 0 : ((Number) docs.getFirst().getFieldValue(SolrDocuments.WATERMARK)).longValue();
  }

  private IndexCoverage measure(long seq) {
    return new IndexCoverage(seq, count(null, Filters.NONE), countByMeaning(Filters.NONE));
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      writer.close();
    }
  }
}
