package org.paperlens.live;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.paperlens.common.Progress;
import org.paperlens.embed.EmbeddingModel;
import org.paperlens.index.LiveSearchIndex;
import org.paperlens.paper.CatalogueStore;

/**
 * The pipeline's indexing: applies catalogue changes past the index's watermark, refreshes
 * searches, commits every {@code commitEvery}, and rebuilds an index of an outdated layout once,
 * in the background of searches, switching to it when published. Run by the pipeline's index
 * thread only; {@link #catalogueSeq} may be read from any thread.
 */
final class IndexStage {

  private final CatalogueStore store;
  private final LiveSearchIndex index;
  private final EmbeddingModel model;
  private final IndexCatchUp catchUp;
  private final Duration commitEvery;
  private final Consumer<String> log;
  private final Supplier<Instant> now;
  private Instant lastCommit;
  private boolean rebuilt;
  private volatile long catalogueSeq;

  /**
   * @param model the model whose vectors the index holds
   * @param now the time commits are spaced by (real time in the server)
   */
  IndexStage(CatalogueStore store, LiveSearchIndex index, EmbeddingModel model, Duration commitEvery,
      Consumer<String> log, Supplier<Instant> now) {
    this.store = store;
    this.index = index;
    this.model = model;
    this.catchUp = new IndexCatchUp(store, model, index);
    this.commitEvery = commitEvery;
    this.log = log;
    this.now = now;
    this.lastCommit = now.get();
    this.catalogueSeq = store.sequence();
  }

  /** The catalogue position the last step caught up to. */
  long catalogueSeq() {
    return catalogueSeq;
  }

  void step() throws IOException {
    if (!index.currentFormat() && !rebuilt) {
      rebuilt = true;
      log.accept(index.staleReason() + ": rebuilding it in the background (searches go on meanwhile)");
      index.rebuild(CatalogueSource.withStoredVectors(store, model), Progress.NONE);
    }
    if (index.switchIfRebuilt()) {
      log.accept("switched to the rebuilt search index (" + index.coverage().papers() + " papers)");
    }
    catalogueSeq = store.sequence();
    int applied = catchUp.run();
    if (applied > 0) {
      index.refresh();
    }
    if (index.appliedSeq() > index.durableSeq() && Duration.between(lastCommit, now.get()).compareTo(commitEvery) >= 0) {
      index.commit();
      lastCommit = now.get();
    }
  }
}
