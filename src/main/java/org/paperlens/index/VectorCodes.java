package org.paperlens.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import java.util.zip.CRC32;

/**
 * The 8-bit codes of unit vectors that both engines index as byte vectors (Lucene
 * {@code KnnByteVectorField}, Solr {@code DenseVectorField} with {@code vectorEncoding="BYTE"}),
 * in place of the float vectors: 384 bytes a paper and no float copy beside it. The catalogue keeps
 * the float vectors ({@code embed.VectorStore}), so an index can always be rebuilt from them.
 *
 * <p>Every vector of a model shares one direction, its mean {@code m} (bge-small's |m| is 0.83, and
 * dimension 99 is about 0.37 in every paper), which the codes of the raw components spend most of
 * the byte on: one fixed scale has to fit 0.49, so the small components that tell papers apart
 * are rounded coarsely (issue 23: recall@10 against exact search 0.970). Before coding, each vector
 * (paper and query alike) is reflected ({@code x − 2v(v·x)}, a Householder reflection) so that the
 * mean's direction becomes the diagonal, spread evenly over every dimension (0.042 each for bge).
 * A reflection keeps every dot product, so Lucene's byte {@code DOT_PRODUCT} ranks as the cosine
 * does and the HNSW graph links the papers it would link without it; only the largest component
 * falls (0.49 to 0.24 on SciFact), so a scale twice as large fits. Subtracting the mean instead
 * would shrink the components as much and keep query rankings, but not the papers' dot products
 * with each other, which the graph is built on: recall at k = 10 fell from 0.92 to 0.84
 * (docs/benchmarks.md, "Vector quantisation").
 *
 * <p>A paper's code is {@code round(Hd · scale)}, clamped to [-127, 127], at one scale for every
 * paper; a query's is {@code round(Hq · s)} at its own scale {@code s = 127 / max |(Hq)_i|}, which
 * changes one query's scores by one factor and so not its ranking; {@link #unitScore} undoes both
 * scales, so scores are {@code (1 + cos) / 2} for anything that fuses them.
 *
 * <p>The means are per model, class-path resources {@code vector-means/MODEL.txt} made by
 * {@code bench/vector-mean} from arXiv listings embedded with that model (docs/benchmarks.md
 * "Vector quantisation"); a model without one is coded {@link #PLAIN} (no reflection, the
 * former fixed scale), and so are vectors whose dimension is not the mean's (test fixtures). An
 * index records {@link #name} (the Lucene commit data, the Solr watermark document) and is read
 * with the codes it was written with, never others. Immutable and thread-safe.
 */
public final class VectorCodes {

  /** The codes of every index built before issue 23's reflection: none, {@link #MODEL_SCALE} or {@link #SMALL_SCALE}. */
  public static final VectorCodes PLAIN = new VectorCodes("plain", new float[0], 0f);

  /**
   * Unreflected code units per unit of a component of a model's vector (128 dimensions or more):
   * components up to ±127/256 (0.496) are kept to the rounding, which bge-small's dimension 99 needs.
   */
  public static final float MODEL_SCALE = 256f;

  /**
   * The scale of unreflected vectors of fewer than 128 dimensions (test fixtures, toy models),
   * whose components may be anything up to 1: 127 never clamps a unit vector.
   */
  public static final float SMALL_SCALE = 127f;

  private static final int MAX = 127;
  private static final String RESOURCES = "vector-means/";
  private static final String REFLECTED = "reflected:";

  private final String name;
  private final float[] mean;
  /** The unit vector of the reflection that takes the mean's direction to the diagonal; empty for none. */
  private final float[] axis;
  private final float scale;

  private VectorCodes(String name, float[] mean, float scale) {
    this.name = name;
    this.mean = mean.clone();
    this.scale = scale;
    this.axis = axis(mean);
  }

  /** Codes called {@code name} reflected on {@code mean}, papers at {@code scale} (for {@code bench/vector-mean}, which chooses the scale). */
  public static VectorCodes of(String name, float[] mean, float scale) {
    return new VectorCodes(name, mean, scale);
  }

  /**
   * The codes for vectors of the model named {@code model} ({@code EmbeddingModel#configName}):
   * reflected on its resource's mean, or {@link #PLAIN} when there is no resource for it.
   */
  public static VectorCodes forModel(String model) {
    return resource(model).map(text -> parse(model, text)).orElse(PLAIN);
  }

  /**
   * The codes an index recorded as {@link #name}: {@link #PLAIN} for none ({@code null}, blank,
   * an index from before issue 23's reflection).
   *
   * @throws IllegalStateException when this version has no such codes (an index built by another
   *     version, or the mean changed since): reading it with any other codes would score wrongly
   */
  public static VectorCodes byName(String recorded) {
    // "uncentred": the name of these codes in the first builds of format 7, before the reflection.
    if (recorded == null || recorded.isBlank() || recorded.equals(PLAIN.name) || recorded.equals("uncentred")) {
      return PLAIN;
    }
    if (recorded.startsWith(REFLECTED)) {
      String rest = recorded.substring(REFLECTED.length());
      int at = rest.lastIndexOf('@');
      if (at > 0) {
        VectorCodes codes = forModel(rest.substring(0, at));
        if (codes.name.equals(recorded)) {
          return codes;
        }
      }
    }
    throw new IllegalStateException("the search index's vectors are coded as '" + recorded + "', which this version of"
        + " paperlens does not know; rebuild the index with 'paperlens reindex'");
  }

  /** What an index records: {@code plain}, or {@code reflected:MODEL@CRC} of the mean resource's text. */
  public String name() {
    return name;
  }

  /** The model's mean vector (empty for {@link #PLAIN}), a copy. */
  public float[] mean() {
    return mean.clone();
  }

