package org.paperlens.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-01T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void a_cached_value_is_served_while_another_thread_holds_the_memo_s_monitor() throws Exception {
    Memo<String, String> memo = new Memo<>(10, null, CLOCK);
    memo.get("day", k -> "page");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<String> hit;
      // A request preempted inside a lock used to hold up every other request for the page.
      synchronized (memo) {
        hit = pool.submit(() -> memo.get("day", k -> "recomputed"));
        assertThat(hit.get(5, TimeUnit.SECONDS)).isEqualTo("page");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void many_threads_wanting_one_missing_value_compute_it_once() throws Exception {
    Memo<String, Integer> memo = new Memo<>(10, null, CLOCK);
    AtomicInteger computed = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      var futures = new java.util.ArrayList<Future<Integer>>();
      for (int i = 0; i < 8; i++) {
        futures.add(pool.submit(() -> memo.get("q", k -> {
          computed.incrementAndGet();
          await(release);
          return 42;
        })));
      }
      Thread.sleep(100);
      release.countDown();
      for (Future<Integer> f : futures) {
        assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(42);
      }
      assertThat(computed).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a_failed_computation_is_not_kept() {
    Memo<String, String> memo = new Memo<>(10, null, CLOCK);
    assertThatThrownBy(() -> memo.get("bad", k -> {
      throw new IllegalStateException("no listing");
    })).isInstanceOf(IllegalStateException.class).hasMessage("no listing");
    assertThat(memo.get("bad", k -> "fine")).isEqualTo("fine");
  }

  @Test
  void a_value_older_than_its_time_to_live_is_computed_again() {
    MutableClock clock = new MutableClock();
    Memo<String, Integer> memo = new Memo<>(10, Duration.ofSeconds(60), clock);
    AtomicInteger computed = new AtomicInteger();
    assertThat(memo.get("day", k -> computed.incrementAndGet())).isEqualTo(1);
    clock.now = clock.now.plusSeconds(59);
    assertThat(memo.get("day", k -> computed.incrementAndGet())).isEqualTo(1);
    clock.now = clock.now.plusSeconds(1);
    assertThat(memo.get("day", k -> computed.incrementAndGet())).isEqualTo(2);
  }

  @Test
  void past_its_capacity_the_memo_drops_the_least_recently_used() throws Exception {
    Memo<Integer, Integer> memo = new Memo<>(32, null, CLOCK);
    for (int i = 0; i < 32; i++) {
      memo.get(i, k -> k);
    }
    Thread.sleep(1);
    memo.get(0, k -> -1);
    for (int i = 32; i < 40; i++) {
      memo.get(i, k -> k);
    }
    assertThat(memo.size()).isLessThanOrEqualTo(32 + 32 / 16 + 1);
    assertThat(memo.get(0, k -> -1)).as("used lately, so kept").isEqualTo(0);
    assertThat(memo.get(1, k -> -1)).as("the least recently used, so dropped").isEqualTo(-1);
  }

  @Test
  void a_stale_value_is_served_at_once_while_its_successor_is_computed_in_the_background() throws Exception {
    MutableClock clock = new MutableClock();
    Memo<String, String> memo = Memo.servingStale(10, Duration.ofSeconds(60), clock);
    memo.get("day", k -> "monday's listing");
    clock.now = clock.now.plusSeconds(61);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    java.util.function.Function<String, String> slowRebuild = k -> {
      started.countDown();
      await(release);
      return "monday's listing, one more paper";
    };
    assertThat(memo.get("day", slowRebuild)).as("no request waits on the rebuild").isEqualTo("monday's listing");
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(memo.get("day", slowRebuild)).isEqualTo("monday's listing");
    release.countDown();
    awaitFresh(memo, "day");
    assertThat(memo.get("day", k -> "not asked: the successor is fresh")).isEqualTo("monday's listing, one more paper");
  }


  @Test
  void a_successor_equal_to_the_stale_value_leaves_the_same_object_cached() throws Exception {
    MutableClock clock = new MutableClock();
    Memo<String, java.util.List<String>> memo = Memo.servingStale(10, Duration.ofSeconds(60), clock);
    java.util.List<String> first = memo.get("day", k -> new java.util.ArrayList<>(java.util.List.of("2607.00001")));
    clock.now = clock.now.plusSeconds(61);
    assertThat(memo.get("day", k -> new java.util.ArrayList<>(java.util.List.of("2607.00001")))).isSameAs(first);
    awaitFresh(memo, "day");
    assertThat(memo.get("day", k -> java.util.List.of("not asked"))).as("a page cached by this object's identity stays cached")
        .isSameAs(first);
  }

  private static void awaitFresh(Memo<String, ?> memo, String key) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!memo.isFresh(key) && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertThat(memo.isFresh(key)).as("refreshed in the background").isTrue();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-07-01T12:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
