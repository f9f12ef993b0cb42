package org.paperlens.citation.map;

import java.util.ArrayList;
import java.util.List;

/**
 * Places circles in a box so that similar ones lie close, as Connected Papers draws a paper's
 * neighbourhood: classical multidimensional scaling of the dissimilarities gives a first picture,
 * stress majorization (SMACOF, unweighted) refines it, and a last pass pushes overlapping circles
 * apart. Deterministic: no randomness, fixed iteration counts, so one graph is always drawn the
 * same way (pages stay cacheable, tests exact). Cost O(n² · iterations); meant for maps of about
 * {@value CitationMaps#MAX_NODES} nodes, where it takes well under a millisecond per iteration.
 */
public final class MapLayout {

  /** The smallest target distance (in the unit the dissimilarities are in): identical papers still stand apart. */
  static final double MIN_DISTANCE = 0.3;
  /** Pixels kept free between two circles. */
  static final double GAP = 2;

  private static final int POWER_ITERATIONS = 200;
  private static final int STRESS_ITERATIONS = 150;
  private static final int OVERLAP_SWEEPS = 400;

  /** A centre in the box's pixels. */
  public record Point(double x, double y) {}

  /**
   * The drawing area: circles stay inside, {@code margin} pixels clear of each edge (room for labels).
   */
  public record Box(double width, double height, double margin) {
    public Box {
      if (width <= 2 * margin || height <= 2 * margin) {
        throw new IllegalArgumentException("a box of " + width + " × " + height + " has no room inside a margin of " + margin);
      }
    }
  }

  private MapLayout() {}

