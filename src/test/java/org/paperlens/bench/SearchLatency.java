package org.paperlens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.paperlens.config.Config;
import org.paperlens.embed.Encoder;
import org.paperlens.eval.MarkedSection;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.lucene.LuceneIndex;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.search.Fusion;
import org.paperlens.search.SearchMode;
import org.paperlens.search.SearchRequest;
import org.paperlens.search.Searcher;

/**
 * Benchmark, not a test: warm single-client search latency per mode over 1,000 realistic queries
 * (500 paper titles and 500 two- or three-word keyword queries drawn from titles, fixed seed),
 * including the query embedding. Writes its table into docs/benchmarks.md.
 *
 * <p>Run by {@code bench/search-latency DATA_DIR}, on a data directory whose catalogue holds the
 * arXiv listings with their vectors and whose index is built ({@code paperlens reindex}).
 */
public final class SearchLatency {

  private static final int QUERIES = 1000;
  private static final int WARMUP = 300;

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args[0]);
    Path doc = Path.of(args.length > 1 ? args[1] : "docs/benchmarks.md");
    Config config = Config.resolve(System.getenv(), data);
    List<String> queries = queries(config);
    StringBuilder table = new StringBuilder("| mode | p50 ms | p90 ms | p99 ms | mean ms |\n|---|---|---|---|---|\n");
    long indexBytes;
    int papers;
    try (LuceneIndex index = LuceneIndex.open(config.indexDir(), IndexSettings.DEFAULT);
        Encoder encoder = Encoder.open(config.model(), Encoder.Options.DEFAULT)) {
      papers = index.size();
      Searcher searcher = new Searcher(index, encoder::embedQuery);
      SearchMode[] modes = {SearchMode.KEYWORD, SearchMode.SEMANTIC, new SearchMode.Hybrid(config.fusion())};
      for (SearchMode mode : modes) {
        for (int i = 0; i < WARMUP; i++) {
          searcher.search(new SearchRequest(queries.get(i % queries.size()), mode, Filters.NONE, 0, 10));
        }
        double[] ms = new double[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
          long t = System.nanoTime();
          searcher.search(new SearchRequest(queries.get(i), mode, Filters.NONE, 0, 10));
          ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        table.append(String.format("| %s | %.1f | %.1f | %.1f | %.1f |%n", mode.label(), pct(ms, 50), pct(ms, 90),
            pct(ms, 99), Arrays.stream(ms).average().orElse(0)));
        System.err.println(mode.label() + " done");
      }
    }
    try (Stream<Path> files = Files.walk(config.indexDir())) {
      indexBytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    String body = "## Search latency (issue: hybrid search)\n\n"
        + String.format("Warm, single client, %,d queries per mode (500 titles of listed papers, escaped as plain text, and 500 two- or three-word"
            + " keyword queries drawn from titles, seed 42), top 10 with snippets, over %,d papers; hybrid and semantic"
            + " include embedding the query with %s. Fusion: %s.%n%n", queries.size(), papers, config.model().configName(),
            config.fusion())
        + table
        + String.format("%nIndex size: %,d MiB, %,d bytes per paper (target ≤ 4 KB). Peak RSS of the benchmark JVM: %s.%n",
            indexBytes >> 20, indexBytes / Math.max(papers, 1), peakRss())
        + String.format("%nVectors: %,d of the %,d papers had a stored vector when the index was built (the rest are"
            + " found by keyword only; semantic search walks an HNSW graph of that many).%n", vectorCount(config), papers)
        + "\nCommand: `bench/search-latency DATA_DIR`. Hardware: " + Hardware.describe() + ".\n";
    MarkedSection.writeInto(doc, "search-latency", body, "# Benchmarks");
    System.out.print(body);
  }

  static List<String> queries(Config config) {
    List<Paper> papers = new ArrayList<>();
    try (CatalogueStore store = CatalogueStore.open(config.dataDir())) {
      store.forEachLive(papers::add);
    }
    return queries(papers, QUERIES, 42);
  }

  /** {@code n} realistic queries from {@code papers}: half pasted titles, half short keyword queries. */
  public static List<String> queries(List<Paper> papers, int n, long seed) {
    Random random = new Random(seed);
    List<String> out = new ArrayList<>();
    while (out.size() < n / 2) {
      String title = papers.get(random.nextInt(papers.size())).title();
      if (title != null) {
        out.add(org.paperlens.index.QueryText.literal(title)); // pasted text, not query syntax
      }
    }
    while (out.size() < n) {
      String title = papers.get(random.nextInt(papers.size())).title();
      if (title == null) {
        continue;
      }
      List<String> words = Arrays.stream(title.split("[^A-Za-z0-9-]+")).filter(w -> w.length() > 3).toList();
      if (words.size() < 3) {
        continue;
      }
      int length = 2 + random.nextInt(2);
      int from = random.nextInt(words.size() - length + 1);
      out.add(String.join(" ", words.subList(from, from + length)).toLowerCase());
    }
    return out;
  }

  private static long vectorCount(Config config) {
    try (CatalogueStore store = CatalogueStore.open(config.dataDir())) {
      return new org.paperlens.embed.VectorStore(store).count(config.model());
    }
  }

  static double pct(double[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  static String peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return String.format("%,d MiB", Long.parseLong(line.replaceAll("\\D", "")) / 1024);
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return "n/a";
  }
}
