package org.paperlens.index.lucene;

import java.time.LocalDate;
import java.util.List;
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
import org.paperlens.paper.PaperId;

/**
 * Reading the features a recommendation trains on ({@link FeatureReader} through
 * {@link LuceneIndex#features}): 20 profile papers' distinctive words and every candidate's
 * vector and word weights, candidates being the last 30 of 100 days (about 30 % of the index).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FeatureReaderBenchmark {

  private static final LocalDate NEWEST = LocalDate.of(2026, 7, 1);

  @Param({"20000"})
  int papers;

  private LuceneIndex index;
  private List<PaperId> profile;
  private Filters window;

  @Setup(Level.Trial)
  public void setUp() {
    index = SyntheticIndex.build(papers, NEWEST);
    profile = SyntheticIndex.ids(papers).subList(0, 20);
    window = new Filters(NEWEST.minusDays(29), NEWEST, java.util.Set.of(), null, false);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    index.close();
  }

  @Benchmark
  public PaperFeatures read() {
    return index.features(profile, window);
  }
}
