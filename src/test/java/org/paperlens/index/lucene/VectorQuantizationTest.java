package org.paperlens.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexChange;
import org.paperlens.index.IndexHit;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.VectorQuantization;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/** The vector quantisation setting reaches the index: codes of its size on disk, and every encoding still finds a paper by its own vector. */
class VectorQuantizationTest {

  private static final int PAPERS = 60;

  @TempDir Path tmp;

  @Test
  void each_encoding_stores_codes_of_its_own_size_and_finds_each_paper_by_its_vector() throws IOException {
    List<float[]> vectors = vectors();
    Map<VectorQuantization, Long> codeBytes = new EnumMap<>(VectorQuantization.class);
    for (VectorQuantization q : VectorQuantization.values()) {
      Path root = tmp.resolve(q.name());
      try (LiveIndex index = LiveIndex.open(root, IndexSettings.DEFAULT.withQuantization(q))) {
        List<IndexChange> puts = new ArrayList<>();
        for (int i = 0; i < PAPERS; i++) {
          puts.add(new IndexChange.Put(paper(i), vectors.get(i)));
        }
        index.apply(puts, 1);
        index.refresh();
        for (int i = 0; i < PAPERS; i++) {
          assertThat(index.nearest(vectors.get(i), Filters.NONE, 5)).as(q + ", paper " + i)
              .extracting(IndexHit::id).contains(id(i));
        }
      }
      // Small segments go into compound files, so compare whole indexes: the papers are the same in each.
      codeBytes.put(q, bytesOf(root));
    }
    // Lucene's codes shrink with their bits, but each keeps the float copy beside them; int8 (our
    // own codes in a byte vector field) keeps nothing else, so it is the smallest of all.
    assertThat(codeBytes.get(VectorQuantization.BINARY)).isLessThan(codeBytes.get(VectorQuantization.INT4));
    assertThat(codeBytes.get(VectorQuantization.INT4)).isLessThan(codeBytes.get(VectorQuantization.INT7));
    assertThat(codeBytes.get(VectorQuantization.INT8)).isLessThan(codeBytes.get(VectorQuantization.BINARY));
  }

  private static PaperId id(int i) {
    return new PaperId(String.format("2607.%05d", i));
  }

  private static Paper paper(int i) {
    return Paper.builder(id(i)).version(1).title("Paper " + i).abstractText("About topic " + i + ".")
        .categories(List.of("cs.CL")).firstListed(LocalDate.of(2026, 7, 1)).source("test").build();
  }

  private static List<float[]> vectors() {
    Random random = new Random(7);
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < PAPERS; i++) {
      float[] v = new float[384];
      double norm = 0;
      for (int d = 0; d < v.length; d++) {
        v[d] = (float) random.nextGaussian();
        norm += v[d] * v[d];
      }
      for (int d = 0; d < v.length; d++) {
        v[d] /= (float) Math.sqrt(norm);
      }
      out.add(v);
    }
    return out;
  }

  private static long bytesOf(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
