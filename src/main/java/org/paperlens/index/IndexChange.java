package org.paperlens.index;

import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/** One paper's change, as an incremental index update applies it. */
public sealed interface IndexChange {

  PaperId id();

  /** The paper as it now is (replacing any earlier document), with its vector or null. */
  record Put(Paper paper, float[] vector) implements IndexChange {
    @Override
    public PaperId id() {
      return paper.id();
    }
  }

  /** The paper left the index: deleted at its source. */
  record Remove(PaperId id) implements IndexChange {}
}
