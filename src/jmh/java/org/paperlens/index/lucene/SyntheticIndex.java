package org.paperlens.index.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;
import org.paperlens.index.IndexSettings;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/**
 * A Lucene index of made-up papers for the JMH benchmarks, so they need no data from outside:
 * titles and abstracts drawn from a Zipf-like vocabulary, random unit vectors, listing dates
 * over the last 100 days. Fixed seed: every run builds the same index.
 */
public final class SyntheticIndex {

  private static final int VOCABULARY = 20_000;
  private static final int DIMENSION = 384;

  private SyntheticIndex() {}

  /** Builds {@code papers} papers under a temporary directory and opens the index; the caller closes it. */
  public static LuceneIndex build(int papers, LocalDate newest) {
    try {
      Path root = Files.createTempDirectory("jmh-index");
      Path generation = IndexDirectory.nextGeneration(root);
      Random random = new Random(42);
      try (FSDirectory dir = FSDirectory.open(generation); IndexWriter writer = new IndexWriter(dir, IndexBuilder.config(IndexSettings.DEFAULT))) {
        for (int i = 0; i < papers; i++) {
          Paper paper = Paper.builder(new PaperId(String.format("2501.%05d", i))).title(words(random, 10))
              .abstractText(words(random, 180)).authors(List.of("Author " + random.nextInt(5000)))
              .categories(List.of("cs.CL")).firstListed(newest.minusDays(random.nextInt(100))).build();
          writer.addDocument(PaperDocument.of(paper, vector(random)));
        }
        writer.setLiveCommitData(java.util.Map.of(LuceneIndex.SEQ_KEY, "0", LuceneIndex.FORMAT_KEY, LuceneIndex.FORMAT).entrySet());
        writer.commit();
      }
      IndexDirectory.publish(root, generation);
      return LuceneIndex.open(root, IndexSettings.DEFAULT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ids of the papers {@link #build} made. */
  public static List<PaperId> ids(int papers) {
    List<PaperId> ids = new ArrayList<>(papers);
    for (int i = 0; i < papers; i++) {
      ids.add(new PaperId(String.format("2501.%05d", i)));
    }
    return ids;
  }

  private static String words(Random random, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      // Rank r drawn with probability about 1/r: a few very common words, a long tail.
      int rank = (int) Math.floor(Math.pow(VOCABULARY, random.nextDouble()));
      b.append(i == 0 ? "" : " ").append("w").append(Integer.toString(rank, 36));
    }
    return b.toString();
  }

  private static float[] vector(Random random) {
    float[] v = new float[DIMENSION];
    double norm = 0;
    for (int d = 0; d < DIMENSION; d++) {
      v[d] = (float) random.nextGaussian();
      norm += v[d] * v[d];
    }
    for (int d = 0; d < DIMENSION; d++) {
      v[d] /= (float) Math.sqrt(norm);
    }
    return v;
  }
}
