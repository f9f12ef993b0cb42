package org.paperlens.index.lucene;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnByteVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.knn.KnnSearchStrategy;
import org.apache.lucene.store.FSDirectory;
import org.paperlens.bench.Hardware;
import org.paperlens.bench.Load;
import org.paperlens.config.Config;
import org.paperlens.embed.Encoder;
import org.paperlens.embed.PaperVector;
import org.paperlens.embed.VectorStore;
import org.paperlens.eval.MarkedSection;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.PaperFields;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;

/**
 * Benchmark, not a test (issue 14): filtered vector search with Lucene's two HNSW strategies. The
 * plain one explores the whole graph and keeps the neighbours that pass the filter; the ACORN-style
 * one ({@code FilteredHnswGraphSearcher}) walks only passing nodes, reaching through failing ones
 * to their neighbours. {@link KnnSearchStrategy.Hnsw} picks ACORN when the filter passes fewer than
 * {@code filteredSearchThreshold} per cent of the graph; Lucene 10.6's default threshold is 0, so
 * by default it never does. Either way Lucene falls back to exact search when the filter passes
 * fewer documents than the search would visit.
 *
 * <p>Papers: the real bge-small vectors of DATA_DIR's catalogue, repeated up to N with Gaussian
 * noise (σ 0.02 a dimension, renormalised), each copy with its paper's categories and a random
 * day (uniform over 1,000 days, so the date filter is independent of the vectors while a category
 * is not). Filters: the categories whose shares are nearest 1, 10 and 50 %, and day ranges of those
 * shares. Search: k = 100, top 10 (semantic search's depth), int8 byte-vector HNSW as the index builds it, one
 * segment. Recall@10 against the exact filtered top 10 (every passing float vector scored).
 * Usage: {@code FilteredKnnCompare DATA_DIR PAPERS QUERIES [DOC]}.
 */
public final class FilteredKnnCompare {

  private static final int K = 10;
  private static final int DEPTH = 100;
  private static final int WARMUP = 50;
  private static final int DAYS = 1000;
  private static final double[] SHARES = {0.01, 0.10, 0.50};
  /** Filters passing under this share of the graph use ACORN; 60 is what Lucene 10.2 shipped as its default. */
  private static final int ACORN_THRESHOLD = 60;

  private record Filter(String kind, String name, Query query, Set<Integer> passing) {}

  private FilteredKnnCompare() {}

