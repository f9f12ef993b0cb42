package org.paperlens.citation.graph;

import java.util.Objects;

/**
 * A citation graph and the store generation it was built from, so that caches of what was ranked
 * on it (a page's related papers) can tell when it has changed without holding on to it.
 *
 * @param generation the citation store's generation when the edges were read; -1 for no data
 */
public record GraphVersion(long generation, CitationGraph graph) {

  /** No citation data at all: the graph of no edges. */
  public static final GraphVersion NONE = new GraphVersion(-1, CitationGraph.EMPTY);

  public GraphVersion {
    Objects.requireNonNull(graph, "graph");
  }
}
