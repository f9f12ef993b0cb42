package org.paperlens.index;

/**
 * How the embedded index stores paper vectors for search ({@code index.lucene.VectorField}).
 * {@link #INT8}, the default, is our own 8-bit code of each vector ({@link VectorCodes}) in a byte
 * vector field: 384 bytes a paper and nothing else. The others are Lucene's scalar encodings of
 * float vectors, and Lucene keeps the 1,536 bytes of float vectors beside their codes (it needs them
 * to merge segments), so each takes more bytes than int8 and finds less; they stay for comparison
 * and for indexes built with them. docs/benchmarks.md ("Vector quantisation", "Index bytes per
 * paper: the choice") has the figures that chose the default.
 */
public enum VectorQuantization {
  /** 8 bits a dimension, our own codes at one fixed scale, without a float copy. */
  INT8("int8"),
  /** Lucene's 7 bits a dimension, with the float copy. */
  INT7("int7"),
  /** Lucene's 4 bits a dimension, two to a byte, with the float copy. */
  INT4("int4"),
  /** Lucene's 2 bits a dimension (the query side keeps 4), with the float copy. */
  DIBIT("2bit"),
  /** Lucene's 1 bit a dimension (the query side keeps 4), with the float copy. */
  BINARY("1bit");

  public static final VectorQuantization DEFAULT = INT8;

  private final String configName;

  VectorQuantization(String configName) {
    this.configName = configName;
  }

  /** The name in {@code --quantization} and {@code $PAPERLENS_QUANTIZATION}, and in the index's commit data. */
  public String configName() {
    return configName;
  }

  /** The encoding called {@code name} ({@link #configName}, any case), if there is one. */
  public static java.util.Optional<VectorQuantization> byName(String name) {
    return java.util.Arrays.stream(values()).filter(q -> q.configName.equalsIgnoreCase(name.strip())).findFirst();
  }

  /** Every {@link #configName}, for messages and help. */
  public static String names() {
    return String.join(", ", java.util.Arrays.stream(values()).map(VectorQuantization::configName).toList());
  }
}
