package org.paperlens.recommend;

import java.util.List;
import java.util.stream.Collectors;
import org.paperlens.paper.PaperId;

/**
 * Why a paper is recommended.
 *
 * @param terms the words that weigh most for it in the model, heaviest first
 * @param likedPapers the liked papers it is closest to in the model's features (embedding and words),
 *     closest first; their similarity is the embeddings' alone, so it need not decrease down the list
 */
public record Explanation(List<String> terms, List<LikedPaper> likedPapers) {

  /**
   * A liked paper behind a recommendation.
   *
   * @param similarity cosine similarity of the two papers' embeddings, or null when either has none
   */
  public record LikedPaper(PaperId id, String title, Double similarity) {}

  public Explanation {
    terms = List.copyOf(terms);
    likedPapers = List.copyOf(likedPapers);
  }

  /** One line for a person: {@code like “Graph networks for molecules” (0.91) · words “molecules”, “graph”}. */
  public String reason() {
    StringBuilder b = new StringBuilder();
    if (!likedPapers.isEmpty()) {
      b.append("like ").append(likedPapers.stream().map(Explanation::describe).collect(Collectors.joining(", ")));
    }
    if (!terms.isEmpty()) {
      if (!b.isEmpty()) {
        b.append(" · ");
      }
      b.append("words ").append(terms.stream().map(t -> "\u201c" + t + "\u201d").collect(Collectors.joining(", ")));
    }
    return b.isEmpty() ? "ranked by the model's overall weights" : b.toString();
  }

  private static String describe(LikedPaper p) {
    String title = p.title() == null || p.title().isBlank() ? p.id().value() : shorten(p.title());
    return "\u201c" + title + "\u201d" + (p.similarity() == null ? "" : String.format(" (%.2f)", p.similarity()));
  }

  private static String shorten(String title) {
    return title.length() <= 60 ? title : title.substring(0, 57).strip() + "…";
  }
}
