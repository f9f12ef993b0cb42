package org.paperlens.index;

/**
 * The 8-bit code of a unit vector that both engines index as a byte vector (Lucene
 * {@code KnnByteVectorField}, Solr {@code DenseVectorField} with {@code vectorEncoding="BYTE"}),
 * in place of the float vector: 384 bytes a paper and no float copy beside it. The catalogue keeps
 * the float vectors ({@code embed.VectorStore}), so an index can always be rebuilt from them.
 *
 * <p>One fixed scale for every vector and every query: {@code code = round(x · scale)}, clamped to
 * [-127, 127]. A fixed scale keeps the dot product of two codes proportional to the dot product of
 * the vectors ({@code scale²} times it, plus rounding), so Lucene's byte {@code DOT_PRODUCT} ranks
 * as the cosine does; a per-vector or per-dimension scale would not. The scale is as large as the
 * largest component allows, since rounding costs less the more of the byte a component uses:
 * {@link #MODEL_SCALE} for model vectors, {@link #SMALL_SCALE} for vectors of a few dimensions.
 * Stateless and thread-safe.
 */
public final class VectorCodes {

  /**
   * Code units per unit of a component of a model's vector (128 dimensions or more): components up
   * to ±127/256 (0.496) are kept to the rounding. bge-small's 384 dimensions have one large one
   * (dimension 99, about 0.37 in every paper, at most 0.486 among the 74,728 arXiv listings); every
   * other component is under 0.34, and a typical one (about 1/√384 ≈ 0.05) gets 13 code units. So
   * nothing is clamped, and the rounding error of a cosine is about 0.002 (docs/benchmarks.md,
   * "Byte vectors": recall against exact float search).
   */
  public static final float MODEL_SCALE = 256f;

  /**
   * The scale of vectors of fewer than 128 dimensions (test fixtures, toy models), whose components
   * may be anything up to 1: 127 never clamps a unit vector.
   */
  public static final float SMALL_SCALE = 127f;

  private static final int MAX = 127;

  private VectorCodes() {}

  /** Code units per unit of a component, for vectors of {@code dims} dimensions. */
  public static float scale(int dims) {
    return dims >= 128 ? MODEL_SCALE : SMALL_SCALE;
  }

  /** The code of {@code vector} (one byte a dimension). */
  public static byte[] encode(float[] vector) {
    float scale = scale(vector.length);
    byte[] out = new byte[vector.length];
    for (int i = 0; i < vector.length; i++) {
      int c = Math.round(vector[i] * scale);
      out[i] = (byte) Math.max(-MAX, Math.min(MAX, c));
    }
    return out;
  }

  /** The vector a code stands for (unit length to the rounding). */
  public static float[] decode(byte[] code) {
    float scale = scale(code.length);
    float[] out = new float[code.length];
    for (int i = 0; i < code.length; i++) {
      out[i] = code[i] / scale;
    }
    return out;
  }

  /**
   * The score the float vectors would have had, {@code (1 + cos) / 2}, from Lucene's byte
   * {@code DOT_PRODUCT} score of two codes of {@code dims} bytes, which is
   * {@code 0.5 + dot / (dims · 2^15)} (Lucene's {@code VectorUtil.dotProductScore}; Solr's knn
   * query scores with the same function). Keeps the meaning list's scores on the scale they had
   * with float vectors, for anything that reads them as cosines.
   */
  public static float unitScore(float byteScore, int dims) {
    double dot = (byteScore - 0.5) * dims * 32768.0;
    double scale = scale(dims);
    return (float) (0.5 + dot / (2.0 * scale * scale));
  }
}