  public static void main(String[] args) throws Exception {
    Config config = Config.resolve(System.getenv(), Path.of(args[0]));
    int papers = Integer.parseInt(args[1]);
    int nQueries = Integer.parseInt(args[2]);
    Path doc = Path.of(args.length > 3 ? args[3] : "docs/benchmarks.md");
    List<float[]> real = new ArrayList<>();
    List<List<String>> realCategories = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    try (CatalogueStore store = CatalogueStore.open(config.dataDir())) {
      List<PaperVector> vectors = new ArrayList<>();
      new VectorStore(store).forEach(config.model(), vectors::add);
      for (PaperVector v : vectors) {
        Paper p = store.find(v.id()).orElseThrow();
        real.add(v.vector());
        realCategories.add(p.categories());
        titles.add(p.title());
      }
    }
    Random random = new Random(42);
    List<float[]> corpus = new ArrayList<>(papers);
    int[] source = new int[papers];
    int[] day = new int[papers];
    for (int i = 0; i < papers; i++) {
      source[i] = i % real.size();
      corpus.add(i < real.size() ? real.get(i) : noisy(real.get(source[i]), random));
      day[i] = random.nextInt(DAYS);
    }
    List<String> queryTitles = new ArrayList<>();
    while (queryTitles.size() < nQueries + WARMUP) {
      queryTitles.add(titles.get(random.nextInt(titles.size())));
    }
    float[][] queries;
    try (Encoder encoder = Encoder.open(config.model(), Encoder.Options.DEFAULT)) {
      queries = queryTitles.stream().map(encoder::embedQuery).toArray(float[][]::new);
    }
    List<Filter> filters = filters(realCategories, source, day);
    Path dir = Files.createTempDirectory("filtered-knn");
    long start = System.nanoTime();
    try (FSDirectory d = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(d, IndexBuilder.config(IndexSettings.DEFAULT))) {
      for (int i = 0; i < papers; i++) {
        Document document = new Document();
        document.add(new StoredField("n", i));
        for (String c : realCategories.get(source[i])) {
          document.add(new StringField(PaperFields.CATEGORY, c, Field.Store.NO));
        }
        document.add(new IntPoint(PaperFields.DATE, day[i]));
        document.add(VectorField.BYTES.field(corpus.get(i))); // as IndexBuilder keeps vectors since format 7
        writer.addDocument(document);
      }
      writer.forceMerge(1);
    }
    System.err.printf("filtered-knn: %,d papers indexed in %.0f s%n", papers, (System.nanoTime() - start) / 1e9);
    StringBuilder table = new StringBuilder("| filter | passes | strategy | recall@10 | p50 ms | p99 ms | CPU ms a query | CPU ratio |\n"
        + "|---|---|---|---|---|---|---|---|\n");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (FSDirectory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      int[] docToN = VectorRecall.corpusNumbers(reader);
      KnnSearchStrategy[] strategies = {KnnSearchStrategy.Hnsw.DEFAULT, new KnnSearchStrategy.Hnsw(ACORN_THRESHOLD)};
      String[] names = {"default (threshold 0: plain HNSW)", "ACORN (threshold " + ACORN_THRESHOLD + ")"};
      for (Filter filter : filters) {
        int[][] exact = new int[queries.length][];
        for (int q = 0; q < queries.length; q++) {
          exact[q] = exactTop(corpus, filter.passing(), queries[q]);
        }
        double baseCpu = 0;
        for (int s = 0; s < strategies.length; s++) {
          double[] ms = new double[nQueries];
          double cpu = 0;
          double recall = 0;
          for (int q = 0; q < queries.length; q++) {
            Query query = new KnnByteVectorQuery(PaperFields.VECTOR, org.paperlens.index.VectorCodes.encodeQuery(queries[q]), DEPTH,
                filter.query(), strategies[s]);
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            ScoreDoc[] hits = searcher.search(query, K).scoreDocs;
            if (q >= WARMUP) {
              ms[q - WARMUP] = (System.nanoTime() - t) / 1e6;
              cpu += (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
              recall += VectorRecall.recall(exact[q], hits, docToN);
            }
          }
          Arrays.sort(ms);
          cpu /= nQueries;
          if (s == 0) {
            baseCpu = cpu;
          }
          table.append(String.format("| %s | %s | %s | %.3f | %.2f | %.2f | %.2f | %.2f |%n",
              s == 0 ? filter.kind() + " " + filter.name() : "",
              s == 0 ? String.format("%,d (%.1f %%)", filter.passing().size(), 100.0 * filter.passing().size() / papers) : "",
              names[s], recall / nQueries, ms[ms.length / 2], ms[(int) (ms.length * 0.99)], cpu, cpu / baseCpu));
        }
        System.err.println("filtered-knn: " + filter.kind() + " " + filter.name() + " done");
      }
    }
    String body = "## Filtered vector search: ACORN or not (issue 14)\n\n"
        + String.format("%,d papers: the %,d real bge-small vectors of DATA_DIR's catalogue and noisy copies of them"
            + " (σ 0.02 a dimension, renormalised), each copy with its paper's arXiv categories and a random day out of %,d"
            + " (so a category filter follows the vectors and a date filter does not). Our int8 codes as byte vectors, HNSW as `IndexBuilder` configures"
            + " it (degree %d, beam %d), one segment. %,d queries (titles of random embedded papers behind bge's query"
            + " instruction, seed 42) after %d warm-up ones, single thread, k = %d and the top 10 kept (semantic search's"
            + " depth). Recall@10: the share of the exact filtered top 10 (every passing float vector scored) found. CPU:"
            + " the search thread's CPU time, less disturbed by other load than wall-clock; the ratio is against the"
            + " default strategy for the same filter.%n%n", papers, real.size(), DAYS, IndexBuilder.HNSW_MAX_CONN,
            IndexBuilder.HNSW_BEAM_WIDTH, nQueries, WARMUP, DEPTH)
        + table
        + "\nCommand: `bench/filtered-knn DATA_DIR " + papers + " " + nQueries + "`. Hardware: " + Hardware.describe() + ". "
        + Load.describe() + "\n";
    MarkedSection.writeInto(doc, "filtered-knn", body, "# Benchmarks");
    System.out.print(body);
  }

  /** The categories whose shares of the papers are nearest each of {@link #SHARES}, and day ranges of those shares. */
  private static List<Filter> filters(List<List<String>> realCategories, int[] source, int[] day) {
    Map<String, Set<Integer>> byCategory = new HashMap<>();
    for (int i = 0; i < source.length; i++) {
      for (String c : realCategories.get(source[i])) {
        byCategory.computeIfAbsent(c, x -> new HashSet<>()).add(i);
      }
    }
    List<Filter> out = new ArrayList<>();
    for (double share : SHARES) {
      String best = null;
      for (var e : byCategory.entrySet()) {
        if (best == null || Math.abs(e.getValue().size() - share * source.length)
            < Math.abs(byCategory.get(best).size() - share * source.length)) {
          best = e.getKey();
        }
      }
      out.add(new Filter("category", best, new TermQuery(new Term(PaperFields.CATEGORY, best)), byCategory.get(best)));
    }
    for (double share : SHARES) {
      int days = (int) Math.round(share * DAYS);
      Set<Integer> passing = new HashSet<>();
      for (int i = 0; i < day.length; i++) {
        if (day[i] < days) {
          passing.add(i);
        }
      }
      out.add(new Filter("date", days + " of " + DAYS + " days", IntPoint.newRangeQuery(PaperFields.DATE, 0, days - 1), passing));
    }
    return out;
  }

  private static float[] noisy(float[] v, Random random) {
    float[] out = new float[v.length];
    double norm = 0;
    for (int d = 0; d < v.length; d++) {
      out[d] = v[d] + (float) (random.nextGaussian() * 0.02);
      norm += out[d] * out[d];
    }
    for (int d = 0; d < v.length; d++) {
      out[d] /= (float) Math.sqrt(norm);
    }
    return out;
  }

  private static int[] exactTop(List<float[]> corpus, Set<Integer> passing, float[] q) {
    Integer[] order = passing.toArray(Integer[]::new);
    Map<Integer, Float> score = new HashMap<>();
    for (int i : order) {
      score.put(i, org.apache.lucene.util.VectorUtil.dotProduct(corpus.get(i), q));
    }
    Arrays.sort(order, (a, b) -> Float.compare(score.get(b), score.get(a)));
    return Arrays.stream(order).limit(K).mapToInt(Integer::intValue).toArray();
  }
}