  /** The code of a paper's unit vector (one byte a dimension). */
  public byte[] encode(float[] vector) {
    float[] x = reflect(vector);
    float s = scale(vector.length);
    byte[] out = new byte[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = (byte) Math.max(-MAX, Math.min(MAX, Math.round(x[i] * s)));
    }
    return out;
  }

  /**
   * How many components of {@code vector}'s code {@link #encode} clamps (beyond the byte's range):
   * each loses what lies beyond it. Counted by rebuilds and the benchmark; the scales leave a fifth
   * of the byte spare, so papers like those the mean was made from have none.
   */
  public int clipped(float[] vector) {
    float[] x = reflect(vector);
    float s = scale(vector.length);
    int n = 0;
    for (float c : x) {
      if (Math.abs(Math.round(c * s)) > MAX) {
        n++;
      }
    }
    return n;
  }

  /** The vector a paper's code stands for (unit length to the rounding). */
  public float[] decode(byte[] code) {
    float s = scale(code.length);
    float[] x = new float[code.length];
    for (int i = 0; i < code.length; i++) {
      x[i] = code[i] / s;
    }
    return reflect(x); // a reflection is its own inverse
  }

  /** The code of a unit query vector, reflected as papers are, at its own scale so its largest component is ±127 (never clamped). */
  public byte[] encodeQuery(float[] query) {
    float[] x = reflect(query);
    float s = queryScale(x);
    byte[] out = new byte[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = (byte) Math.round(x[i] * s);
    }
    return out;
  }

  /**
   * The scores the float vectors would have had, {@code (1 + cos) / 2}, from the byte
   * {@code DOT_PRODUCT} score of {@link #encodeQuery}{@code (query)} against a paper's code, which is
   * {@code 0.5 + dot / (dims · 2^15)} (Lucene's {@code VectorUtil.dotProductScore}; Solr's knn query
   * scores with the same function). The dot product is the cosine times both scales. Made once a
   * query, for all its hits: the query's scale needs its reflection.
   */
  public DoubleUnaryOperator unitScores(float[] query) {
    double cosPerScore = query.length * 32768.0 / ((double) queryScale(reflect(query)) * scale(query.length));
    return byteScore -> 0.5 + (byteScore - 0.5) * cosPerScore / 2.0;
  }

  /** Code units per unit of a paper's component, for vectors of {@code dims} dimensions. */
  public float scale(int dims) {
    return reflects(dims) ? scale : dims >= 128 ? MODEL_SCALE : SMALL_SCALE;
  }

  /** Whether vectors of {@code dims} dimensions are reflected (the mean is of that dimension). */
  public boolean reflects(int dims) {
    return axis.length > 0 && axis.length == dims;
  }

  /** {@code x} reflected so the mean's direction becomes the diagonal ({@code x} itself when not {@link #reflects}), a fresh array. */
  public float[] reflect(float[] x) {
    float[] out = x.clone();
    if (!reflects(x.length)) {
      return out;
    }
    double along = 0;
    for (int i = 0; i < x.length; i++) {
      along += (double) axis[i] * x[i];
    }
    for (int i = 0; i < x.length; i++) {
      out[i] = (float) (x[i] - 2 * along * axis[i]);
    }
    return out;
  }

  /** The Householder axis {@code (m̂ − u) / |m̂ − u|}, u the unit diagonal; empty for no mean. */
  private static float[] axis(float[] mean) {
    if (mean.length == 0) {
      return new float[0];
    }
    double norm = 0;
    for (float m : mean) {
      norm += (double) m * m;
    }
    norm = Math.sqrt(norm);
    double diagonal = 1 / Math.sqrt(mean.length);
    double[] v = new double[mean.length];
    double vNorm = 0;
    for (int i = 0; i < mean.length; i++) {
      v[i] = mean[i] / norm - diagonal;
      vNorm += v[i] * v[i];
    }
    vNorm = Math.sqrt(vNorm);
    float[] out = new float[mean.length];
    for (int i = 0; i < mean.length; i++) {
      out[i] = (float) (v[i] / vNorm);
    }
    return out;
  }

  private static float queryScale(float[] query) {
    float max = 0;
    for (float x : query) {
      max = Math.max(max, Math.abs(x));
    }
    return max == 0 ? 1f : MAX / max;
  }

  private static Optional<String> resource(String model) {
    if (!model.matches("[A-Za-z0-9._-]+")) {
      return Optional.empty();
    }
    try (InputStream in = VectorCodes.class.getClassLoader().getResourceAsStream(RESOURCES + model + ".txt")) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the vector mean of " + model, e);
    }
  }

  /**
   * A mean resource: {@code #} comment lines, then {@code scale S} (papers' code units per unit of a
   * reflected component), then one component of the mean a line. Named after the model and the
   * CRC-32 of the text, so an index coded with an older mean of the same model is never read with a newer one.
   */
  static VectorCodes parse(String model, String text) {
    float scale = 0;
    List<Float> components = new ArrayList<>();
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (l.startsWith("scale ")) {
        scale = Float.parseFloat(l.substring("scale ".length()).strip());
      } else if (!l.isEmpty() && !l.startsWith("#")) {
        components.add(Float.parseFloat(l));
      }
    }
    if (!(scale > 0) || components.isEmpty()) {
      throw new IllegalStateException("the vector mean of " + model + " has no scale or no components");
    }
    float[] mean = new float[components.size()];
    for (int i = 0; i < mean.length; i++) {
      mean[i] = components.get(i);
    }
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return new VectorCodes(REFLECTED + model + "@" + String.format("%08x", crc.getValue()), mean, scale);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VectorCodes other && other.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
