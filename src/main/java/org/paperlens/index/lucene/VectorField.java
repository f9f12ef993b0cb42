package org.paperlens.index.lucene;

import java.io.IOException;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.KnnByteVectorField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.ByteVectorValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.VectorEncoding;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.KnnByteVectorQuery;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.PaperFields;
import org.paperlens.index.VectorCodes;
import org.paperlens.index.VectorQuantization;

/**
 * How an index keeps {@link PaperFields#VECTOR}: as our own 8-bit codes in a byte vector field
 * ({@link Bytes}, coded by its {@link VectorCodes}; int8, the default since index format 7: 384 bytes
 * a paper, no float copy), or as float vectors that Lucene quantises for its graph and keeps beside
 * the codes ({@link #FLOATS}: the smaller Lucene encodings, and every index older than format 7).
 * An index is written and searched the way it was built, whatever the settings now say, so updates
 * to an outdated index before its rebuild add fields of the kind it already holds (Lucene refuses a
 * field that changes vector encoding), coded as its commit data record ({@link IndexCommit#CODES_KEY}).
 */
sealed interface VectorField permits VectorField.Bytes, VectorField.Floats {

  /** Float vectors, for Lucene to quantise. */
  VectorField FLOATS = new Floats();
  /** Byte vectors of plain codes (no reflection), as the first format 7 indexes hold (tests and benchmarks compare against them). */
  VectorField BYTES = new Bytes(VectorCodes.PLAIN);

  /** Our own codes in a byte vector field. */
  record Bytes(VectorCodes codes) implements VectorField {}

  /** Float vectors. */
  record Floats() implements VectorField {}

  /** How an index built with these settings keeps vectors. */
  static VectorField of(IndexSettings settings) {
    return settings.quantization() == VectorQuantization.INT8 ? new Bytes(settings.codes()) : FLOATS;
  }

  /** How an index whose commit data say {@code format}, {@code quantization} and {@code codes} keeps them. */
  static VectorField of(String format, String quantization, String codes) {
    int f;
    try {
      f = Integer.parseInt(format);
    } catch (NumberFormatException e) {
      f = 0;
    }
    return f >= 7 && VectorQuantization.INT8.configName().equals(quantization) ? new Bytes(VectorCodes.byName(codes)) : FLOATS;
  }

  /**
   * How the index {@code reader} reads keeps vectors: as its segments hold them (byte ones coded as
   * the commit data's {@code codes} say, plain when they say nothing), or, before any segment
   * has one, as its commit data ({@code format}, {@code quantization}, {@code codes}) say it was built.
   */
  static VectorField held(org.apache.lucene.index.IndexReader reader, String format, String quantization, String codes) {
    for (org.apache.lucene.index.LeafReaderContext leaf : reader.leaves()) {
      FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(PaperFields.VECTOR);
      if (info != null && info.hasVectorValues()) {
        return info.getVectorEncoding() == VectorEncoding.BYTE ? new Bytes(VectorCodes.byName(codes)) : FLOATS;
      }
    }
    return of(format, quantization, codes);
  }

  /** The codes of the byte vectors ({@link VectorCodes#PLAIN} for floats, which have none). */
  default VectorCodes codes() {
    return switch (this) {
      case Bytes b -> b.codes();
      case Floats f -> VectorCodes.PLAIN;
    };
  }

  /** The indexed field of a paper's unit vector. */
  default IndexableField field(float[] vector) {
    return switch (this) {
      case Bytes b -> new KnnByteVectorField(PaperFields.VECTOR, b.codes().encode(vector), VectorSimilarityFunction.DOT_PRODUCT);
      case Floats f -> new KnnFloatVectorField(PaperFields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT);
    };
  }

  /** The {@code k} nearest papers to a unit query vector among those passing {@code filter} (null: all). */
  default Query nearest(float[] query, int k, Query filter) {
    return switch (this) {
      case Bytes b -> new KnnByteVectorQuery(PaperFields.VECTOR, b.codes().encodeQuery(query), k, filter);
      case Floats f -> new KnnFloatVectorQuery(PaperFields.VECTOR, query, k, filter);
    };
  }

  /** The hits' scores of {@link #nearest}{@code (query, ...)} on the float vectors' scale, {@code (1 + cos) / 2}; made once a query. */
  default java.util.function.DoubleUnaryOperator unitScores(float[] query) {
    return switch (this) {
      case Bytes b -> b.codes().unitScores(query);
      case Floats f -> java.util.function.DoubleUnaryOperator.identity();
    };
  }

  /** The vector format of an index built with {@code settings}: HNSW of degree {@code maxConn}, beam {@code beamWidth}. */
  static KnnVectorsFormat format(IndexSettings settings, int maxConn, int beamWidth) {
    return switch (settings.quantization()) {
      // Plain HNSW over the byte vectors as given: no quantisation of its own, so no float copy.
      case INT8 -> new Lucene99HnswVectorsFormat(maxConn, beamWidth);
      case INT7 -> new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.SEVEN_BIT, maxConn, beamWidth);
      case INT4 -> new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.PACKED_NIBBLE, maxConn, beamWidth);
      case DIBIT -> new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.DIBIT_QUERY_NIBBLE, maxConn, beamWidth);
      case BINARY -> new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.SINGLE_BIT_QUERY_NIBBLE, maxConn, beamWidth);
    };
  }

  /**
   * The vectors of one segment, whichever way it keeps them, or null when it has none. Read per
   * segment from its field info, so a reader never asks a byte field for floats.
   */
  static KnnVectorValues values(LeafReader reader) throws IOException {
    FieldInfo info = reader.getFieldInfos().fieldInfo(PaperFields.VECTOR);
    if (info == null || !info.hasVectorValues()) {
      return null;
    }
    return info.getVectorEncoding() == VectorEncoding.BYTE
        ? reader.getByteVectorValues(PaperFields.VECTOR)
        : reader.getFloatVectorValues(PaperFields.VECTOR);
  }

  /** The unit vector at {@code ord} of {@link #values}, a fresh array (codes decoded with this index's codes). */
  default float[] vector(KnnVectorValues values, int ord) throws IOException {
    return switch (values) {
      case ByteVectorValues b -> codes().decode(b.vectorValue(ord));
      case FloatVectorValues f -> f.vectorValue(ord).clone();
      default -> throw new IllegalStateException("unexpected vector values " + values.getClass());
    };
  }
}
