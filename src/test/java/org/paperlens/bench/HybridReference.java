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
 * A first page of hybrid search as {@code Searcher} ran it at an earlier point: both lists retrieved
 * to their depths, fused, the exact-title pin, papers and snippets, and the keyword matches counted
 * (every one, or up to 1,000). Timed against today's {@code Searcher} on the same index, query by
 * query, in alternating order, so a shared machine's load falls on both alike and their ratio means
 * something where absolute figures do not.
 */
final class HybridReference {

  private final PaperIndex index;
  private final QueryEncoder encoder;
  private final Fusion fusion;
  private final int keywordDepth;
  private final int meaningDepth;
  private final boolean boundedCount;

  private HybridReference(PaperIndex index, QueryEncoder encoder, Fusion fusion, int keywordDepth, int meaningDepth,
      boolean boundedCount) {
    this.index = index;
    this.encoder = encoder;
    this.fusion = fusion;
    this.keywordDepth = keywordDepth;
    this.meaningDepth = meaningDepth;
    this.boundedCount = boundedCount;
  }

  /** Before issue 23: both lists 100 deep, every keyword match counted. */
  static HybridReference beforeIssue23(PaperIndex index, QueryEncoder encoder, Fusion fusion) {
    return new HybridReference(index, encoder, fusion, 100, 100, false);
  }

  /**
   * After the first round of issue 23 (commit 3ddb5c1): the keyword list 50 deep, the meaning list
   * still 100, the count stopped at 1,000 by a pass of its own.
   */
  static HybridReference firstRound(PaperIndex index, QueryEncoder encoder, Fusion fusion) {
    return new HybridReference(index, encoder, fusion, 50, 100, true);
  }

  /** Runs the page of 10 for {@code query} that way; returns the count, so none of it is dead code. */
  int search(String query) {
    List<IndexHit> keyword = index.keyword(query, Match.ALL, Filters.NONE, keywordDepth);
    List<IndexHit> semantic = index.nearest(encoder.embedQuery(query), Filters.NONE, meaningDepth);
    List<IndexHit> page = fusion.forQuery(query).fuse(keyword, semantic, 11).stream().limit(10).toList();
    index.byExactTitle(query, Filters.NONE);
    Map<PaperId, IndexedPaper> papers = index.getAll(page.stream().map(IndexHit::id).toList());
    index.snippets(query, papers.values());
    return boundedCount ? index.count(query, Match.ALL, Filters.NONE, 1_000).value()
        : index.count(query, Match.ALL, Filters.NONE);
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
