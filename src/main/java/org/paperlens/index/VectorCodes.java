package org.paperlens.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The 8-bit codes of unit vectors that both engines index as byte vectors (Lucene
 * {@code KnnByteVectorField}, Solr {@code DenseVectorField} with {@code vectorEncoding="BYTE"}),
 * in place of the float vectors: 384 bytes a paper and no float copy beside it. The catalogue keeps
 * the float vectors ({@code embed.VectorStore}), so an index can always be rebuilt from them.
 *
 * <p>A paper's code is {@code round((d − m) · scale)}, clamped to [-127, 127], with one centre
 * {@code m} and one scale for every paper. Every vector of a model shares one direction (bge-small's
 * dimension 99 is about 0.37 in every paper), so {@code d − m} has much smaller components than
 * {@code d} and a larger scale fits in a byte: fewer rounding steps are lost (issue 23: recall@10
 * against exact search 0.970 uncentred, docs/benchmarks.md "Vector quantisation"). Ranking is
 * unchanged, since {@code q·d = q·(d − m) + q·m} and {@code q·m} is one constant per query. The
 * query is coded at its own scale ({@code 127 / max |q_i|}, uncentred), which changes the scores of
 * one query by one factor and so not its ranking; {@link #unitScore} undoes the scales and adds
 * {@code q·m} back, so scores stay {@code (1 + cos) / 2} for anything that fuses them.
 *
 * <p>The centres are per model, class-path resources {@code vector-centres/MODEL.txt} made by
 * {@code bench/vector-centre} from arXiv listings embedded with that model (docs/benchmarks.md
 * "Vector centres"); a model without one is coded {@link #UNCENTRED}, and so are vectors whose
 * dimension is not the centre's (test fixtures). An index records {@link #name} (the Lucene commit
 * data, the Solr watermark document) and is read with the codes it was written with, never others.
 * Immutable and thread-safe.
 */
public record VectorCodes(String name, float[] centre, float scale) {

  /** The codes of every index built before centring: no centre, {@link #MODEL_SCALE} or {@link #SMALL_SCALE}. */
  public static final VectorCodes UNCENTRED = new VectorCodes("uncentred", new float[0], 0f);

  /**
   * Uncentred code units per unit of a component of a model's vector (128 dimensions or more):
   * components up to ±127/256 (0.496) are kept to the rounding, which bge-small's dimension 99 needs.
   */
  public static final float MODEL_SCALE = 256f;

  /**
   * The scale of uncentred vectors of fewer than 128 dimensions (test fixtures, toy models), whose
   * components may be anything up to 1: 127 never clamps a unit vector.
   */
  public static final float SMALL_SCALE = 127f;

  private static final int MAX = 127;
  private static final String RESOURCES = "vector-centres/";
  private static final String CENTRED = "centred:";

  public VectorCodes {
    centre = centre.clone();
  }

  /**
   * The codes for vectors of the model named {@code model} ({@code EmbeddingModel#configName}):
   * centred on its resource's centre, or {@link #UNCENTRED} when there is no resource for it.
   */
  public static VectorCodes forModel(String model) {
    return resource(model).map(text -> parse(model, text)).orElse(UNCENTRED);
  }

  /**
   * The codes an index recorded as {@link #name}: {@link #UNCENTRED} for none ({@code null}, blank,
   * an index from before centring).
   *
   * @throws IllegalStateException when this version has no such centre (an index built by another
   *     version, or the centre changed since): reading it with any other centre would score wrongly
   */
  public static VectorCodes byName(String recorded) {
    if (recorded == null || recorded.isBlank() || recorded.equals(UNCENTRED.name)) {
      return UNCENTRED;
    }
    if (recorded.startsWith(CENTRED)) {
      String rest = recorded.substring(CENTRED.length());
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

  /** The code of a paper's unit vector (one byte a dimension). */
  public byte[] encode(float[] vector) {
    boolean centred = centres(vector.length);
    float s = scale(vector.length);
    byte[] out = new byte[vector.length];
    for (int i = 0; i < vector.length; i++) {
      int c = Math.round((centred ? vector[i] - centre[i] : vector[i]) * s);
      out[i] = (byte) Math.max(-MAX, Math.min(MAX, c));
    }
    return out;
  }

  /**
   * How many components of {@code vector}'s code {@link #encode} clamps (beyond the byte's range):
   * each loses what lies beyond it. Counted by rebuilds and the benchmark; the centres' scales
   * leave a quarter of the byte spare, so papers like those the centre was made from have none.
   */
  public int clipped(float[] vector) {
    boolean centred = centres(vector.length);
    float s = scale(vector.length);
    int n = 0;
    for (int i = 0; i < vector.length; i++) {
      if (Math.abs(Math.round((centred ? vector[i] - centre[i] : vector[i]) * s)) > MAX) {
        n++;
      }
    }
    return n;
  }

  /** The vector a paper's code stands for (unit length to the rounding). */
  public float[] decode(byte[] code) {
    boolean centred = centres(code.length);
    float s = scale(code.length);
    float[] out = new float[code.length];
    for (int i = 0; i < code.length; i++) {
      out[i] = code[i] / s + (centred ? centre[i] : 0f);
    }
    return out;
  }

  /** The code of a unit query vector, at its own scale so its largest component is ±127 (never clamped). */
  public static byte[] encodeQuery(float[] query) {
    float s = queryScale(query);
    byte[] out = new byte[query.length];
    for (int i = 0; i < query.length; i++) {
      out[i] = (byte) Math.round(query[i] * s);
    }
    return out;
  }

  /**
   * The score the float vectors would have had, {@code (1 + cos) / 2}, from the byte
   * {@code DOT_PRODUCT} score of {@link #encodeQuery}{@code (query)} against a paper's code, which is
   * {@code 0.5 + dot / (dims · 2^15)} (Lucene's {@code VectorUtil.dotProductScore}; Solr's knn query
   * scores with the same function). The dot product is {@code q·(d − m)} times both scales;
   * {@code q·m} is added back.
   */
  public float unitScore(float byteScore, float[] query) {
    int dims = query.length;
    double dot = (byteScore - 0.5) * dims * 32768.0;
    double cos = dot / ((double) queryScale(query) * scale(dims));
    if (centres(dims)) {
      for (int i = 0; i < dims; i++) {
        cos += (double) query[i] * centre[i];
      }
    }
    return (float) (0.5 + cos / 2.0);
  }

  /** Code units per unit of a paper's component, for vectors of {@code dims} dimensions. */
  public float scale(int dims) {
    return centres(dims) ? scale : dims >= 128 ? MODEL_SCALE : SMALL_SCALE;
  }

  /** Whether papers of {@code dims} dimensions are coded centred (the centre is of that dimension). */
  public boolean centres(int dims) {
    return centre.length > 0 && centre.length == dims;
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
      throw new UncheckedIOException("cannot read the vector centre of " + model, e);
    }
  }

  /**
   * A centre resource: {@code #} comment lines, then {@code scale S}, then one component a line.
   * Named after the model and the CRC-32 of the text, so an index coded with an older centre of the
   * same model is never read with a newer one.
   */
  static VectorCodes parse(String model, String text) {
    float scale = 0;
    List<Float> components = new ArrayList<>();
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      if (l.startsWith("scale ")) {
        scale = Float.parseFloat(l.substring("scale ".length()).strip());
      } else {
        components.add(Float.parseFloat(l));
      }
    }
    if (!(scale > 0) || components.isEmpty()) {
      throw new IllegalStateException("the vector centre of " + model + " has no scale or no components");
    }
    float[] centre = new float[components.size()];
    for (int i = 0; i < centre.length; i++) {
      centre[i] = components.get(i);
    }
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return new VectorCodes(CENTRED + model + "@" + String.format("%08x", crc.getValue()), centre, scale);
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

  @Override
  public float[] centre() {
    return centre.clone();
  }
}
