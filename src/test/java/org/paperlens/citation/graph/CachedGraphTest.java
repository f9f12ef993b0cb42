package org.paperlens.citation.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.paperlens.paper.PaperId;

/** The cached graph is rebuilt on a generation change, in the background, and never makes a caller wait. */
@Timeout(60) // a guard against hanging, not a speed target: background builds here take milliseconds
class CachedGraphTest {

  static final List<CitationEdge> FIRST = List.of(new CitationEdge(new PaperId("a"), new PaperId("b")));
  static final List<CitationEdge> SECOND = List.of(new CitationEdge(new PaperId("a"), new PaperId("b")),
      new CitationEdge(new PaperId("c"), new PaperId("b")));

  /** A store stand-in: a generation, the edges, and how often each was read. */
  static final class Store {
    final AtomicLong generation = new AtomicLong(1);
    final AtomicReference<List<CitationEdge>> edges = new AtomicReference<>(FIRST);
    final AtomicInteger edgeReads = new AtomicInteger();
    final AtomicInteger generationReads = new AtomicInteger();
    volatile RuntimeException down;

    long generation() {
      generationReads.incrementAndGet();
      if (down != null) {
        throw down;
      }
      return generation.get();
    }

    List<CitationEdge> edges() {
      edgeReads.incrementAndGet();
      return edges.get();
    }

    void forEachEdge(java.util.function.Consumer<CitationEdge> sink) {
      edges().forEach(sink);
    }
  }

  /** Waits for {@code done}; the class's {@link Timeout} fails a test that would wait for ever. */
  static void await(BooleanSupplier done) throws InterruptedException {
    while (!done.getAsBoolean()) {
      Thread.sleep(5);
    }
  }

  @Test
  void a_server_answers_at_once_with_the_old_graph_while_the_new_one_is_built_in_the_background() throws Exception {
    Store store = new Store();
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // The first build waits until the first answer is checked: otherwise it may finish before get() returns.
    CountDownLatch firstAnswered = new CountDownLatch(1);
    try (CachedGraph cached = new CachedGraph(store::generation, sink -> {
      List<CitationEdge> e = store.edges();
      if (e == FIRST) {
        try {
          firstAnswered.await();
        } catch (InterruptedException x) {
          Thread.currentThread().interrupt();
        }
      }
      if (e == SECOND) {
        reading.countDown();
        try {
          release.await();
        } catch (InterruptedException x) {
          Thread.currentThread().interrupt();
        }
      }
      e.forEach(sink);
    }, Duration.ZERO, false)) {
      assertThat(cached.get()).isEqualTo(GraphVersion.NONE); // the first question: nothing built yet, and no waiting
      firstAnswered.countDown();
      await(() -> cached.get().generation() == 1);
      assertThat(cached.get().graph().edges()).isEqualTo(1);

      store.edges.set(SECOND);
      store.generation.set(2);
      // A check scheduled by the polling above may still be finishing with the old generation: ask until one sees the new
      await(() -> {
        cached.get();
        return reading.getCount() == 0;
      });
      GraphVersion during = cached.get(); // the store is being read and is stuck: the answer is still immediate
      assertThat(during.generation()).isEqualTo(1);
      assertThat(during.graph().edges()).isEqualTo(1);
      release.countDown();
      await(() -> cached.get().generation() == 2);
      assertThat(cached.get().graph().edges()).isEqualTo(2);
      assertThat(cached.lastBuild().edges()).isEqualTo(2);
    }
  }

  @Test
  void a_command_gets_the_built_graph_on_its_first_question() {
    Store store = new Store();
    try (CachedGraph cached = new CachedGraph(store::generation, store::forEachEdge, Duration.ofHours(1), true)) {
      GraphVersion v = cached.get();
      assertThat(v.generation()).isEqualTo(1);
      assertThat(v.graph().contains(new PaperId("b"))).isTrue();
    }
  }

  @Test
  void the_edges_are_read_again_only_when_the_generation_moves_and_the_store_is_asked_at_most_once_per_recheck() throws Exception {
    Store store = new Store();
    try (CachedGraph cached = new CachedGraph(store::generation, store::forEachEdge, Duration.ofHours(1), false)) {
      cached.refresh();
      cached.refresh();
      assertThat(store.edgeReads.get()).isEqualTo(1);
      int asked = store.generationReads.get();
      for (int i = 0; i < 100; i++) {
        cached.get(); // the last check was just now: no new one within the hour
      }
      Thread.sleep(50);
      assertThat(store.generationReads.get()).isEqualTo(asked);
      store.generation.set(2);
      store.edges.set(SECOND);
      assertThat(cached.refresh().graph().edges()).isEqualTo(2);
      assertThat(store.edgeReads.get()).isEqualTo(2);
    }
  }

  @Test
  void a_store_that_fails_leaves_the_last_graph_in_place_until_it_answers_again() throws Exception {
    Store store = new Store();
    try (CachedGraph cached = new CachedGraph(store::generation, store::forEachEdge, Duration.ZERO, false)) {
      cached.refresh();
      store.down = new IllegalStateException("database is gone");
      store.generation.set(2);
      store.edges.set(SECOND);
      int before = store.generationReads.get();
      await(() -> {
        cached.get();
        return store.generationReads.get() >= before + 3; // several background checks have failed
      });
      assertThat(cached.get().generation()).isEqualTo(1);
      assertThat(cached.get().graph().edges()).isEqualTo(1);
      store.down = null;
      await(() -> cached.get().generation() == 2);
      assertThat(cached.get().graph().edges()).isEqualTo(2);
    }
  }
}
