package org.paperlens.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.paperlens.live.EnrichmentStatus;
import org.paperlens.live.PipelineStatus;

/**
 * The server's metrics in Prometheus's text format (docs/operations.md lists every series):
 * requests by route template, method and status class ({@code http_server_requests_seconds}),
 * the pipeline's lag and backlog, the digest outbox by state, citation-source and harvest errors,
 * and the JVM's memory, GC, threads and CPU. The pipeline and outbox figures are read once per
 * scrape, each with a time limit, so a scrape costs two cheap reads and a dead database leaves the
 * last figures in place (and counts the failed read) instead of hanging the scrape.
 * Thread-safe; one per server.
 */
public final class ServiceMetrics implements Consumer<RequestRecord>, AutoCloseable {

  /** Latency buckets: a page is fast under 50 ms; past 1 s something is wrong. */
  private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
      Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
      Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
  /** The outbox states, always exported (0 when none), so an alert on "failed" has a series to read. */
  private static final List<String> OUTBOX_STATES = List.of("pending", "sending", "sent", "failed", "cancelled");

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Supplier<PipelineStatus> pipeline;
  private final Supplier<Map<String, Long>> outbox;
  private final ExecutorService reads = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "paperlens-metrics");
    t.setDaemon(true);
    return t;
  });
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Counter readFailures;
  private final Counter harvestFailures;
  private final Set<String> sources = ConcurrentHashMap.newKeySet();
  private final Map<String, EnrichmentStatus> enrichment = new ConcurrentHashMap<>();
  private final Set<String> stageNames = ConcurrentHashMap.newKeySet();
  private final Map<String, org.paperlens.common.StageStatus> stages = new ConcurrentHashMap<>();
  private final Map<String, Long> outboxCounts = new ConcurrentHashMap<>();
  private volatile PipelineStatus status;
  private volatile String lastHarvestSeen;

  /**
   * @param pipeline what the pipeline has done
   * @param outbox messages in the digest outbox by state; an empty map where there is no outbox
   */
  public ServiceMetrics(Supplier<PipelineStatus> pipeline, Supplier<Map<String, Long>> outbox) {
    this.pipeline = pipeline;
    this.outbox = outbox;
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    readFailures = Counter.builder("paperlens.metrics.read.failures")
        .description("Reads of the pipeline status or the outbox that failed or timed out during a scrape").register(registry);
    harvestFailures = Counter.builder("paperlens.source.errors").tag("source", "harvest")
        .description("Failed harvests and unusable citation-source answers, as seen by scrapes").register(registry);
    pipelineGauge("paperlens.index.watermark", "Catalogue change number the search index is complete up to", s -> s.coverage().seq());
    pipelineGauge("paperlens.catalogue.change", "Latest catalogue change number", PipelineStatus::catalogueSeq);
    pipelineGauge("paperlens.pipeline.lag", "Catalogue changes not yet in the search index (catalogue change - index watermark)",
        s -> Math.max(0, s.catalogueSeq() - s.coverage().seq()));
    pipelineGauge("paperlens.index.papers", "Papers in the search index", s -> s.coverage().papers());
    pipelineGauge("paperlens.index.papers.with.vector", "Papers searchable by meaning", s -> s.coverage().withVector());
    pipelineGauge("paperlens.embedding.backlog", "Papers waiting for an embedding", PipelineStatus::toEmbed);
    pipelineGauge("paperlens.embedding.rate", "Papers embedded per second over the last minute", PipelineStatus::embedRate);
    for (String state : OUTBOX_STATES) {
      Gauge.builder("paperlens.outbox.messages", outboxCounts, m -> m.getOrDefault(state, 0L)).tag("state", state)
          .description("Digest and confirmation mails in the outbox by state").register(registry);
    }
  }

  private void pipelineGauge(String name, String description, java.util.function.ToDoubleFunction<PipelineStatus> value) {
    Gauge.builder(name, this, m -> m.status == null ? Double.NaN : value.applyAsDouble(m.status)).description(description)
        .register(registry);
  }

  /**
   * Exports the admission control of the expensive routes: requests admitted, made to wait and
   * refused (503), each a counter, how many compute and wait right now, and how long a turn takes.
   */
  public void watch(org.paperlens.common.Admission admission) {
    FunctionCounter.builder("paperlens.admission.admitted", admission, org.paperlens.common.Admission::admitted)
        .description("Expensive requests (search, related, recommend) given a turn to compute, at once or after a wait").register(registry);
    FunctionCounter.builder("paperlens.admission.queued", admission, org.paperlens.common.Admission::queued)
        .description("Expensive requests that waited for a turn (admitted later, or refused when none came)").register(registry);
    FunctionCounter.builder("paperlens.admission.refused", admission, org.paperlens.common.Admission::refused)
        .description("Expensive requests answered 503 with Retry-After: the queue was full, the wait expected past the budget, or the wait ran out").register(registry);
    Gauge.builder("paperlens.admission.computing", admission, org.paperlens.common.Admission::computing)
        .description("Expensive requests computing now").register(registry);
    Gauge.builder("paperlens.admission.waiting", admission, org.paperlens.common.Admission::waiting)
        .description("Expensive requests waiting for a turn now").register(registry);
    Gauge.builder("paperlens.admission.limit", admission, a -> a.limits().computing())
        .description("Expensive requests computed at once at most (0: admission control is off)").register(registry);
    Gauge.builder("paperlens.admission.turn.seconds", admission, a -> a.serviceTime().toNanos() / 1e9)
        .description("How long a turn to compute is held, a moving average: what the expected wait of a newcomer is reckoned from").register(registry);
  }

  /** Counts one answered request under its route template. */
  @Override
  public void accept(RequestRecord r) {
    Timer.builder("http.server.requests").description("HTTP requests by route template, method and status class")
        .tag("method", r.method()).tag("route", r.route()).tag("status", r.statusClass())
        .serviceLevelObjectives(BUCKETS).register(registry).record(r.nanos(), TimeUnit.NANOSECONDS);
  }

  /** The metrics in Prometheus's text format (version 0.0.4), figures read now. */
  public String scrape() {
    refresh();
    return registry.scrape();
  }

  /** The content type of {@link #scrape}. */
  public static String contentType() {
    return "text/plain; version=0.0.4; charset=utf-8";
  }

  private void refresh() {
    PipelineStatus st = read(pipeline);
    if (st != null) {
      status = st;
      observeHarvest(st.lastHarvest());
      for (org.paperlens.common.StageStatus stage : st.stages()) {
        stages.put(stage.stage(), stage);
        if (stageNames.add(stage.stage())) {
          String name = stage.stage();
          Gauge.builder("paperlens.stage.failing", stages, m -> m.get(name).failing() ? 1 : 0).tag("stage", name)
              .description("1 while a pipeline stage is failing and retrying with backoff").register(registry);
          Gauge.builder("paperlens.stage.consecutive.failures", stages,
                  m -> m.get(name).failing() ? m.get(name).lastFault().map(org.paperlens.common.StageStatus.Fault::failures).orElse(0) : 0)
              .tag("stage", name).description("Consecutive failures of a pipeline stage, 0 once it recovered").register(registry);
        }
      }
      for (EnrichmentStatus e : st.enrichment()) {
        String name = e.source().displayName();
        enrichment.put(name, e);
        if (sources.add(name)) {
          FunctionCounter.builder("paperlens.source.errors", enrichment, m -> m.get(name).failed()).tag("source", name)
              .description("Failed harvests and unusable citation-source answers, as seen by scrapes").register(registry);
          Gauge.builder("paperlens.source.unreachable", enrichment, m -> m.get(name).unreachableSince().isPresent() ? 1 : 0)
              .tag("source", name).description("1 while a citation source does not answer").register(registry);
        }
      }
    }
    Map<String, Long> counts = read(outbox);
    if (counts != null) {
      outboxCounts.clear();
      outboxCounts.putAll(counts);
    }
  }

  /** The harvest reports its last outcome as a line; a new line saying it failed is one error. */
  private void observeHarvest(String last) {
    if (last != null && !last.equals(lastHarvestSeen)) {
      lastHarvestSeen = last;
      if (last.contains(": failed: ")) {
        harvestFailures.increment();
      }
    }
  }

  private <T> T read(Supplier<T> what) {
    Future<T> f = reads.submit(what::get);
    try {
      return f.get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      f.cancel(true);
    }
    readFailures.increment();
    return null;
  }

  @Override
  public void close() {
    gc.close();
    reads.shutdownNow();
    registry.close();
  }
}
