package org.paperlens.citation.graph;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The citation graph of the stored edges, rebuilt when the store's generation moves, off the
 * request path: {@link #get} never reads the store and never waits for a build; it answers with
 * the graph it has (a few seconds stale at most once the store settles) and, at most once per
 * {@code recheck}, asks a background thread to compare generations and rebuild. A build that fails
 * (store unreachable) is logged and the last good graph is kept. Thread-safe.
 *
 * <p>A command line tool wants the real graph on its first question, not an empty one: built with
 * {@code waitForFirst}, the first {@link #get} builds on the caller's thread.
 */
public final class CachedGraph implements Supplier<GraphVersion>, AutoCloseable {

  /** How often, at most, a server compares the store's generation with its graph's: a graph this stale is fine. */
  public static final Duration RECHECK = Duration.ofSeconds(5);

  private static final Logger LOG = Logger.getLogger(CachedGraph.class.getName());

  /** What the last build took, for the log and the status page. */
  public record Build(long generation, int edges, int papers, long millis) {}

  private final LongSupplier generation;
  private final Consumer<Consumer<CitationEdge>> edges;
  private final long recheckNanos;
  private final boolean waitForFirst;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final Object building = new Object();
  private ExecutorService worker;
  private boolean closed;
  private volatile GraphVersion current = GraphVersion.NONE;
  private volatile Build lastBuild;
  private volatile boolean tried;
  private volatile long lastCheck;
  private String lastFailure;

  /**
   * @param generation the store's generation ({@code CitationStore::generation})
   * @param edges streams every stored edge to its argument ({@code CitationStore::forEachEdge})
   * @param recheck how often, at most, {@link #get} has the generation compared
   */
  public CachedGraph(LongSupplier generation, Consumer<Consumer<CitationEdge>> edges, Duration recheck,
      boolean waitForFirst) {
    this.generation = Objects.requireNonNull(generation, "generation");
    this.edges = Objects.requireNonNull(edges, "edges");
    this.recheckNanos = recheck.toNanos();
    this.waitForFirst = waitForFirst;
  }

  /** The current graph, at once; schedules a check of the store when the last one is older than {@code recheck}. */
  @Override
  public GraphVersion get() {
    if (waitForFirst && !tried) {
      refreshQuietly();
      return current;
    }
    long now = System.nanoTime();
    if ((!tried || now - lastCheck >= recheckNanos) && scheduled.compareAndSet(false, true)) {
      lastCheck = now;
      tried = true;
      try {
        worker().execute(() -> {
          try {
            refreshQuietly();
          } finally {
            scheduled.set(false);
          }
        });
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        scheduled.set(false);
      }
    }
    return current;
  }

  /**
   * Compares generations and rebuilds now, on the caller's thread, when they differ; returns the
   * graph. For tests and commands that must see the edges just stored.
   *
   * @throws RuntimeException what the store threw; the last good graph is kept
   */
  public GraphVersion refresh() {
    synchronized (building) {
      tried = true;
      lastCheck = System.nanoTime();
      long now = generation.getAsLong();
      if (now != current.generation()) {
        long start = System.nanoTime();
        CitationGraph.Builder builder = new CitationGraph.Builder();
        edges.accept(builder);
        CitationGraph graph = builder.build();
        long millis = (System.nanoTime() - start) / 1_000_000;
        current = new GraphVersion(now, graph);
        lastBuild = new Build(now, graph.edges(), graph.papers(), millis);
        LOG.info(() -> String.format("citation graph rebuilt: %,d edges between %,d papers in %,d ms (generation %d)",
            graph.edges(), graph.papers(), millis, now));
      }
      lastFailure = null;
      return current;
    }
  }

  /** The last successful build, or null before the first. */
  public Build lastBuild() {
    return lastBuild;
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      synchronized (building) {
        // Logged once per distinct failure: a store that stays down must not flood the log every few seconds.
        if (!Objects.equals(lastFailure, e.toString())) {
          lastFailure = e.toString();
          LOG.log(Level.WARNING, "citation graph not rebuilt, keeping the last one: " + e, e);
        }
      }
    }
  }

  private synchronized ExecutorService worker() {
    if (closed) {
      throw new java.util.concurrent.RejectedExecutionException("closed");
    }
    if (worker == null) {
      worker = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("citation-graph").unstarted(r));
    }
    return worker;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (worker != null) {
      worker.shutdownNow();
      try {
        worker.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
