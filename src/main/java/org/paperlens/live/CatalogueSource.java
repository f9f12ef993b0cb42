package org.paperlens.live;

import org.paperlens.embed.EmbeddingModel;
import org.paperlens.embed.PaperVector;
import org.paperlens.embed.VectorStore;
import org.paperlens.index.IndexSource;
import org.paperlens.index.VectorLookup;
import org.paperlens.paper.CatalogueStore;

/**
 * The catalogue as an index is built from it: every live paper, with the vector {@code vectors}
 * finds for it. Holds no state of its own; the store stays the caller's to close.
 */
public final class CatalogueSource implements IndexSource {

  private final CatalogueStore store;
  private final VectorLookup vectors;

  private CatalogueSource(CatalogueStore store, VectorLookup vectors) {
    this.store = store;
    this.vectors = vectors;
  }

  /** The live papers of {@code store}, each with what {@code vectors} finds for it. */
  public static CatalogueSource of(CatalogueStore store, VectorLookup vectors) {
    return new CatalogueSource(store, vectors);
  }

  /** The live papers of {@code store} with their stored vectors of {@code model}. */
  public static CatalogueSource withStoredVectors(CatalogueStore store, EmbeddingModel model) {
    return of(store, storedVectors(store, model));
  }

  /** The stored vectors of {@code model}, looked up one paper at a time (never computed). */
  public static VectorLookup storedVectors(CatalogueStore store, EmbeddingModel model) {
    VectorStore stored = new VectorStore(store);
    return id -> stored.find(id, model).map(PaperVector::vector).orElse(null);
  }

  @Override
  public long sequence() {
    return store.sequence();
  }

  @Override
  public long count() {
    return store.count();
  }

  @Override
  public void forEach(Sink sink) {
    store.forEachLive(paper -> sink.accept(paper, vectors.vectorFor(paper.id())));
  }
}
