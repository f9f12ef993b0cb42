package org.paperlens.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.paperlens.citation.graph.CitationEdge;
import org.paperlens.citation.graph.CitationGraph;
import org.paperlens.citation.graph.GraphRelevance;
import org.paperlens.citation.store.CitationStore;
import org.paperlens.eval.MarkedSection;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.PaperId;
import org.paperlens.store.Database;
import org.paperlens.store.DatabaseUrl;

/**
 * Benchmark, not a test: what the server's citation graph costs at the size of the arXiv
 * catalogue. Synthetic edges, fixed seed: 75,000 catalogue papers, each citing 40 distinct works,
 * 10 of them earlier catalogue papers (uniformly) and 30 outside works drawn from 500,000 by a
 * Zipf law (exponent 1: a few classics cited by thousands, most works by one or two), so 3,000,000
 * edges. Measures building the graph from a stream of edges in memory; reading the same edges from
 * a SQLite {@link CitationStore} and building (what the server's background rebuild does, every
 * stored work written as an outside work, so only the ids differ); the heap the graph keeps and
 * the heap's peak while building; and ranking one paper's graph neighbours as related papers do.
 * Writes its table into docs/benchmarks.md.
 *
 * <p>Run by {@code bench/citation-graph}.
 */
public final class CitationGraphBuild {

  static final int PAPERS = 75_000;
  static final int REFERENCES = 40;
  static final int IN_CATALOGUE = 10;
  static final int OUTSIDE = 500_000;

