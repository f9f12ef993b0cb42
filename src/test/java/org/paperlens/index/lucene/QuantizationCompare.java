package org.paperlens.index.lucene;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import java.util.Comparator;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RescoreTopNQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;
import org.paperlens.bench.Hardware;
import org.paperlens.bench.Load;
import org.paperlens.config.Config;
import org.paperlens.embed.Encoder;
import org.paperlens.embed.PaperVector;
import org.paperlens.embed.VectorStore;
import org.paperlens.eval.MarkedSection;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.PaperFields;
import org.paperlens.index.VectorCodes;
import org.paperlens.index.VectorQuantization;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;

/**
 * Benchmark, not a test (issues 14 and 23): our own int8 codes as byte vectors beside Lucene's
 * scalar encodings of float vectors (int8, the default before index format 7, and each
 * {@link VectorQuantization} still on that path), on the bge-small vectors of DATA_DIR's catalogue. Recall@10 against exact search (every
 * float vector scored), single-thread latency, bytes per paper of the vector files, and build
 * time; three ways to search: k = 10; k = 100 with its top 10 (what semantic and hybrid search
 * ask, {@code Searcher.FUSION_DEPTH}); and k = 100 rescored with the full float vectors to 10
 * (for the byte vectors, which have none: every code scored, the codes' own ceiling).
 *
 * <p>Queries: titles of random listed papers (seed 42) behind bge's query instruction, embedded
 * as {@code serve} embeds them. Usage: {@code QuantizationCompare DATA_DIR QUERIES DOC [int8]} ({@code int8}:
 * only the three int8 rows, for large catalogues).
 */
public final class QuantizationCompare {

  private static final int K = 10;
  private static final int DEPTH = 100;
  private static final int WARMUP = 200;
  /** Every paper's code, by {@link VectorCodes#name}. */
  private static final java.util.Map<String, byte[][]> CODES = new java.util.HashMap<>();

