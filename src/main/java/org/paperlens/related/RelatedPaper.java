package org.paperlens.related;

import java.util.List;
import org.paperlens.index.IndexedPaper;

/**
 * One related paper and why it is related.
 *
 * @param sharedTerms distinctive words of the source paper that this one also uses, most distinctive first
 * @param similarity cosine similarity of the two papers' embeddings, or null when either has none
 */
public record RelatedPaper(int rank, IndexedPaper paper, float score, List<String> sharedTerms, Double similarity) {

  public RelatedPaper {
    sharedTerms = List.copyOf(sharedTerms);
  }

  /** The reason in a few words: {@code shares "molecules", "graph" · 0.87 similar in meaning}. */
  public String reason() {
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
    return b.isEmpty() ? "related through the fused ranking" : b.toString();
  }
}
