package org.paperlens.index;

import org.paperlens.paper.Paper;

/**
 * The papers a whole index is built from, with their vectors: what {@link IndexRebuild} reads. The
 * index does not know where they come from; whoever wires a rebuild supplies them (the catalogue and
 * its stored vectors, {@code live.CatalogueSource}; a test's own list).
 */
public interface IndexSource {

  /**
   * The catalogue change number every paper {@link #forEach} gives is complete up to: the
   * watermark the new index may claim. Read before the scan, so later changes are caught up
   * incrementally; 0 when the papers do not come from a catalogue.
   */
  long sequence();

  /** How many papers {@link #forEach} will give, for progress; may be an estimate. */
  long count();

  /** Gives every paper to index, once each, in any order. */
  void forEach(Sink sink);

  /** Receives one paper to index and its vector (null when it has none yet). */
  @FunctionalInterface
  interface Sink {
    void accept(Paper paper, float[] vector);
  }
}
