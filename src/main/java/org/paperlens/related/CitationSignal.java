package org.paperlens.related;

import java.util.Objects;
import java.util.function.Supplier;
import org.paperlens.citation.graph.CitationGraph;
import org.paperlens.citation.graph.GraphRelevance;
import org.paperlens.citation.graph.GraphVersion;
import org.paperlens.paper.PaperId;

/**
 * The citation graph's part in related papers: where the current graph comes from (in the server,
 * {@code citation.graph.CachedGraph} over the citation store) and how it joins the text ranking.
 *
 * @param graph answers at once with the current graph; never waits for a rebuild
 */
public record CitationSignal(Supplier<GraphVersion> graph, GraphRelevance relevance) {

  /** No citation data: related papers are the text ranking alone. */
  public static final CitationSignal NONE = new CitationSignal(() -> GraphVersion.NONE, GraphRelevance.DEFAULT);

  public CitationSignal {
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(relevance, "relevance");
  }

  /**
   * Whether a graph node is a work outside the catalogue: {@code CitationStore.edges()} names those
   * {@code work:ROW}. They count as citers and references, but are never shown as related papers.
   */
  public static boolean isExternal(PaperId id) {
    return id.value().startsWith(EXTERNAL_PREFIX);
  }

  private static final String EXTERNAL_PREFIX = "work:";

  /** The graph {@code graph} supplies, with the default settings. */
  public static CitationSignal of(Supplier<GraphVersion> graph) {
    return new CitationSignal(graph, GraphRelevance.DEFAULT);
  }

  /** A graph that does not change (an evaluation's visible links, a test's), with the default settings. */
  public static CitationSignal of(CitationGraph graph) {
    GraphVersion v = new GraphVersion(0, graph);
    return new CitationSignal(() -> v, GraphRelevance.DEFAULT);
  }
}
