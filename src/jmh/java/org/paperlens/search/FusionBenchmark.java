package org.paperlens.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.paperlens.index.IndexHit;
import org.paperlens.paper.PaperId;

/**
 * Fusing a keyword and a semantic list into one page, as every hybrid search does: two lists of
 * {@code depth} hits, half of them in both (fixed seed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FusionBenchmark {

  @Param({"100", "1000"})
  int depth;

  private List<IndexHit> keyword;
  private List<IndexHit> semantic;
  private final Fusion weighted = new Fusion.WeightedScores(0.4f);
  private final Fusion reciprocal = new Fusion.ReciprocalRank(60);

  @Setup
  public void setUp() {
    Random random = new Random(42);
    keyword = hits(random, 0);
    semantic = hits(random, depth / 2);
  }

  private List<IndexHit> hits(Random random, int firstId) {
    List<IndexHit> hits = new ArrayList<>(depth);
    float score = 20;
    for (int i = 0; i < depth; i++) {
      score -= random.nextFloat() * 0.1f;
      hits.add(new IndexHit(new PaperId(String.format("2501.%05d", firstId + i)), score));
    }
    return hits;
  }

  @Benchmark
  public List<IndexHit> weightedScores() {
    return weighted.fuse(keyword, semantic, 11);
  }

  @Benchmark
  public List<IndexHit> reciprocalRank() {
    return reciprocal.fuse(keyword, semantic, 11);
  }
}
