package org.paperlens.index;

import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * How the HNSW graph stores paper vectors for search. The full float vectors are kept beside the
 * quantised ones either way (Lucene needs them to merge segments), so a smaller code saves index
 * bytes and scoring time, and costs recall; docs/benchmarks.md ("Vector quantisation") has the
 * figures that chose the default.
 */
public enum VectorQuantization {
  /** 8 bits a dimension, unsigned. */
  INT8(ScalarEncoding.UNSIGNED_BYTE),
  /** 7 bits a dimension (a faster dot product on some CPUs). */
  INT7(ScalarEncoding.SEVEN_BIT),
  /** 4 bits a dimension, two to a byte. */
  INT4(ScalarEncoding.PACKED_NIBBLE),
  /** 2 bits a dimension; the query side keeps 4. */
  DIBIT(ScalarEncoding.DIBIT_QUERY_NIBBLE),
  /** 1 bit a dimension; the query side keeps 4. */
  BINARY(ScalarEncoding.SINGLE_BIT_QUERY_NIBBLE);

  public static final VectorQuantization DEFAULT = INT8;

  private final ScalarEncoding encoding;

  VectorQuantization(ScalarEncoding encoding) {
    this.encoding = encoding;
  }

  ScalarEncoding encoding() {
    return encoding;
  }
}
