package org.paperlens.recommend;

/**
 * A linear scorer over {@link FeatureSpace}: what both the learned model and the centroid are.
 *
 * @param cosine divide by the row's length (the centroid ranks by cosine; the regression by margin)
 */
record LinearModel(double[] denseWeights, double[] termWeights, double bias, boolean cosine) {

  double score(FeatureSpace x, int row) {
    double s = x.dot(denseWeights, termWeights, row) + bias;
    if (cosine) {
      double n = x.normSquared(row);
      return n == 0 ? Double.NEGATIVE_INFINITY : s / Math.sqrt(n);
    }
    return s;
  }

  /** Rocchio: mean of the liked rows minus {@code beta} times the mean of the disliked ones. */
  static LinearModel centroid(FeatureSpace x, int[] liked, int[] disliked, double beta) {
    double[] dense = new double[x.dimension()];
    double[] terms = new double[x.vocabularySize()];
    for (int row : liked) {
      x.addTo(dense, terms, row, 1.0 / liked.length);
    }
    for (int row : disliked) {
      x.addTo(dense, terms, row, -beta / disliked.length);
    }
    return new LinearModel(dense, terms, 0, true);
  }
}
