package org.paperlens.related;

import java.util.List;
import org.paperlens.citation.graph.GraphNeighbour;
import org.paperlens.index.IndexedPaper;

/**
 * One related paper and why it is related.
 *
 * @param sharedTerms distinctive words of the source paper that this one also uses, most distinctive first
 * @param similarity cosine similarity of the two papers' embeddings, or null when either has none
 * @param citations what the citation graph says of the pair (co-citations, shared references), or
 *     null when the graph played no part in ranking it
 */
public record RelatedPaper(int rank, IndexedPaper paper, float score, List<String> sharedTerms, Double similarity,
    GraphNeighbour citations) {

  public RelatedPaper {
    sharedTerms = List.copyOf(sharedTerms);
  }

  /** Related by text alone. */
  public RelatedPaper(int rank, IndexedPaper paper, float score, List<String> sharedTerms, Double similarity) {
    this(rank, paper, score, sharedTerms, similarity, null);
  }

  /**
   * The reason in a few words: {@code shares "molecules", "graph" · 0.87 similar in meaning}, and
   * where the graph had a part, {@code · cited together by 12 papers; shares 8 references}.
   */
  public String reason() {
    String text = textReason();
    if (citations == null) {
      return text == null ? "related through the fused ranking" : text;
    }
    return text == null ? citations.reason() : text + " \u00b7 " + citations.reason();
  }

  private String textReason() {
    StringBuilder b = new StringBuilder();
    if (!sharedTerms.isEmpty()) {
      b.append("shares ");
      List<String> shown = sharedTerms.size() > 5 ? sharedTerms.subList(0, 5) : sharedTerms;
      b.append(String.join(", ", shown.stream().map(t -> "\u201c" + t + "\u201d").toList()));
    }
    if (similarity != null) {
      if (!b.isEmpty()) {
        b.append(" · ");
      }
      b.append(String.format("%.2f similar in meaning", similarity));
    }
    return b.isEmpty() ? null : b.toString();
  }
}