  public static void main(String[] args) throws Exception {
    Config config = Config.resolve(System.getenv(), Path.of(args[0]));
    int nQueries = Integer.parseInt(args[1]);
    Path doc = Path.of(args.length > 2 ? args[2] : "docs/benchmarks.md");
    boolean int8Only = args.length > 3 && args[3].equals("int8");
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
    VectorCodes centred = config.indexSettings().codes();
    long clippedComponents = 0;
    int clippedPapers = 0;
    for (float[] v : corpus) {
      int c = centred.clipped(v);
      clippedComponents += c;
      clippedPapers += c > 0 ? 1 : 0;
    }
    System.err.printf("quantization: %,d vectors, %,d queries, exact top %d done%n", corpus.size(), queries.length, K);
    StringBuilder table = new StringBuilder("| quantisation | vector bytes per paper | build s | search | recall@10 | p50 ms | p99 ms |\n"
        + "|---|---|---|---|---|---|---|\n");
    Path work = Files.createTempDirectory("quantization");
    List<Variant> variants = variants(centred);
    for (Variant variant : int8Only ? variants.subList(0, 3) : variants) {
      Path dir = work.resolve(variant.name().replaceAll("[^A-Za-z0-9]", "_"));
      long start = System.nanoTime();
      try (FSDirectory d = FSDirectory.open(dir);
          IndexWriter writer = new IndexWriter(d, IndexBuilder.config(IndexSettings.DEFAULT, variant.format()))) {
        for (int i = 0; i < corpus.size(); i++) {
          Document document = new Document();
          document.add(new StoredField("n", i));
          document.add(variant.field().field(corpus.get(i)));
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
        List<String> ways = variant.field() instanceof VectorField.Bytes
            ? List.of("k = 10", "k = 100, top 10", "every code scored, top 10")
            : List.of("k = 10", "k = 100, top 10", "k = 100 rescored to 10");
        for (int w = 0; w < ways.size(); w++) {
          double[] ms = new double[nQueries];
          double recall = 0;
          for (int q = 0; q < queries.length; q++) {
            long t = System.nanoTime();
            ScoreDoc[] hits = w == 2 && variant.field() instanceof VectorField.Bytes b
                ? codeTop(b.codes(), corpus, queries[q], docToN)
                : searcher.search(query(variant.field(), w, queries[q]), K).scoreDocs;
            if (q >= WARMUP) {
              ms[q - WARMUP] = (System.nanoTime() - t) / 1e6;
              recall += VectorRecall.recall(exact[q], hits, docToN);
            }
          }
          Arrays.sort(ms);
          table.append(String.format("| %s | %,d | %.1f | %s | %.3f | %.2f | %.2f |%n", w == 0 ? variant.name() : "",
              bytes / corpus.size(), buildSeconds, ways.get(w), recall / nQueries, ms[ms.length / 2], ms[(int) (ms.length * 0.99)]));
        }
      }
      System.err.println("quantization: " + variant.name() + " done");
    }
    String body = "## Vector quantisation (issue: speed to the hardware's limit)\n\n"
        + String.format("The %,d bge-small vectors of DATA_DIR's catalogue, one Lucene 10.6 HNSW graph per encoding (degree %d,"
            + " beam %d, one segment): our own int8 codes as byte vectors (`VectorCodes`; `Lucene99HnswVectorsFormat`, no float copy:"
            + " what `IndexBuilder` builds since index format 7), uncentred at scale %.0f as first built, and centred on the"
            + " model's centre (`%s`, scale %.0f; %,d of %,d papers have a clamped component, %,d components in all)"
            + " as built now; and Lucene's scalar encodings of the float vectors"
            + " (`Lucene104HnswScalarQuantizedVectorsFormat`, which keeps the 1,536 bytes of float vectors a paper beside its"
            + " codes; Lucene int8 was the default before format 7). %,d queries (titles of random listed papers behind bge's"
            + " query instruction, seed 42) after %d warm-up ones, single thread. Recall@10: the share of the exact top 10"
            + " (every float vector scored) found. \"every code scored\": every paper's code against the query's code, no graph"
            + " (what the codes alone lose). Vector bytes per paper: every file of an index holding only the vectors.%n%n",
            corpus.size(), IndexBuilder.HNSW_MAX_CONN, IndexBuilder.HNSW_BEAM_WIDTH, VectorCodes.MODEL_SCALE,
            centred.name(), centred.scale(corpus.getFirst().length), clippedPapers, corpus.size(), clippedComponents,
            nQueries, WARMUP)
        + table
        + "\nCommand: `bench/quantization DATA_DIR " + nQueries + (int8Only ? " int8" : "") + "`. Hardware: " + Hardware.describe() + ". " + Load.describe() + "\n";
    MarkedSection.writeInto(doc, "quantization", body, "# Benchmarks");
    System.out.print(body);
  }

  /** One way of indexing the vectors: its name in the table, the Lucene vector format, and the field it writes. */
  private record Variant(String name, KnnVectorsFormat format, VectorField field) {}

  private static List<Variant> variants(VectorCodes centred) {
    int m = IndexBuilder.HNSW_MAX_CONN;
    int beam = IndexBuilder.HNSW_BEAM_WIDTH;
    List<Variant> out = new ArrayList<>();
    out.add(new Variant("int8 byte vectors, centred (format 7, default)", VectorField.format(IndexSettings.DEFAULT, m, beam),
        new VectorField.Bytes(centred)));
    out.add(new Variant("int8 byte vectors, uncentred", VectorField.format(IndexSettings.DEFAULT, m, beam), VectorField.BYTES));
    out.add(new Variant("Lucene INT8 + float copy (format 6 default)",
        new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.UNSIGNED_BYTE, m, beam), VectorField.FLOATS));
    for (VectorQuantization q : List.of(VectorQuantization.INT7, VectorQuantization.INT4, VectorQuantization.DIBIT, VectorQuantization.BINARY)) {
      out.add(new Variant("Lucene " + q.name() + " + float copy", VectorField.format(IndexSettings.DEFAULT.withQuantization(q), m, beam),
          VectorField.FLOATS));
    }
    return out;
  }

  private static Query query(VectorField field, int way, float[] vector) {
    return switch (way) {
      case 0 -> field.nearest(vector, K, null);
      case 1 -> field.nearest(vector, DEPTH, null);
      default -> RescoreTopNQuery.createFullPrecisionRescorerQuery(new KnnFloatVectorQuery(PaperFields.VECTOR, vector, DEPTH),
          vector, PaperFields.VECTOR, K);
    };
  }

  /** The top 10 by the dot product of codes over every paper, as Lucene hits (document numbers). */
  private static ScoreDoc[] codeTop(VectorCodes coding, List<float[]> corpus, float[] query, int[] docToN) {
    byte[][] codes = CODES.computeIfAbsent(coding.name(), n -> corpus.stream().map(coding::encode).toArray(byte[][]::new));
    byte[] q = VectorCodes.encodeQuery(query);
    int[] nToDoc = new int[docToN.length];
    for (int doc = 0; doc < docToN.length; doc++) {
      nToDoc[docToN[doc]] = doc;
    }
    java.util.PriorityQueue<ScoreDoc> top = new java.util.PriorityQueue<>(Comparator.comparingDouble((ScoreDoc h) -> h.score));
    for (int n = 0; n < codes.length; n++) {
      float score = org.apache.lucene.util.VectorUtil.dotProduct(codes[n], q);
      if (top.size() < K) {
        top.add(new ScoreDoc(nToDoc[n], score));
      } else if (score > top.peek().score) {
        top.poll();
        top.add(new ScoreDoc(nToDoc[n], score));
      }
    }
    return top.toArray(ScoreDoc[]::new);
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
