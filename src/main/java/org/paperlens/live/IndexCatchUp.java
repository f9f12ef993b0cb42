package org.paperlens.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.paperlens.embed.EmbeddingModel;
import org.paperlens.embed.PaperVector;
import org.paperlens.embed.VectorStore;
import org.paperlens.index.IndexChange;
import org.paperlens.index.IndexUpdates;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.PaperId;
import org.paperlens.paper.PaperState;

/**
 * Brings a live index up to the catalogue: every paper or vector changed after the index's
 * watermark is put again (or removed, if its source deleted it), a page at a time, and the
 * watermark moves to the catalogue position read at the start. Idempotent, so a run cut short by a
 * crash is simply done again from the last committed watermark.
 */
final class IndexCatchUp {

  /** Papers per page: small enough to keep memory flat, large enough that a day's arXiv is a few pages. */
  static final int PAGE = 1_000;

  private final CatalogueStore store;
  private final VectorStore vectors;
  private final EmbeddingModel model;
  private final IndexUpdates index;

  IndexCatchUp(CatalogueStore store, EmbeddingModel model, IndexUpdates index) {
    this.store = store;
    this.vectors = new VectorStore(store);
    this.model = model;
    this.index = index;
  }

  /** Applies what changed since the index's watermark; returns how many papers it applied. */
  int run() {
    long from = index.appliedSeq();
    long upTo = store.sequence();
    if (upTo <= from) {
      return 0;
    }
    int applied = 0;
    PaperId after = null;
    while (true) {
      List<PaperId> ids = vectors.changedPapers(model, from, upTo, after, PAGE);
      boolean last = ids.size() < PAGE;
      List<IndexChange> changes = new ArrayList<>(ids.size());
      for (PaperId id : ids) {
        Optional<PaperState> state = store.findState(id);
        if (state.isEmpty() || !state.get().live()) {
          changes.add(new IndexChange.Remove(id));
        } else {
          float[] vector = vectors.find(id, model).map(PaperVector::vector).orElse(null);
          changes.add(new IndexChange.Put(state.get().paper(), vector));
        }
      }
      // Only the last page moves the watermark: until then the index is not complete up to upTo.
      index.apply(changes, last ? upTo : from);
      applied += changes.size();
      if (last) {
        return applied;
      }
      after = ids.getLast();
    }
  }
}
