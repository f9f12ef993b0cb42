package org.paperlens.index.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.paperlens.common.Progress;
import org.paperlens.index.IndexRebuild;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.IndexSource;
import org.paperlens.index.RebuildReport;

/**
 * Builds the Lucene index from an {@link IndexSource} (the catalogue and its stored vectors), never re-embedding.
 *
 * <p>The build goes into a new generation directory and is published only when complete
 * ({@link IndexDirectory#publish}): searches keep using the previous index until then, and a
 * build that dies leaves it untouched.
 */
public final class IndexBuilder {

  /** The whole-index write side of the embedded index under {@code indexRoot}. */
  public static IndexRebuild into(Path indexRoot, IndexSettings settings) {
    return (papers, progress) -> rebuild(papers, indexRoot, settings, progress);
  }

  /** Builds an empty index when there is none, so a server can start on an empty data directory. */
  public static void ensureExists(Path indexRoot, IndexSettings settings) {
    if (IndexDirectory.current(indexRoot).isPresent()) {
      return;
    }
    try {
      Path generation = IndexDirectory.nextGeneration(indexRoot);
      try (FSDirectory dir = FSDirectory.open(generation); IndexWriter writer = new IndexWriter(dir, config(settings))) {
        writer.setLiveCommitData(IndexCommit.data(0, settings));
        writer.commit();
      }
      IndexDirectory.publish(indexRoot, generation);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create an empty index in " + indexRoot + ": " + e.getMessage(), e);
    }
  }

  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(IndexBuilder.class.getName());
  private static final double RAM_BUFFER_MB = 512;
  /** Lucene's default graph degree. */
  static final int HNSW_MAX_CONN = 16;
  /**
   * Candidates kept while inserting a vector into the graph (Lucene's default is 100). Building
   * the graph is most of a rebuild's time once every paper has a vector; see docs/benchmarks.md
   * for what 64 costs in build time and in semantic nDCG@10.
   */
  static final int HNSW_BEAM_WIDTH = 80;
  /** Analysis and HNSW insertion dominate a build; reading the catalogue is a tenth of it. */
  private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

  private IndexBuilder() {}

  public static RebuildReport rebuild(IndexSource papers, Path indexRoot, IndexSettings settings, Progress progress) {
    long start = System.nanoTime();
    try {
      Path generation = IndexDirectory.nextGeneration(indexRoot);
      int[] counts = new int[3];
      // Read before the scan: every change numbered up to here is in the scan, so this is the
      // watermark the new index can honestly claim (later changes are caught up incrementally).
      long seq = papers.sequence();
      long total = papers.count();
      progress.begin("reindex", total, "papers");
      try (FSDirectory dir = FSDirectory.open(generation);
          IndexWriter writer = new IndexWriter(dir, config(settings));
          ParallelAdder adder = new ParallelAdder(writer, THREADS)) {
        VectorField vectors = VectorField.of(settings);
        papers.forEach((paper, vector) -> {
          adder.add(PaperDocument.of(paper, vector, vectors));
          counts[0]++;
          if (vector != null) {
            counts[1]++;
            if (vectors instanceof VectorField.Bytes b && b.codes().clipped(vector) > 0) {
              counts[2]++;
            }
          }
          if (counts[0] % 1000 == 0) {
            progress.advanceTo(counts[0], String.format("%,d papers", counts[0]));
          }
        });
        adder.finish();
        if (counts[2] > 0) {
          LOG.warning(String.format("%,d of %,d vectors had a component clamped to the byte range by the vector codes %s:"
              + " their codes lose what lies beyond it (are they the configured model's vectors?)", counts[2], counts[1],
              vectors.codes().name()));
        }
        writer.setLiveCommitData(IndexCommit.data(seq, settings));
        writer.commit();
      } finally {
        progress.end();
      }
      IndexDirectory.publish(indexRoot, generation);
      return new RebuildReport(counts[0], counts[1], generation.toString(), (System.nanoTime() - start) / 1e9);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the index in " + indexRoot + ": " + e.getMessage(), e);
    }
  }

  static IndexWriterConfig config(IndexSettings settings) {
    return config(settings, VectorField.format(settings, HNSW_MAX_CONN, HNSW_BEAM_WIDTH));
  }

  /** The configuration of a new index whose vectors take {@code vectorFormat} (benchmarks compare formats). */
  static IndexWriterConfig config(IndexSettings settings, KnnVectorsFormat vectorFormat) {
    IndexWriterConfig config = new IndexWriterConfig(PaperAnalyzer.create());
    config.setSimilarity(new BM25Similarity(settings.k1(), settings.b()));
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    // One large buffer: the whole arXiv set fits, so HNSW graphs are built once, not re-merged.
    config.setRAMBufferSizeMB(RAM_BUFFER_MB);
    // Stored fields stay LZ4 (the codec's default): DEFLATE would save 413 bytes a paper (578 instead
    // of 991 on the arXiv listings) but doubled a keyword search's CPU (docs/benchmarks.md, "Index
    // bytes per paper").
    config.setCodec(new Lucene104Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return vectorFormat;
      }
    });
    return config;
  }
}
