package org.paperlens.citation.graph;

import java.util.ArrayList;
import java.util.List;
import org.paperlens.paper.PaperId;

/**
 * A paper near another in the citation graph, with the evidence, so a page can say why.
 *
 * @param score the weighted score that ranks it (see {@link Weighting}); higher is nearer
 * @param coCitations how many papers cite both (co-citation)
 * @param sharedReferences how many papers both cite (bibliographic coupling)
 * @param bridges how many papers sit between them on a citation path: cited by one and citing
 *     the other (zero unless the graph was asked to follow such paths)
 */
public record GraphNeighbour(PaperId id, double score, int coCitations, int sharedReferences, int bridges) {

  /** The reason in words, strongest evidence first: "cited together by 12 papers; shares 8 references". */
  public String reason() {
    List<String> parts = new ArrayList<>(3);
    if (coCitations > 0) {
      parts.add("cited together by " + coCitations + (coCitations == 1 ? " paper" : " papers"));
    }
    if (sharedReferences > 0) {
      parts.add("shares " + sharedReferences + (sharedReferences == 1 ? " reference" : " references"));
    }
    if (bridges > 0) {
      parts.add("linked by " + bridges + (bridges == 1 ? " citation chain" : " citation chains") + " through another paper");
    }
    return String.join("; ", parts);
  }
}
