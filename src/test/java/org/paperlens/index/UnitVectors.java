package org.paperlens.index;

import java.util.Random;

/** Test fixtures: random unit vectors of a model's dimension, plain or shaped like a model's. */
public final class UnitVectors {

  public static final int DIMS = 384;
  /** The codes of the default model, whose centre {@link #modelLike} vectors share. */
  public static final VectorCodes BGE = VectorCodes.forModel("bge-small-en-v1.5-q");

  private UnitVectors() {}

  /** A random unit vector; Gaussian components, as spread as a model's vectors are (about 1/√384 each). */
  public static float[] unit(Random random) {
    return normalised(gaussian(random));
  }

  /**
   * Shaped like a bge-small vector: its centre (|m| 0.83, every paper's shared direction) plus a
   * Gaussian remainder of the size bge's has (|d − m| ≈ 0.56), normalised.
   */
  public static float[] modelLike(Random random) {
    float[] v = BGE.centre();
    double sigma = 0.56 / Math.sqrt(DIMS);
    for (int i = 0; i < DIMS; i++) {
      v[i] += (float) (sigma * random.nextGaussian());
    }
    return normalised(v);
  }

  /** A unit vector at cosine {@code cos} to the unit vector {@code q}. */
  public static float[] at(float[] q, double cos, Random random) {
    float[] u = unit(random);
    double along = dot(u, q);
    float[] orthogonal = new float[q.length];
    for (int d = 0; d < q.length; d++) {
      orthogonal[d] = (float) (u[d] - along * q[d]);
    }
    orthogonal = normalised(orthogonal);
    double sin = Math.sqrt(1 - cos * cos);
    float[] v = new float[q.length];
    for (int d = 0; d < q.length; d++) {
      v[d] = (float) (cos * q[d] + sin * orthogonal[d]);
    }
    return v;
  }

  public static float[] normalised(float[] v) {
    double norm = Math.sqrt(dot(v, v));
    float[] out = new float[v.length];
    for (int d = 0; d < v.length; d++) {
      out[d] = (float) (v[d] / norm);
    }
    return out;
  }

  public static double dot(float[] a, float[] b) {
    double s = 0;
    for (int d = 0; d < a.length; d++) {
      s += (double) a[d] * b[d];
    }
    return s;
  }

  private static float[] gaussian(Random random) {
    float[] v = new float[DIMS];
    for (int d = 0; d < DIMS; d++) {
      v[d] = (float) random.nextGaussian();
    }
    return v;
  }
}
