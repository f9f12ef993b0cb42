package org.paperlens.recommend;

/** How the liked and disliked papers become a ranking. */
public enum Method {
  /**
   * A logistic regression trained per request: liked papers against disliked ones and a random
   * sample of the candidates (arxiv-sanity's idea, with sentence embeddings beside the words).
   */
  LEARNED,
  /** Rocchio: the mean of the liked papers minus half the mean of the disliked ones, by cosine. */
  CENTROID;

  /** Chosen by the CiteSeer measurement in docs/relevance.md. */
  public static final Method DEFAULT = LEARNED;

  public static Method parse(String name) {
    try {
      return valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown method '" + name + "' (expected learned or centroid)");
    }
  }
}
