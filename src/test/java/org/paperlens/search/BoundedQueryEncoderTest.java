package org.paperlens.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedQueryEncoderTest {

  @Test
  void neverRunsMoreQueriesAtOnceThanAllowed() throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    QueryEncoder slow = q -> {
      int now = running.incrementAndGet();
      most.accumulateAndGet(now, Math::max);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      running.decrementAndGet();
      return new float[] {q.length()};
    };
    BoundedQueryEncoder bounded = new BoundedQueryEncoder(slow, 2);
    CountDownLatch done = new CountDownLatch(8);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String query = "q".repeat(i + 1);
      threads.add(Thread.ofPlatform().start(() -> {
        assertThat(bounded.embedQuery(query)).containsExactly(query.length());
        done.countDown();
      }));
    }
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(most.get()).isEqualTo(2);
  }

  @Test
  void refusesAZeroBound() {
    assertThatThrownBy(() -> new BoundedQueryEncoder(q -> new float[0], 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
