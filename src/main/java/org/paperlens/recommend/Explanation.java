package org.paperlens.recommend;

import java.util.List;
import java.util.stream.Collectors;
import org.paperlens.citation.graph.GraphNeighbour;
import org.paperlens.paper.PaperId;
import org.paperlens.paper.TexText;

/**
 * Why a paper is recommended.
 *
 * @param terms the words that weigh most for it in the model, heaviest first
 * @param likedPapers the liked papers it is closest to in the model's features (embedding and words),
 *     closest first; their similarity is the embeddings' alone, so it need not decrease down the list
 * @param citations the liked papers it is near in the citation graph, with the evidence, strongest
 *     first; empty when the graph had no part in recommending it
 */
public record Explanation(List<String> terms, List<LikedPaper> likedPapers, List<Cited> citations) {

  /** A liked paper the recommended one is near in the citation graph, and what the graph says of the pair. */
  public record Cited(PaperId id, String title, GraphNeighbour evidence) {}

  /** Explained by text alone. */
  public Explanation(List<String> terms, List<LikedPaper> likedPapers) {
    this(terms, likedPapers, List.of());
  }

  /**
   * A liked paper behind a recommendation.
   *
   * @param similarity cosine similarity of the two papers' embeddings, or null when either has none
   */
  public record LikedPaper(PaperId id, String title, Double similarity) {}

  public Explanation {
    terms = List.copyOf(terms);
    likedPapers = List.copyOf(likedPapers);
    citations = List.copyOf(citations);
  }

  /**
   * One line for a person: {@code like “Graph networks for molecules” (0.91) · words “molecules”, “graph”},
   * and where the graph had a part {@code · with “Graph networks for molecules”: cited together by 12 papers; shares 8 references}.
   */
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
    for (Cited c : citations) {
      if (!b.isEmpty()) {
        b.append(" · ");
      }
      b.append("with \u201c").append(titleOf(c.id(), c.title())).append("\u201d: ").append(c.evidence().reason());
    }
    return b.isEmpty() ? "ranked by the model's overall weights" : b.toString();
  }

  private static String describe(LikedPaper p) {
    return "\u201c" + titleOf(p.id(), p.title()) + "\u201d" + (p.similarity() == null ? "" : String.format(" (%.2f)", p.similarity()));
  }

  private static String titleOf(PaperId id, String title) {
    return title == null || title.isBlank() ? id.value() : shorten(TexText.plain(title)); // a reason is plain text
  }

  private static String shorten(String title) {
    return title.length() <= 60 ? title : title.substring(0, 57).strip() + "…";
  }
}
