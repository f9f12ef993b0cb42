package org.paperlens.index;

import java.io.IOException;

/**
 * The index a running server searches, updates in place and can rebuild whole: {@code index.lucene.LiveIndex}
 * (embedded Lucene) or {@code index.solr.SolrIndex} (SolrCloud). The server's
 * pipeline ({@link org.paperlens.live.Pipeline}) sees only this.
 */
public interface LiveSearchIndex extends PaperIndex, IndexUpdates, IndexRebuild {

  /**
   * False when the index should be rebuilt from the catalogue: an older document layout, another
   * vector quantisation than configured, or damaged files.
   */
  default boolean currentFormat() {
    return true;
  }

  /** Why {@link #currentFormat} is false, for the log; empty when it is true. */
  default String staleReason() {
    return "";
  }

  /**
   * Checks the index's files against their checksums, where the engine keeps them locally; damage
   * found makes {@link #currentFormat} false, so that the index is rebuilt. May read the whole index.
   */
  default void checkIntegrity() {}

  /**
   * Re-opens the index for writing after a failed write made it give up (its writer closed),
   * from its last commit; true when it re-opened. Throws while the cause lasts. Engines whose
   * writes cannot wedge that way keep the default.
   */
  default boolean reopenIfFailed() throws IOException {
    return false;
  }

  /** Switches to a whole index published since it was opened, if the engine keeps generations; true when it switched. */
  default boolean switchIfRebuilt() throws IOException {
    return false;
  }
}
