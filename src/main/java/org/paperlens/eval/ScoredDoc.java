package org.paperlens.eval;

/**
 * One retrieved document and the score its retriever gave it (higher is better).
 *
 * <p>The id must be a single non-empty token, because a TREC run file separates fields by
 * whitespace; the score must be finite, because NaN has no place in an ordering.
 */
public record ScoredDoc(String docId, double score) {

  public ScoredDoc {
    if (docId == null || docId.isEmpty() || docId.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("document id must be one non-empty token, not '" + docId + "'");
    }
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("score of " + docId + " is " + score + ", not a finite number");
    }
  }
}
