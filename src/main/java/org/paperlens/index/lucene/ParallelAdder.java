package org.paperlens.index.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;

/**
 * Feeds documents to an {@link IndexWriter} from several threads (the writer is thread-safe), so
 * analysis and vector-graph insertion use every core while one thread reads the catalogue. The
 * queue is bounded, so memory stays flat however large the catalogue is.
 */
final class ParallelAdder implements AutoCloseable {

  private static final Document END = new Document();

  private final BlockingQueue<Document> queue = new ArrayBlockingQueue<>(1024);
  private final ExecutorService pool;
  private final List<Future<?>> workers = new ArrayList<>();
  private final int threads;

  ParallelAdder(IndexWriter writer, int threads) {
    this.threads = threads;
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "reindex-worker");
      t.setDaemon(true);
      return t;
    });
    for (int i = 0; i < threads; i++) {
      workers.add(pool.submit(() -> {
        for (Document doc = queue.take(); doc != END; doc = queue.take()) {
          writer.addDocument(doc);
        }
        return null;
      }));
    }
  }

  void add(Document doc) {
    try {
      while (!queue.offer(doc, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        failFast();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while indexing", e);
    }
  }

  /** Waits for every queued document to be added; rethrows the first worker failure. */
  void finish() {
    try {
      for (int i = 0; i < threads; i++) {
        queue.put(END);
      }
      for (Future<?> f : workers) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while indexing", e);
    } catch (ExecutionException e) {
      throw asUnchecked(e.getCause());
    }
  }

  /** A worker that died would leave the reader blocked on a full queue; surface its error instead. */
  private void failFast() {
    for (Future<?> f : workers) {
      if (f.isDone()) {
        try {
          f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
          throw asUnchecked(e.getCause());
        }
      }
    }
  }

  private static RuntimeException asUnchecked(Throwable t) {
    if (t instanceof IOException io) {
      return new UncheckedIOException(io);
    }
    return t instanceof RuntimeException r ? r : new IllegalStateException(t);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
