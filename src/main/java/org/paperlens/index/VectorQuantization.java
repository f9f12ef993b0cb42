package org.paperlens.index;

/**
 * How the HNSW graph stores paper vectors for search (the embedded engine maps each to a Lucene
 * scalar encoding in {@code index.lucene.IndexBuilder}). The full float vectors are kept beside the
 * quantised ones either way (Lucene needs them to merge segments), so a smaller code saves index
 * bytes and scoring time, and costs recall; docs/benchmarks.md ("Vector quantisation") has the
 * figures that chose the default.
 */
public enum VectorQuantization {
  /** 8 bits a dimension, unsigned. */
  INT8("int8"),
  /** 7 bits a dimension (a faster dot product on some CPUs). */
  INT7("int7"),
  /** 4 bits a dimension, two to a byte. */
  INT4("int4"),
  /** 2 bits a dimension; the query side keeps 4. */
  DIBIT("2bit"),
  /** 1 bit a dimension; the query side keeps 4. */
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
