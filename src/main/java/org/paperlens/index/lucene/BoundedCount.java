package org.paperlens.index.lucene;

import java.io.IOException;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.paperlens.index.HitCount;

/**
 * Counts a query's matches exactly up to a bound, then stops. {@link IndexSearcher#count} visits
 * every match of a query it cannot count from the index statistics (any query of two words or
 * more), which at a million papers costs more than ranking them. This takes a segment's count from
 * those statistics where Lucene can give it ({@link Weight#count}, exact and free), and otherwise
 * counts matches one by one until the bound is reached; the rest is skipped and the answer is
 * "at least the bound".
 */
final class BoundedCount {

  private BoundedCount() {}

  /**
   * The exact count when every segment can give it from its statistics ({@link Weight#count}: one
   * word, or every paper, without deletions), without visiting a match; else empty.
   */
  static java.util.Optional<HitCount> free(IndexSearcher searcher, Query query) throws IOException {
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    long total = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      int known = weight.count(leaf);
      if (known < 0) {
        return java.util.Optional.empty();
      }
      total += known;
    }
    return java.util.Optional.of(HitCount.exactly(Math.toIntExact(total)));
  }

  static HitCount count(IndexSearcher searcher, Query query, int bound) throws IOException {
    if (bound <= 0) {
      throw new IllegalArgumentException("a count bound of " + bound);
    }
    AtomicInteger counted = new AtomicInteger();
    AtomicBoolean stopped = new AtomicBoolean();
    return searcher.search(query, new CollectorManager<Collector, HitCount>() {
      @Override
      public Collector newCollector() {
        return new Counting(counted, stopped, bound);
      }

      @Override
      public HitCount reduce(Collection<Collector> collectors) {
        return stopped.get() ? HitCount.atLeast(bound) : HitCount.exactly(counted.get());
      }
    });
  }

  /** Shares its count with the other slices' collectors, so the bound holds across them. */
  private static final class Counting implements Collector {
    private final AtomicInteger counted;
    private final AtomicBoolean stopped;
    private final int bound;
    private Weight weight;

    Counting(AtomicInteger counted, AtomicBoolean stopped, int bound) {
      this.counted = counted;
      this.stopped = stopped;
      this.bound = bound;
    }

    @Override
    public void setWeight(Weight weight) {
      this.weight = weight;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      int known = weight == null ? -1 : weight.count(context);
      if (known >= 0) {
        counted.addAndGet(known);
        throw new CollectionTerminatedException();
      }
      if (counted.get() >= bound) {
        stopped.set(true);
        throw new CollectionTerminatedException();
      }
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) {
          if (counted.incrementAndGet() >= bound) {
            stopped.set(true);
            throw new CollectionTerminatedException();
          }
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
