package org.paperlens.index.lucene;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RescoreTopNQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.paperlens.bench.Hardware;
import org.paperlens.bench.Load;
import org.paperlens.config.Config;
import org.paperlens.embed.Encoder;
import org.paperlens.embed.PaperVector;
import org.paperlens.embed.VectorStore;
import org.paperlens.eval.MarkedSection;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.PaperFields;
import org.paperlens.index.VectorQuantization;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;

/**
 * Benchmark, not a test (issue: speed to the hardware's limit): each {@link VectorQuantization}
 * on the real bge-small vectors of DATA_DIR's catalogue. Recall@10 against exact search (every
 * float vector scored), single-thread latency, bytes per paper of the vector files, and build
 * time; three ways to search: k = 10; k = 100 with its top 10 (what semantic and hybrid search
 * ask, {@code Searcher.FUSION_DEPTH}); and k = 100 rescored with the full float vectors to 10.
 *
 * <p>Queries: titles of random listed papers (seed 42) behind bge's query instruction, embedded
 * as {@code serve} embeds them. Usage: {@code QuantizationCompare DATA_DIR QUERIES [DOC]}.
 */
public final class QuantizationCompare {

  private static final int K = 10;
  private static final int DEPTH = 100;
  private static final int WARMUP = 200;

  public static void main(String[] args) throws Exception {
    Config config = Config.resolve(System.getenv(), Path.of(args[0]));
    int nQueries = Integer.parseInt(args[1]);
    Path doc = Path.of(args.length > 2 ? args[2] : "docs/benchmarks.md");
    List<float[]> corpus = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    try (CatalogueStore store = CatalogueStore.open(config.dataDir())) {
      new VectorStore(store).forEach(config.model(), (PaperVector v) -> corpus.add(v.vector()));
      List<Paper> papers = new ArrayList<>();
      store.forEachLive(papers::add);
      Random random = new Random(42);
      while (titles.size() < nQueries + WARMUP) {
        String t = papers.get(random.nextInt(papers.size())).title();
        if (t != null && !t.isBlank()) {
          titles.add(t);
        }
      }
    }
    float[][] queries;
    try (Encoder encoder = Encoder.open(config.model(), Encoder.Options.DEFAULT)) {
      queries = titles.stream().map(encoder::embedQuery).toArray(float[][]::new);
    }
    int[][] exact = new int[queries.length][];
    for (int q = 0; q < queries.length; q++) {
      exact[q] = exactTop(corpus, queries[q]);
    }
    System.err.printf("quantization: %,d vectors, %,d queries, exact top %d done%n", corpus.size(), queries.length, K);
    StringBuilder table = new StringBuilder("| quantisation | vector bytes per paper | build s | search | recall@10 | p50 ms | p99 ms |\n"
        + "|---|---|---|---|---|---|---|\n");
    Path work = Files.createTempDirectory("quantization");
    for (VectorQuantization quantization : VectorQuantization.values()) {
      Path dir = work.resolve(quantization.name());
      long start = System.nanoTime();
      try (FSDirectory d = FSDirectory.open(dir);
          IndexWriter writer = new IndexWriter(d, IndexBuilder.config(IndexSettings.DEFAULT.withQuantization(quantization)))) {
        for (int i = 0; i < corpus.size(); i++) {
          Document document = new Document();
          document.add(new StoredField("n", i));
          document.add(new KnnFloatVectorField(PaperFields.VECTOR, corpus.get(i), VectorSimilarityFunction.DOT_PRODUCT));
          writer.addDocument(document);
        }
        writer.forceMerge(1);
      }
      double buildSeconds = (System.nanoTime() - start) / 1e9;
      long bytes;
      try (Stream<Path> files = Files.list(dir)) {
        bytes = files.mapToLong(p -> p.toFile().length()).sum();
      }
      try (FSDirectory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        int[] docToN = VectorRecall.corpusNumbers(reader);
        String[] ways = {"k = 10", "k = 100, top 10", "k = 100 rescored to 10"};
        for (int w = 0; w < ways.length; w++) {
          double[] ms = new double[nQueries];
          double recall = 0;
          for (int q = 0; q < queries.length; q++) {
            long t = System.nanoTime();
            ScoreDoc[] hits = searcher.search(query(w, queries[q]), K).scoreDocs;
            if (q >= WARMUP) {
              ms[q - WARMUP] = (System.nanoTime() - t) / 1e6;
              recall += VectorRecall.recall(exact[q], hits, docToN);
            }
          }
          Arrays.sort(ms);
          table.append(String.format("| %s | %,d | %.1f | %s | %.3f | %.2f | %.2f |%n", w == 0 ? quantization.name() : "",
              bytes / corpus.size(), buildSeconds, ways[w], recall / nQueries, ms[ms.length / 2], ms[(int) (ms.length * 0.99)]));
        }
      }
      System.err.println("quantization: " + quantization + " done");
    }
    String body = "## Vector quantisation (issue: speed to the hardware's limit)\n\n"
        + String.format("The %,d bge-small vectors of the embedded part of the arXiv listings (a subsample: embedding all"
            + " 74,728 takes most of an hour of both cores), one Lucene 10.6 HNSW graph each (`Lucene104HnswScalarQuantizedVectorsFormat`,"
            + " degree %d, beam %d, one segment), %,d queries (titles of random listed papers behind bge's query instruction,"
            + " seed 42) after %d warm-up ones, single thread. Recall@10: the share of the exact top 10 (every float vector"
            + " scored) found. Vector bytes per paper: every file of an index holding only the vectors (the float vectors,"
            + " which Lucene keeps for merging and rescoring, are 1,536 of them).%n%n", corpus.size(), IndexBuilder.HNSW_MAX_CONN,
            IndexBuilder.HNSW_BEAM_WIDTH, nQueries, WARMUP)
        + table
        + "\nCommand: `bench/quantization DATA_DIR`. Hardware: " + Hardware.describe() + ". " + Load.describe() + "\n";
    MarkedSection.writeInto(doc, "quantization", body, "# Benchmarks");
    System.out.print(body);
  }

  private static Query query(int way, float[] vector) {
    return switch (way) {
      case 0 -> new KnnFloatVectorQuery(PaperFields.VECTOR, vector, K);
      case 1 -> new KnnFloatVectorQuery(PaperFields.VECTOR, vector, DEPTH);
      default -> RescoreTopNQuery.createFullPrecisionRescorerQuery(new KnnFloatVectorQuery(PaperFields.VECTOR, vector, DEPTH),
          vector, PaperFields.VECTOR, K);
    };
  }

  private static int[] exactTop(List<float[]> corpus, float[] q) {
    Integer[] order = new Integer[corpus.size()];
    float[] score = new float[corpus.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      score[i] = org.apache.lucene.util.VectorUtil.dotProduct(corpus.get(i), q);
    }
    Arrays.sort(order, (a, b) -> Float.compare(score[b], score[a]));
    int[] top = new int[K];
    for (int i = 0; i < K; i++) {
      top[i] = order[i];
    }
    return top;
  }
}
