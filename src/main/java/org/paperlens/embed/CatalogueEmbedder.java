package org.paperlens.embed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.paperlens.common.Progress;
import org.paperlens.common.RequestGauge;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;

/**
 * Fills in the catalogue's missing and outdated vectors for one model.
 *
 * <p>Incremental and resumable: each batch of the encoder is stored in its own transaction, and
 * which papers still need a vector is worked out afresh from the catalogue on every run, so a
 * killed run is finished by running it again, and a second run finds nothing to do.
 *
 * <p>The papers to embed are taken newest first (up to the limit), so a reader finds today's papers
 * by meaning long before the archive is done; within each stretch of {@value #STRETCH} papers, each
 * listing day's papers are processed shortest text first, so batches of similar length waste
 * little work on padding.
 */
public final class CatalogueEmbedder {

  /** Model batches embedded in one encoder call and stored in one transaction. */
  static final int BATCHES_PER_CHUNK = 8;

  /** How many papers, in newest-first order, are sorted by length together. */
  static final int STRETCH = 512;

  private final CatalogueStore store;
  private final VectorStore vectors;
  private final Encoder encoder;
  private final Progress progress;

  public CatalogueEmbedder(CatalogueStore store, Encoder encoder, Progress progress) {
    this.store = store;
    this.vectors = new VectorStore(store);
    this.encoder = encoder;
    this.progress = progress;
  }

  /** Papers per {@link #embedChunk} call that keep the encoder's batches full: a few model batches. */
  public int chunkSize() {
    return encoder.options().batchSize() * BATCHES_PER_CHUNK;
  }

  /**
   * Embeds these papers (their text read afresh) and stores the vectors in one transaction, giving
   * way to requests while it does ({@link Encoder#embedDocuments(List, RequestGauge)}): how the
   * server embeds, a chunk at a time, choosing each chunk itself.
   *
   * @return the vectors stored (fewer than asked when papers were deleted meanwhile)
   * @throws InterruptedException when interrupted while waiting for the requests to end; nothing stored
   */
  public int embedChunk(List<VectorStore.Stale> chunk, RequestGauge gauge) throws InterruptedException {
    List<Paper> papers = read(chunk);
    List<EmbeddedText> texts = papers.stream().map(EmbeddedText::of).toList();
    List<PaperVector> out = vectorsOf(papers, texts, encoder.embedDocuments(texts.stream().map(EmbeddedText::text).toList(), gauge));
    vectors.put(encoder.model(), out);
    return out.size();
  }

  /** Embeds up to {@code limit} papers that lack an up-to-date vector. */
  public EmbedReport run(long limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, was " + limit);
    }
    long start = System.nanoTime();
    List<VectorStore.Stale> stale = new ArrayList<>();
    VectorStore.Scan scan = vectors.forEachStale(encoder.model(), stale::add);
    List<VectorStore.Stale> todo = new ArrayList<>(stale.subList(0, (int) Math.min(limit, stale.size())));
    for (int from = 0; from < todo.size(); from += STRETCH) {
      // Newest listing day first still (a stretch can span days), then by length within each day.
      todo.subList(from, Math.min(from + STRETCH, todo.size())).sort(Comparator.comparing(VectorStore.Stale::listed)
          .reversed().thenComparingInt(VectorStore.Stale::textLength));
    }
    long embedded = embed(todo, start);
    return new EmbedReport(embedded, scan.upToDate(), scan.withoutText(), stale.size() - embedded,
        seconds(start));
  }

  private long embed(List<VectorStore.Stale> todo, long start) {
    // Progress counts characters, not papers: batches are sorted by length, so papers per second
    // rises through a run, while characters per second stays steady and gives an honest ETA.
    long totalChars = todo.stream().mapToLong(VectorStore.Stale::textLength).sum();
    long doneChars = 0;
    long done = 0;
    // Several model batches per call and per transaction: the encoder then sorts a chunk by token
    // count (characters are only a proxy), and the catalogue commits an eighth as often. Before
    // this, one call per model batch ran at 0.82 of plain ONNX Runtime (docs/benchmarks.md).
    int chunk = encoder.options().batchSize() * BATCHES_PER_CHUNK;
    progress.begin("embed " + encoder.model(), totalChars, "characters");
    try {
      for (int from = 0; from < todo.size(); from += chunk) {
        List<VectorStore.Stale> batch = todo.subList(from, Math.min(from + chunk, todo.size()));
        List<PaperVector> out = embedPapers(read(batch));
        vectors.put(encoder.model(), out);
        done += out.size();
        doneChars += batch.stream().mapToLong(VectorStore.Stale::textLength).sum();
        progress.advanceTo(doneChars, String.format("%,d of %,d papers, %.1f papers/s",
            done, todo.size(), done / Math.max(seconds(start), 1e-9)));
      }
    } finally {
      progress.end();
    }
    return done;
  }

  /** The chunk's papers, read afresh in one transaction, so the stored hash is exactly that of the text embedded. */
  private List<Paper> read(List<VectorStore.Stale> batch) {
    return store.findAll(batch.stream().map(VectorStore.Stale::id).toList());
  }

  private List<PaperVector> embedPapers(List<Paper> papers) {
    List<EmbeddedText> texts = papers.stream().map(EmbeddedText::of).toList();
    return vectorsOf(papers, texts, encoder.embedDocuments(texts.stream().map(EmbeddedText::text).toList()));
  }

  private static List<PaperVector> vectorsOf(List<Paper> papers, List<EmbeddedText> texts, float[][] embedded) {
    List<PaperVector> out = new ArrayList<>(papers.size());
    for (int i = 0; i < papers.size(); i++) {
      out.add(new PaperVector(papers.get(i).id(), embedded[i], texts.get(i).hash()));
    }
    return out;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
