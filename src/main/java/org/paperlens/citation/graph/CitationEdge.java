package org.paperlens.citation.graph;

import java.util.Objects;
import org.paperlens.paper.PaperId;

/** One citation: {@code citing} lists {@code cited} among its references. */
public record CitationEdge(PaperId citing, PaperId cited) {

  public CitationEdge {
    Objects.requireNonNull(citing, "citing");
    Objects.requireNonNull(cited, "cited");
  }

  /** Whether both ends are the same paper (such an edge says nothing about relatedness). */
  public boolean isSelfCitation() {
    return citing.equals(cited);
  }
}