  public static void main(String[] args) throws IOException {
    Path doc = Path.of(args.length > 0 ? args[0] : "docs/benchmarks.md");
    StringBuilder table = new StringBuilder("| what | figure |\n|---|---|\n");

    // The edges generated once and held, as a store streams them: the timings are the graph's alone.
    List<CitationEdge> edges = new ArrayList<>(PAPERS * REFERENCES);
    synthetic(edges::add);
    Consumer<Consumer<CitationEdge>> stream = sink -> edges.forEach(sink);
    long before = retainedHeap();
    resetPeaks();
    long start = System.nanoTime();
    CitationGraph graph = build(stream);
    long firstMs = (System.nanoTime() - start) / 1_000_000;
    long peak = peakHeap() - before;
    long kept = retainedHeap() - before;
    long[] builds = new long[3];
    for (int i = 0; i < builds.length; i++) {
      long t = System.nanoTime();
      build(stream);
      builds[i] = (System.nanoTime() - t) / 1_000_000;
    }
    Arrays.sort(builds);
    row(table, "edges, papers in the graph", String.format("%,d edges, %,d papers", graph.edges(), graph.papers()));
    row(table, "build in memory from streamed edges (first, then median of 3 warm)", firstMs + " ms, " + builds[1] + " ms");
    row(table, "heap the graph keeps (after GC; without the paper ids, which the held edges share with it)", mib(kept));
    row(table, "heap peak while building, above the held edges (all heap pools, first build)", mib(peak));

    long[] ranks = new long[1_000];
    Random random = new Random(3);
    for (int i = -200; i < ranks.length; i++) {
      PaperId p = catalogue(random.nextInt(PAPERS));
      long t = System.nanoTime();
      GraphRelevance.DEFAULT.neighbours(graph, p, q -> true);
      if (i >= 0) {
        ranks[i] = System.nanoTime() - t;
      }
    }
    Arrays.sort(ranks);
    row(table, "graph neighbours of one paper, 100 deep (p50 / p99 of 1,000)",
        String.format("%.2f ms / %.2f ms", ranks[500] / 1e6, ranks[990] / 1e6));
    graph = null;
    edges.clear();

    Path dir = Files.createTempDirectory("citation-graph-bench");
    try (CatalogueStore catalogue = CatalogueStore.open(DatabaseUrl.sqlite(dir.resolve("catalogue.db")));
        Database db = Database.open(catalogue.url())) {
      long t = System.nanoTime();
      fill(db);
      long fillMs = (System.nanoTime() - t) / 1_000_000;
      CitationStore store = new CitationStore(db);
      long[] reads = new long[3];
      for (int i = 0; i < reads.length; i++) {
        long r = System.nanoTime();
        store.generation();
        CitationGraph fromStore = build(store::forEachEdge);
        reads[i] = (System.nanoTime() - r) / 1_000_000;
        if (fromStore.edges() != PAPERS * REFERENCES) {
          throw new IllegalStateException("read " + fromStore.edges() + " edges");
        }
      }
      Arrays.sort(reads);
      row(table, "SQLite: read every edge (CitationStore.forEachEdge) and build (median of 3)", reads[1] + " ms");
      row(table, "(writing the 3,000,000 synthetic rows, not a server cost)", fillMs + " ms");
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    String body = "## Citation graph: build, memory and ranking at 75k papers (issue 20)\n\n"
        + "75,000 catalogue papers citing 40 works each (10 earlier catalogue papers, 30 of 500,000 outside works drawn by "
        + "a Zipf law), 3,000,000 edges, fixed seed. The server builds the graph on a background thread when the "
        + "citation store's generation moves (`CachedGraph`); pages keep the previous graph meanwhile. The ids "
        + "(366,219 here) come on top of the graph's own arrays, about 60 bytes each as the store makes them. A "
        + "neighbour query's cost is the sum of its neighbours' degrees: a paper citing works that thousands cite is the "
        + "slow tail (papers linking more than 10,000 on the far side are skipped, GraphRanker.MAX_FAN_OUT).\n\n" + table
        + "\nCommand: `bench/citation-graph` (default heap). Hardware: " + Hardware.describe()
        + ". Load average (1, 5, 15 min) at the end: " + loadAverage() + ".\n";
    System.out.print(body);
    MarkedSection.writeInto(doc, "citation-graph", body, "# Benchmarks");
  }

  static CitationGraph build(Consumer<Consumer<CitationEdge>> edges) {
    CitationGraph.Builder b = new CitationGraph.Builder();
    edges.accept(b);
    return b.build();
  }

  static PaperId catalogue(int i) {
    return new PaperId(String.format("24%02d.%05d", i / 10_000 % 100, i));
  }

  static PaperId outside(int i) {
    return PaperId.of("work", Integer.toString(i));
  }

  /** The synthetic edges, the same on every call (ids built once, as the store shares them per work). */
  static void synthetic(Consumer<CitationEdge> sink) {
    Random random = new Random(2026);
    double[] zipf = zipfTable();
    PaperId[] papers = new PaperId[PAPERS];
    for (int i = 0; i < PAPERS; i++) {
      papers[i] = catalogue(i);
    }
    PaperId[] works = new PaperId[OUTSIDE];
    for (int p = 0; p < PAPERS; p++) {
      java.util.Set<PaperId> cited = new java.util.HashSet<>();
      while (cited.size() < IN_CATALOGUE && p > IN_CATALOGUE) {
        cited.add(papers[random.nextInt(p)]);
      }
      while (cited.size() < REFERENCES) {
        int w = zipf(zipf, random.nextDouble());
        if (works[w] == null) {
          works[w] = outside(w);
        }
        cited.add(works[w]);
      }
      for (PaperId c : cited) {
        sink.accept(new CitationEdge(papers[p], c));
      }
    }
  }

  static double[] zipfTable() {
    double[] cdf = new double[OUTSIDE];
    double sum = 0;
    for (int i = 0; i < OUTSIDE; i++) {
      sum += 1.0 / (i + 1);
      cdf[i] = sum;
    }
    for (int i = 0; i < OUTSIDE; i++) {
      cdf[i] /= sum;
    }
    return cdf;
  }

  static int zipf(double[] cdf, double u) {
    int i = Arrays.binarySearch(cdf, u);
    return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
  }

  /** Every synthetic edge as rows of citation_works (all outside works) and citation_edges, in one transaction. */
  static void fill(Database db) {
    java.util.Map<PaperId, Long> rowOf = new java.util.HashMap<>();
    List<Object[]> works = new ArrayList<>();
    List<Object[]> edges = new ArrayList<>();
    synthetic(e -> {
      for (PaperId end : List.of(e.citing(), e.cited())) {
        rowOf.computeIfAbsent(end, k -> {
          long row = rowOf.size() + 1;
          works.add(new Object[] {row, k.value()});
          return row;
        });
      }
      edges.add(new Object[] {rowOf.get(e.citing()), rowOf.get(e.cited())});
    });
    db.transaction(tx -> {
      tx.batch("INSERT INTO citation_works (id, title) VALUES (?, ?)", works);
      for (int i = 0; i < edges.size(); i += 100_000) {
        tx.batch("INSERT INTO citation_edges (citing_work, cited_work, source, first_seen) VALUES (?, ?, 'openalex', '2026-12-06T00:00:00Z')",
            edges.subList(i, Math.min(edges.size(), i + 100_000)));
      }
      return null;
    });
  }

  static long retainedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  static String mib(long bytes) {
    return String.format("%,d MiB", bytes >> 20);
  }

  static void row(StringBuilder table, String what, String figure) {
    table.append("| ").append(what).append(" | ").append(figure).append(" |\n");
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
