package org.paperlens.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexHit;
import org.paperlens.index.IndexedPaper;
import org.paperlens.index.Match;
import org.paperlens.index.PaperIndex;
import org.paperlens.paper.PaperId;
import org.paperlens.search.Fusion;
import org.paperlens.search.QueryEncoder;

/**
 * A first page of hybrid search as {@code Searcher} ran it before issue 23: both lists 100 deep,
 * fused, the exact-title pin, papers and snippets, and every keyword match counted. Timed against
 * today's {@code Searcher} on the same index, query by query, in alternating order, so a shared
 * machine's load falls on both alike and their ratio means something where absolute figures do not.
 */
final class HybridReference {

  private static final int DEPTH = 100;

  private final PaperIndex index;
  private final QueryEncoder encoder;
  private final Fusion fusion;

  HybridReference(PaperIndex index, QueryEncoder encoder, Fusion fusion) {
    this.index = index;
    this.encoder = encoder;
    this.fusion = fusion;
  }

  /** Runs the old first page of 10 for {@code query}; returns the exact count, so none of it is dead code. */
  int search(String query) {
    List<IndexHit> keyword = index.keyword(query, Match.ALL, Filters.NONE, DEPTH);
    List<IndexHit> semantic = index.nearest(encoder.embedQuery(query), Filters.NONE, DEPTH);
    List<IndexHit> page = fusion.fuse(keyword, semantic, 11).stream().limit(10).toList();
    index.byExactTitle(query, Filters.NONE);
    Map<PaperId, IndexedPaper> papers = index.getAll(page.stream().map(IndexHit::id).toList());
    index.snippets(query, papers.values());
    return index.count(query, Match.ALL, Filters.NONE);
  }

  /** Wall and thread CPU medians (ms) of two ways to answer each query, timed in turn, first one then the other. */
  record Pair(double wallA, double cpuA, double wallB, double cpuB) {}

  static Pair alternate(List<String> queries, Consumer<String> a, Consumer<String> b, int warmup) {
    for (int i = 0; i < warmup; i++) {
      a.accept(queries.get(i));
      b.accept(queries.get(i));
    }
    int n = queries.size() - warmup;
    double[][] t = new double[4][n];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < n; i++) {
      String q = queries.get(warmup + i);
      boolean aFirst = i % 2 == 0;
      for (int turn = 0; turn < 2; turn++) {
        boolean isA = (turn == 0) == aFirst;
        long c = threads.getCurrentThreadCpuTime();
        long w = System.nanoTime();
        (isA ? a : b).accept(q);
        t[isA ? 0 : 2][i] = (System.nanoTime() - w) / 1e6;
        t[isA ? 1 : 3][i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
      }
    }
    for (double[] x : t) {
      Arrays.sort(x);
    }
    return new Pair(SearchLatency.pct(t[0], 50), SearchLatency.pct(t[1], 50), SearchLatency.pct(t[2], 50), SearchLatency.pct(t[3], 50));
  }
}
