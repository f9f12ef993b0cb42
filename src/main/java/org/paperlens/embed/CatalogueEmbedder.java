package org.paperlens.embed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.paperlens.common.Progress;
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

  /**
   * Called after each stored chunk (a few model batches) with the nanoseconds it took; may sleep to
   * hold embedding to a share of the CPU (the server embeds while it serves). Returning false ends
   * the run after that chunk, everything before it kept (the server does so when newer papers arrive, so they are
   * embedded next); an interrupt does the same and stays set for the caller.
   */
  @FunctionalInterface
  public interface Pace {
    boolean afterBatch(long nanos) throws InterruptedException;

    Pace FULL_SPEED = nanos -> true;
  }

  /** Model batches embedded in one encoder call and stored in one transaction. */
  static final int BATCHES_PER_CHUNK = 8;

  /** How many papers, in newest-first order, are sorted by length together. */
  static final int STRETCH = 512;

  private final CatalogueStore store;
  private final VectorStore vectors;
  private final Encoder encoder;
  private final Progress progress;
  private final Pace pace;

  public CatalogueEmbedder(CatalogueStore store, Encoder encoder, Progress progress) {
    this(store, encoder, progress, Pace.FULL_SPEED);
  }

  public CatalogueEmbedder(CatalogueStore store, Encoder encoder, Progress progress, Pace pace) {
    this.store = store;
    this.vectors = new VectorStore(store);
    this.encoder = encoder;
    this.progress = progress;
    this.pace = pace;
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
        long batchStart = System.nanoTime();
        List<PaperVector> out = embedPapers(read(batch));
        vectors.put(encoder.model(), out);
        done += out.size();
        doneChars += batch.stream().mapToLong(VectorStore.Stale::textLength).sum();
        progress.advanceTo(doneChars, String.format("%,d of %,d papers, %.1f papers/s",
            done, todo.size(), done / Math.max(seconds(start), 1e-9)));
        try {
          if (!pace.afterBatch(System.nanoTime() - batchStart)) {
            break;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
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
    float[][] embedded = encoder.embedDocuments(texts.stream().map(EmbeddedText::text).toList());
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
