package org.paperlens.recommend;

import java.time.LocalDate;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.paperlens.index.Filters;
import org.paperlens.index.PaperFeatures;
import org.paperlens.index.lucene.LuceneIndex;
import org.paperlens.index.lucene.SyntheticIndex;

/**
 * Training the recommender's model ({@link LogisticRegression#train}) as a request does: 20 liked
 * papers against 20 disliked and {@code background} random candidates, on embedding plus word
 * features read from a synthetic index (fixed seed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LogisticRegressionBenchmark {

  private static final LocalDate NEWEST = LocalDate.of(2026, 7, 1);

  @Param({"300", "1000"})
  int background;

  private LuceneIndex index;
  private FeatureSpace space;
  private int[] rows;
  private boolean[] positive;
  private double[] weight;

  @Setup(Level.Trial)
  public void setUp() {
    // Kept open for the trial: the features read from it are valid only while it is.
    index = SyntheticIndex.build(20_000, NEWEST);
    PaperFeatures features = index.features(SyntheticIndex.ids(20_000).subList(0, 20),
        new Filters(NEWEST.minusDays(29), NEWEST, java.util.Set.of(), null, false));
    space = new FeatureSpace(features, true);
    Random random = new Random(42);
    int n = 20 + 20 + background;
    rows = new int[n];
    positive = new boolean[n];
    weight = new double[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i < 20 ? i : features.profileSize() + random.nextInt(features.size() - features.profileSize());
      positive[i] = i < 20;
      weight[i] = i < 20 ? 0.5 / 20 : 0.5 / (n - 20);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    index.close();
  }

  @Benchmark
  public LinearModel train() {
    return LogisticRegression.train(space, rows, positive, weight, LogisticRegression.DEFAULT_LAMBDA);
  }
}