  /**
   * The centres of circles with radii {@code radii} (pixels) placed by {@code similarity}
   * (symmetric, each in [0, 1], 1 the most alike; the diagonal is ignored), in the order given.
   */
  public static List<Point> place(double[][] similarity, double[] radii, Box box) {
    int n = radii.length;
    if (similarity.length != n) {
      throw new IllegalArgumentException(similarity.length + " rows of similarity for " + n + " circles");
    }
    if (n == 0) {
      return List.of();
    }
    double[][] target = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = i == j ? 1 : Math.max(0, Math.min(1, (similarity[i][j] + similarity[j][i]) / 2));
        target[i][j] = i == j ? 0 : MIN_DISTANCE + (1 - MIN_DISTANCE) * (1 - s);
      }
    }
    double[][] xy = classicalScaling(target);
    if (spread(xy) < 1e-9) {
      xy = circle(n);
    }
    refine(xy, target);
    double[][] px = fit(xy, radii, box);
    separate(px, radii, box);
    List<Point> out = new ArrayList<>(n);
    for (double[] p : px) {
      out.add(new Point(p[0], p[1]));
    }
    return out;
  }

  /** Torgerson's scaling: the two leading eigenvectors of the double-centred squared distances, by power iteration. */
  static double[][] classicalScaling(double[][] d) {
    int n = d.length;
    double[][] b = new double[n][n];
    double[] rowMean = new double[n];
    double all = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double sq = d[i][j] * d[i][j];
        rowMean[i] += sq / n;
        all += sq / ((double) n * n);
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        b[i][j] = -0.5 * (d[i][j] * d[i][j] - rowMean[i] - rowMean[j] + all);
      }
    }
    double[][] xy = new double[n][2];
    for (int axis = 0; axis < 2; axis++) {
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = Math.cos(1.7 * i + axis); // fixed start: the same input gives the same picture
      }
      double lambda = 0;
      for (int it = 0; it < POWER_ITERATIONS; it++) {
        double[] w = multiply(b, v);
        double norm = Math.sqrt(dot(w, w));
        if (norm < 1e-12) {
          lambda = 0;
          break;
        }
        lambda = dot(v, w) / dot(v, v);
        for (int i = 0; i < n; i++) {
          v[i] = w[i] / norm;
        }
      }
      double scale = Math.sqrt(Math.max(lambda, 0));
      for (int i = 0; i < n; i++) {
        xy[i][axis] = v[i] * scale;
      }
      // Deflate, so the next power iteration finds the next axis.
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          b[i][j] -= lambda * v[i] * v[j];
        }
      }
    }
    return xy;
  }

  /**
   * Guttman transforms (SMACOF with unit weights): x_i ← (1/n) Σ_j (target_ij / d_ij)(x_i − x_j).
   * Each step can only lower the stress, so the fixed number of steps is safe.
   */
  static void refine(double[][] xy, double[][] target) {
    int n = xy.length;
    for (int it = 0; it < STRESS_ITERATIONS; it++) {
      double[][] next = new double[n][2];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (i == j) {
            continue;
          }
          double dx = xy[i][0] - xy[j][0];
          double dy = xy[i][1] - xy[j][1];
          double dist = Math.sqrt(dx * dx + dy * dy);
          double ratio = dist < 1e-12 ? 0 : target[i][j] / dist;
          next[i][0] += ratio * dx / n;
          next[i][1] += ratio * dy / n;
        }
      }
      for (int i = 0; i < n; i++) {
        xy[i][0] = next[i][0];
        xy[i][1] = next[i][1];
      }
    }
  }

  /** Scales and centres the picture into the box (one factor for both axes, so distances keep their meaning). */
  private static double[][] fit(double[][] xy, double[] radii, Box box) {
    int n = xy.length;
    double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
    double maxR = 0;
    for (int i = 0; i < n; i++) {
      minX = Math.min(minX, xy[i][0]);
      maxX = Math.max(maxX, xy[i][0]);
      minY = Math.min(minY, xy[i][1]);
      maxY = Math.max(maxY, xy[i][1]);
      maxR = Math.max(maxR, radii[i]);
    }
    double innerW = box.width() - 2 * box.margin() - 2 * maxR;
    double innerH = box.height() - 2 * box.margin() - 2 * maxR;
    double spanX = maxX - minX;
    double spanY = maxY - minY;
    double scale = Math.min(spanX < 1e-12 ? Double.MAX_VALUE : innerW / spanX, spanY < 1e-12 ? Double.MAX_VALUE : innerH / spanY);
    if (scale == Double.MAX_VALUE) {
      scale = 0;
    }
    double[][] px = new double[n][2];
    for (int i = 0; i < n; i++) {
      px[i][0] = box.width() / 2 + (xy[i][0] - (minX + maxX) / 2) * scale;
      px[i][1] = box.height() / 2 + (xy[i][1] - (minY + maxY) / 2) * scale;
    }
    return px;
  }

  /** Pushes overlapping circles apart, each pair half each way, keeping every circle inside the box. */
  static void separate(double[][] px, double[] radii, Box box) {
    int n = px.length;
    for (int sweep = 0; sweep < OVERLAP_SWEEPS; sweep++) {
      boolean moved = false;
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          double dx = px[j][0] - px[i][0];
          double dy = px[j][1] - px[i][1];
          double dist = Math.sqrt(dx * dx + dy * dy);
          double need = radii[i] + radii[j] + GAP;
          if (dist >= need - 1e-6) {
            continue;
          }
          if (dist < 1e-9) { // the same spot: part them along a direction fixed by the pair
            double angle = 2.399963 * (i * 31 + j);
            dx = Math.cos(angle);
            dy = Math.sin(angle);
            dist = 0;
          } else {
            dx /= dist;
            dy /= dist;
          }
          double push = (need - dist) / 2 + 1e-3;
          px[i][0] -= dx * push;
          px[i][1] -= dy * push;
          px[j][0] += dx * push;
          px[j][1] += dy * push;
          moved = true;
        }
      }
      for (int i = 0; i < n; i++) {
        px[i][0] = clamp(px[i][0], box.margin() + radii[i], box.width() - box.margin() - radii[i]);
        px[i][1] = clamp(px[i][1], box.margin() + radii[i], box.height() - box.margin() - radii[i]);
      }
      if (!moved) {
        return;
      }
    }
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static double[][] circle(int n) {
    double[][] xy = new double[n][2];
    for (int i = 0; i < n; i++) {
      xy[i][0] = Math.cos(2 * Math.PI * i / n);
      xy[i][1] = Math.sin(2 * Math.PI * i / n);
    }
    return xy;
  }

  private static double spread(double[][] xy) {
    double s = 0;
    for (double[] p : xy) {
      s = Math.max(s, Math.abs(p[0]) + Math.abs(p[1]));
    }
    return s;
  }

  private static double[] multiply(double[][] m, double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = dot(m[i], v);
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
