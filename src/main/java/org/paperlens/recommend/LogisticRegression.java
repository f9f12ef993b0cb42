package org.paperlens.recommend;

/**
 * L2-regularised logistic regression, trained per request by Nesterov-accelerated gradient
 * descent. The problems are small (tens of positives, a few hundred negatives, a few hundred to a
 * thousand features), so a fixed number of full-batch steps converges in a few milliseconds and
 * gives the same model every time for the same input.
 */
final class LogisticRegression {

  /** Strength of the L2 penalty; the CiteSeer sweep in docs/relevance.md chose it. */
  static final double DEFAULT_LAMBDA = 0.01;
  static final int ITERATIONS = 150;

  private LogisticRegression() {}

  /**
   * @param rows the training rows
   * @param positive whether each row is a positive example
   * @param weight each row's weight in the loss (the caller balances the classes); they sum to 1
   */
  static LinearModel train(FeatureSpace x, int[] rows, boolean[] positive, double[] weight, double lambda) {
    int d = x.dimension();
    int v = x.vocabularySize();
    double maxNorm = 0;
    for (int row : rows) {
      maxNorm = Math.max(maxNorm, x.normSquared(row));
    }
    // The loss is (0.25 × max ‖x‖²)-smooth with the bias as one more unit feature.
    double step = 1 / (0.25 * (maxNorm + 1) + lambda);
    double[] wd = new double[d];
    double[] wt = new double[v];
    double b = 0;
    double[] prevD = new double[d];
    double[] prevT = new double[v];
    double prevB = 0;
    double[] yd = new double[d];
    double[] yt = new double[v];
    double[] gd = new double[d];
    double[] gt = new double[v];
    for (int k = 1; k <= ITERATIONS; k++) {
      double momentum = (k - 1.0) / (k + 2.0);
      for (int i = 0; i < d; i++) {
        yd[i] = wd[i] + momentum * (wd[i] - prevD[i]);
      }
      for (int i = 0; i < v; i++) {
        yt[i] = wt[i] + momentum * (wt[i] - prevT[i]);
      }
      double yb = b + momentum * (b - prevB);
      java.util.Arrays.fill(gd, 0);
      java.util.Arrays.fill(gt, 0);
      double gb = 0;
      for (int r = 0; r < rows.length; r++) {
        double z = x.dot(yd, yt, rows[r]) + yb;
        double g = weight[r] * (sigmoid(z) - (positive[r] ? 1 : 0));
        x.addTo(gd, gt, rows[r], g);
        gb += g;
      }
      System.arraycopy(wd, 0, prevD, 0, d);
      System.arraycopy(wt, 0, prevT, 0, v);
      prevB = b;
      for (int i = 0; i < d; i++) {
        wd[i] = yd[i] - step * (gd[i] + lambda * yd[i]);
      }
      for (int i = 0; i < v; i++) {
        wt[i] = yt[i] - step * (gt[i] + lambda * yt[i]);
      }
      b = yb - step * gb;
    }
    return new LinearModel(wd, wt, b, false);
  }

  private static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }
}
