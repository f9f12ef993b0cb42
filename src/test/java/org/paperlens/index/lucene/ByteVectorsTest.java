package org.paperlens.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.VectorEncoding;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;
import org.junit.jupiter.api.Test;
import static org.paperlens.index.UnitVectors.at;
import static org.paperlens.index.UnitVectors.dot;
import static org.paperlens.index.UnitVectors.unit;
import static org.paperlens.index.UnitVectors.modelLike;
import org.paperlens.index.UnitVectors;
import org.paperlens.index.PaperFeatures;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.bench.IndexBytes;
import org.paperlens.common.Progress;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexHit;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.IndexSource;
import org.paperlens.index.PaperFields;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/**
 * The index keeps our own 8-bit code of each vector as a byte vector, without Lucene's float copy
 * (issue 23): one byte a dimension on disk, search that ranks as exact float search does, and an
 * index of the float layout (format 6) that is searched as built and rebuilt, never a crash.
 */
class ByteVectorsTest {

  private static final int DIMS = 384;

  @TempDir Path tmp;

  @Test
  void the_vector_files_hold_about_one_byte_a_dimension_and_no_float_copy() throws Exception {
    Random random = new Random(3);
    List<float[]> vectors = IntStream.range(0, 500).mapToObj(i -> unit(random)).toList();
    Path root = tmp.resolve("index");
    IndexBuilder.rebuild(source(vectors), root, IndexSettings.DEFAULT, Progress.NONE);
    Map<String, Long> bytes = IndexBytes.byExtension(IndexDirectory.current(root).orElseThrow());
    long vectorBytes = bytes.entrySet().stream().filter(e -> e.getKey().startsWith("ve")).mapToLong(Map.Entry::getValue).sum();
    // 384 bytes of code a paper, plus the graph and metadata; the float copy alone would be 1,536.
    assertThat(vectorBytes / (double) vectors.size()).as("vector bytes per paper, by file: " + bytes)
        .isGreaterThanOrEqualTo(DIMS).isLessThan(DIMS + 160);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(IndexDirectory.current(root).orElseThrow()))) {
      FieldInfo vector = FieldInfos.getMergedFieldInfos(reader).fieldInfo(PaperFields.VECTOR);
      assertThat(vector.getVectorEncoding()).isEqualTo(VectorEncoding.BYTE);
    }
  }

  @Test
  void byte_vector_search_ranks_as_exact_float_search_does_and_scores_on_the_float_scale() throws Exception {
    Random random = new Random(11);
    List<float[]> queries = IntStream.range(0, 5).mapToObj(i -> unit(random)).toList();
    List<float[]> vectors = new ArrayList<>();
    for (float[] q : queries) {
      // 12 papers at cosines 0.90, 0.88, ... to each query: gaps ten times a code's rounding error.
      for (int j = 0; j < 12; j++) {
        vectors.add(at(q, 0.9 - 0.02 * j, random));
      }
    }
    for (int i = 0; i < 300; i++) {
      vectors.add(unit(random)); // cosines near 0 to every query
    }
    Path root = tmp.resolve("index");
    IndexBuilder.rebuild(source(vectors), root, IndexSettings.DEFAULT, Progress.NONE);
    try (LuceneIndex index = LuceneIndex.open(root, IndexSettings.DEFAULT)) {
      for (float[] q : queries) {
        List<Integer> exact = IntStream.range(0, vectors.size()).boxed()
            .sorted(Comparator.comparingDouble((Integer i) -> -dot(q, vectors.get(i)))).limit(10).toList();
        List<IndexHit> hits = index.nearest(q, Filters.NONE, 10);
        assertThat(hits).extracting(h -> h.id().value()).containsExactlyElementsOf(exact.stream().map(i -> id(i).value()).toList());
        // (1 + cos) / 2, as the float vectors scored: what fusion and related papers read.
        assertThat(hits.getFirst().score()).isCloseTo((float) (1 + dot(q, vectors.get(exact.getFirst()))) / 2, within(0.005f));
      }
    }
  }

  @Test
  void an_index_of_the_float_layout_is_searched_as_built_updated_without_a_crash_and_rebuilt() throws Exception {
    Random random = new Random(5);
    List<float[]> vectors = IntStream.range(0, 40).mapToObj(i -> unit(random)).toList();
    Path root = tmp.resolve("index");
    writeFormat6(root, vectors);

    try (LiveIndex live = LiveIndex.open(root, IndexSettings.DEFAULT)) {
      assertThat(live.currentFormat()).isFalse();
      assertThat(live.staleReason()).contains("format 6");
      assertThat(live.nearest(vectors.get(7), Filters.NONE, 1)).extracting(h -> h.id().value()).containsExactly(id(7).value());
      // serve applies catalogue changes while the rebuild runs: a float vector into a float index.
      float[] moved = unit(random);
      live.apply(List.of(new org.paperlens.index.IndexChange.Put(paper(7), moved)), 2);
      live.refresh();
      live.commit();
      assertThat(live.nearest(moved, Filters.NONE, 1)).extracting(h -> h.id().value()).containsExactly(id(7).value());

      live.rebuild(source(vectors), Progress.NONE);
      assertThat(live.switchIfRebuilt()).isTrue();
      assertThat(live.currentFormat()).isTrue();
      assertThat(live.nearest(vectors.get(9), Filters.NONE, 1)).extracting(h -> h.id().value()).containsExactly(id(9).value());
    }
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(IndexDirectory.current(root).orElseThrow()))) {
      assertThat(FieldInfos.getMergedFieldInfos(reader).fieldInfo(PaperFields.VECTOR).getVectorEncoding()).isEqualTo(VectorEncoding.BYTE);
    }
  }

  @Test
  void an_index_is_read_and_updated_with_the_codes_it_was_built_with_whatever_the_settings_say() throws Exception {
    Random random = new Random(17);
    List<float[]> vectors = IntStream.range(0, 60).mapToObj(i -> modelLike(random)).toList();
    IndexSettings centred = IndexSettings.DEFAULT.withCodes(UnitVectors.BGE);
    for (IndexSettings built : List.of(centred, IndexSettings.DEFAULT)) {
      IndexSettings now = built == centred ? IndexSettings.DEFAULT : centred;
      Path root = tmp.resolve(built == centred ? "centred" : "uncentred");
      IndexBuilder.rebuild(source(vectors), root, built, Progress.NONE);
      try (LiveIndex live = LiveIndex.open(root, now)) {
        String as = "built " + built.codes() + ", opened with " + now.codes();
        assertThat(live.currentFormat()).as(as).isTrue(); // other codes are no reason to rebuild: read as built
        float[] q = vectors.get(3);
        assertThat(live.nearest(q, Filters.NONE, 1).getFirst().score()).as(as).isCloseTo(1f, within(0.002f));
        IndexHit second = live.nearest(q, Filters.NONE, 2).get(1);
        float[] secondVector = vectors.get(Integer.parseInt(second.id().value().substring(5)));
        assertThat(second.score()).as(as).isCloseTo((float) (1 + dot(q, secondVector)) / 2, within(0.002f));
        // Recommendations read papers' vectors back from the index: decoded with the codes written.
        PaperFeatures features = live.features(List.of(id(3)), Filters.NONE);
        float[] decoded = features.vector(0);
        for (int d = 0; d < DIMS; d++) {
          assertThat(decoded[d]).as(as).isCloseTo(q[d], within(0.5f / built.codes().scale(DIMS) + 1e-6f));
        }
        // An update is coded as the index's other papers are.
        float[] moved = modelLike(random);
        live.apply(List.of(new org.paperlens.index.IndexChange.Put(paper(7), moved)), 2);
        live.refresh();
        assertThat(live.nearest(moved, Filters.NONE, 1).getFirst()).as(as)
            .satisfies(h -> assertThat(h.id()).isEqualTo(id(7)), h -> assertThat(h.score()).isCloseTo(1f, within(0.002f)));
        live.commit();
      }
      try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(IndexDirectory.current(root).orElseThrow()))) {
        assertThat(reader.getIndexCommit().getUserData()).containsEntry(IndexCommit.CODES_KEY, built.codes().name());
      }
    }
  }

  /** What IndexBuilder wrote before format 7: float vectors under Lucene's int8 scalar quantisation. */
  private static void writeFormat6(Path root, List<float[]> vectors) throws Exception {
    Path generation = IndexDirectory.nextGeneration(root);
    var config = IndexBuilder.config(IndexSettings.DEFAULT);
    config.setCodec(new Lucene104Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.UNSIGNED_BYTE, 16, 80);
      }
    });
    try (FSDirectory dir = FSDirectory.open(generation); IndexWriter writer = new IndexWriter(dir, config)) {
      for (int i = 0; i < vectors.size(); i++) {
        writer.addDocument(PaperDocument.of(paper(i), vectors.get(i), VectorField.FLOATS));
      }
      writer.setLiveCommitData(IndexCommit.data(1, "6", "int8", ""));
      writer.commit();
    }
    IndexDirectory.publish(root, generation);
  }

  private static IndexSource source(List<float[]> vectors) {
    return new IndexSource() {
      @Override
      public long sequence() {
        return 1;
      }

      @Override
      public long count() {
        return vectors.size();
      }

      @Override
      public void forEach(Sink sink) {
        for (int i = 0; i < vectors.size(); i++) {
          sink.accept(paper(i), vectors.get(i));
        }
      }
    };
  }

  private static PaperId id(int i) {
    return new PaperId(String.format("2612.%05d", i));
  }

  private static Paper paper(int i) {
    return Paper.builder(id(i)).version(1).title("Paper " + i).abstractText("About topic " + i + ".")
        .categories(List.of("cs.IR")).firstListed(LocalDate.of(2026, 12, 1)).source("test").build();
  }
}
