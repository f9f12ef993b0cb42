package org.paperlens.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.paperlens.live.PipelineStatus;

/**
 * Whether a server should be sent traffic: the catalogue answers a cheap query on the connection
 * the pages use, the index answers a search, and the pipeline is not wedged (the index watermark
 * has not moved for {@code wedgedAfter} while the catalogue is ahead of it). Each probe runs on a
 * thread of its own and is given {@code timeout}: a database that does not answer is "not ready"
 * within that time instead of a health check that hangs. A probe still hanging from an earlier
 * check is waited on again rather than started twice, so a dead database never piles up threads.
 *
 * <p>{@code /api/v1/status} says what the pipeline has done and kept answering 200 while every
 * page with a session answered 503 (issue 21): this is the check a load balancer should use.
 * Thread-safe.
 */
public final class Readiness implements AutoCloseable {

  /** A probe of one component: returns a short description of what it saw, throws when it fails. */
  @FunctionalInterface
  public interface Probe {
    String run() throws Exception;
  }

  /** Defaults: a probe answers within 3 s; the index may stand still behind the catalogue for 10 min (a rebuild). */
  public static final Duration TIMEOUT = Duration.ofSeconds(3);
  public static final Duration WEDGED_AFTER = Duration.ofMinutes(10);
  /** How long the index stage may keep failing (retrying with backoff) before the process is not ready. */
  public static final Duration STAGE_GRACE = Duration.ofMinutes(2);

  private final Probe catalogue;
  private final Probe index;
  private final Supplier<PipelineStatus> pipeline;
  private final Duration timeout;
  private final Duration wedgedAfter;
  private final LongSupplier nanos;
  private final ExecutorService probes = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "paperlens-readiness");
    t.setDaemon(true);
    return t;
  });
  private final java.util.Map<String, Future<String>> running = new java.util.HashMap<>();
  private long watermark = -1;
  private long watermarkSince;

  public Readiness(Probe catalogue, Probe index, Supplier<PipelineStatus> pipeline) {
    this(catalogue, index, pipeline, TIMEOUT, WEDGED_AFTER, System::nanoTime);
  }

  public Readiness(Probe catalogue, Probe index, Supplier<PipelineStatus> pipeline, Duration timeout, Duration wedgedAfter,
      LongSupplier nanos) {
    this.catalogue = catalogue;
    this.index = index;
    this.pipeline = pipeline;
    this.timeout = timeout;
    this.wedgedAfter = wedgedAfter;
    this.nanos = nanos;
  }

  /** Runs every check now. */
  public Health check() {
    List<Health.Check> checks = new ArrayList<>();
    checks.add(probe("catalogue", catalogue));
    checks.add(probe("index", index));
    checks.add(pipeline());
    return new Health(checks);
  }

  private Health.Check probe(String name, Probe probe) {
    Future<String> f;
    synchronized (running) {
      f = running.get(name);
      if (f == null || f.isDone()) {
        f = probes.submit(probe::run);
        running.put(name, f);
      }
    }
    try {
      return new Health.Check(name, true, f.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      return new Health.Check(name, false, "no answer within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new Health.Check(name, false, cause.getMessage() == null ? cause.toString() : LogLine.oneLine(cause.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Health.Check(name, false, "interrupted");
    }
  }

  /** Wedged: the catalogue is ahead of the index and the index's watermark has not moved for {@code wedgedAfter}. */
  private Health.Check pipeline() {
    PipelineStatus st;
    try {
      st = pipeline.get();
    } catch (RuntimeException e) {
      return new Health.Check("pipeline", false, "status unavailable: " + e.getMessage());
    }
    long seq = st.coverage().seq();
    long now = nanos.getAsLong();
    long stillFor;
    synchronized (this) {
      if (seq != watermark || seq >= st.catalogueSeq()) {
        watermark = seq;
        watermarkSince = now;
      }
      stillFor = now - watermarkSince;
    }
    String at = "index at change " + seq + " of " + st.catalogueSeq();
    if (seq < st.catalogueSeq() && stillFor >= wedgedAfter.toNanos()) {
      return new Health.Check("pipeline", false, at + ", no progress for " + TimeUnit.NANOSECONDS.toSeconds(stillFor) + " s");
    }
    // The index stage failing for a while: this process's searches fall further behind with every
    // change. (A harvest, a citation source or the mail server failing is a remote outage that
    // another process would suffer too: reported in the status and the metrics, not here.)
    for (org.paperlens.common.StageStatus stage : st.failing()) {
      if (stage.stage().equals("index") && stage.lastFault().isPresent()
          && stage.lastFault().get().since().isBefore(java.time.Instant.now().minus(STAGE_GRACE))) {
        return new Health.Check("pipeline", false, at + "; " + stage.describe());
      }
    }
    return new Health.Check("pipeline", true, at);
  }

  @Override
  public void close() {
    probes.shutdownNow();
  }
}
