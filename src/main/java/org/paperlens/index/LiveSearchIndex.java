package org.paperlens.index;

import java.io.IOException;

/**
 * The index a running server searches, updates in place and can rebuild whole: {@code index.lucene.LiveIndex}
 * (embedded Lucene) or {@code index.solr.SolrIndex} (SolrCloud). The server's
 * pipeline ({@link org.paperlens.live.Pipeline}) sees only this.
 */
public interface LiveSearchIndex extends PaperIndex, IndexUpdates, IndexRebuild {

  /** False when the index has an older document layout, or another vector quantisation than configured, and should be rebuilt. */
  default boolean currentFormat() {
    return true;
  }

  /** Why {@link #currentFormat} is false, for the log; empty when it is true. */
  default String staleReason() {
    return "";
  }

  /** Switches to a whole index published since it was opened, if the engine keeps generations; true when it switched. */
  default boolean switchIfRebuilt() throws IOException {
    return false;
  }
}
