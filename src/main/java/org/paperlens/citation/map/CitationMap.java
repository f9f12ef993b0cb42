package org.paperlens.citation.map;

import java.util.List;
import java.util.Optional;
import org.paperlens.citation.ExternalIds;
import org.paperlens.paper.PaperId;

/**
 * A paper's citation map, laid out: the paper, some of its references and citers, and its nearest
 * catalogue neighbours by co-citation and coupling, each placed in a {@code width} × {@code height}
 * pixel box by similarity ({@link MapLayout}), with the citations among them.
 *
 * @param paper the paper the map is drawn around (the one node of kind {@link Kind#SELF})
 * @param references how many references the paper has in the stored graph (the map shows at most some)
 * @param citers how many papers cite it in the stored graph
 */
public record CitationMap(PaperId paper, List<Node> nodes, List<Edge> edges, int references, int citers, double width,
    double height) {

  public CitationMap {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /** How a node is related to the map's paper. */
  public enum Kind {
    SELF, REFERENCE, CITER, NEIGHBOUR;

    /** The lower-case name the API and CSS use. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One paper on the map.
   *
   * @param key the node's name in {@link Edge}s: the catalogue id, else {@code work:N} (stable while the data is)
   * @param paper the catalogue paper, when the node is one
   * @param citations its citation count: the source's where known, else how many stored papers cite it
   * @param reason for a neighbour, why it is near ("cited together by 3 papers; shares 2 references"); else empty
   * @param radius the circle's radius in pixels, grown with {@code citations}
   */
  public record Node(String key, Optional<PaperId> paper, Kind kind, String title, Optional<Integer> year, int citations,
      ExternalIds ids, String reason, double x, double y, double radius) {}

  /** {@code citing} (a node's key) cites {@code cited}. */
  public record Edge(String citing, String cited) {}

  /** Whether the map has anything beside the paper itself. */
  public boolean isEmpty() {
    return nodes.size() <= 1;
  }
}
