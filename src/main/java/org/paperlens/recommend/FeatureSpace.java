package org.paperlens.recommend;

import org.paperlens.index.PaperFeatures;

/**
 * The feature vector of a row: {@code [embedding ; scale × word weights]}, the embedding part
 * left out when the request does not use embeddings. The word weights are scaled so that the
 * profile papers' word parts have unit length on average: both halves then weigh about the
 * same, whatever the vocabulary size.
 */
final class FeatureSpace {

  private final PaperFeatures features;
  private final boolean dense;
  private final int dimension;
  private final double termScale;

  FeatureSpace(PaperFeatures features, boolean dense) {
    this.features = features;
    this.dense = dense;
    int dim = 0;
    for (int row = 0; row < features.size() && dense; row++) {
      if (features.vector(row) != null) {
        dim = features.vector(row).length;
        break;
      }
    }
    this.dimension = dim;
    double norms = 0;
    int n = 0;
    for (int row = 0; row < features.profileSize(); row++) {
      float[] w = features.terms(row).weights();
      if (w.length > 0) {
        double s = 0;
        for (float x : w) {
          s += x * x;
        }
        norms += Math.sqrt(s);
        n++;
      }
    }
    this.termScale = n == 0 ? 1 : n / norms;
  }

  PaperFeatures features() {
    return features;
  }

  boolean dense() {
    return dense;
  }

  int dimension() {
    return dimension;
  }

  int vocabularySize() {
    return features.vocabulary().size();
  }

  /** The scaled weight of a row's {@code i}-th word entry. */
  double termWeight(int row, int i) {
    return features.terms(row).weights()[i] * termScale;
  }

  double dot(double[] denseWeights, double[] termWeights, int row) {
    double s = 0;
    float[] v = features.vector(row);
    if (dense && v != null) {
      for (int i = 0; i < v.length; i++) {
        s += denseWeights[i] * v[i];
      }
    }
    PaperFeatures.Terms t = features.terms(row);
    for (int i = 0; i < t.size(); i++) {
      s += termWeights[t.indices()[i]] * t.weights()[i] * termScale;
    }
    return s;
  }

  /** {@code weights += a × x(row)}. */
  void addTo(double[] denseWeights, double[] termWeights, int row, double a) {
    float[] v = features.vector(row);
    if (dense && v != null) {
      for (int i = 0; i < v.length; i++) {
        denseWeights[i] += a * v[i];
      }
    }
    PaperFeatures.Terms t = features.terms(row);
    for (int i = 0; i < t.size(); i++) {
      termWeights[t.indices()[i]] += a * t.weights()[i] * termScale;
    }
  }

  double normSquared(int row) {
    double s = 0;
    float[] v = features.vector(row);
    if (dense && v != null) {
      for (float x : v) {
        s += x * x;
      }
    }
    for (float w : features.terms(row).weights()) {
      s += w * termScale * w * termScale;
    }
    return s;
  }

  /** The full feature dot product of two rows: how much one liked paper speaks for a candidate. */
  double dot(int a, int b) {
    double s = 0;
    Double cos = cosine(a, b);
    if (dense && cos != null) {
      s += cos;
    }
    PaperFeatures.Terms x = features.terms(a);
    PaperFeatures.Terms y = features.terms(b);
    for (int i = 0, j = 0; i < x.size() && j < y.size(); ) {
      int c = Integer.compare(x.indices()[i], y.indices()[j]);
      if (c == 0) {
        s += x.weights()[i] * termScale * y.weights()[j] * termScale;
        i++;
        j++;
      } else if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    return s;
  }

  /** Vectors are unit length, so the dot product is the cosine; null when either is missing. */
  Double cosine(int a, int b) {
    float[] x = features.vector(a);
    float[] y = features.vector(b);
    if (x == null || y == null || x.length != y.length) {
      return null;
    }
    // A plain loop, summed in double: 384 products per pair is cheap next to the ranking around it,
    // and it keeps this engine-neutral package free of Lucene's vector utilities.
    double dot = 0;
    for (int i = 0; i < x.length; i++) {
      dot += x[i] * y[i];
    }
    return dot;
  }
}
