package org.paperlens.app;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.paperlens.citation.RefreshCadence;
import org.paperlens.citation.store.CitationStore;
import org.paperlens.digest.DigestRun;
import org.paperlens.digest.DigestScheduler;
import org.paperlens.common.RequestGauge;
import org.paperlens.embed.Encoder;
import org.paperlens.live.Enrichment;
import org.paperlens.live.Pipeline;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.search.BoundedQueryEncoder;
import org.paperlens.search.CachedQueryEncoder;
import org.paperlens.search.QueryEncoder;
import org.paperlens.store.Database;
import org.paperlens.web.WebServer;
import org.paperlens.web.http.ClientAddresses;
import org.paperlens.web.http.ServerLimits;

/**
 * What {@code paperlens serve} runs from a root built {@link Parts#serving() serving}:
 * the web app, the digest schedule and the background pipeline. Tests build one with a clock of
 * their own to replay days in minutes. Everything is opened here, in order, and closed by the root
 * ({@link #close} closes it; so does a constructor that fails midway).
 */
public final class Serving implements AutoCloseable {

  private final PaperLens root;
  private final Pipeline pipeline;
  private final DigestScheduler digests;
  private final WebServer server;
  private final Optional<Duration> digestEvery;

  /**
   * @param digestEvery how often the digest schedule runs; empty leaves digest runs to the caller ({@link #digestRun})
   */
  public Serving(PaperLens root, Pipeline.Settings settings, Optional<Duration> digestEvery, ServerLimits limits,
      ClientAddresses clients, Consumer<String> log) {
    if (!root.serving()) {
      throw new IllegalArgumentException("a server needs a root built with serving()");
    }
    this.root = root;
    this.digestEvery = digestEvery;
    try {
      RequestGauge requests = new RequestGauge();
      this.pipeline = pipeline(root, settings, requests, log);
      this.digests = root.digests().scheduler(log);
      pipeline.report(digests.health()); // the digest schedule's faults show in the status beside the pipeline's
      this.server = Web.server(root, limits, clients, true, pipeline::status, requests);
      root.own(pipeline); // closed first: it commits the index before the index closes
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
  }

  private static Pipeline pipeline(PaperLens root, Pipeline.Settings settings, RequestGauge requests, Consumer<String> log) {
    CatalogueStore store = root.catalogue();
    // The pipeline's own connection: its long scans and writes never hold the one pages read through.
    CatalogueStore pipelineStore = root.own(CatalogueStore.connect(store.url()));
    var index = root.liveIndex();
    // Its own session, on every core the share allows: queries keep theirs (one thread each, many at
    // once), and a run of this one can be aborted when a request comes in without touching a query's.
    Encoder encoder = root.own(Encoder.open(root.config().model(), new Encoder.Options(
        settings.embedThreads(Runtime.getRuntime().availableProcessors()), Encoder.Options.DEFAULT_BATCH_SIZE)));
    root.database();
    root.fetcher();
    // The enrichment stage's own connection too: a slow source's batch of writes never holds the pages' one.
    CitationStore citations = new CitationStore(root.own(Database.open(store.url())));
    // The sources the configuration turns on (none by default: then nothing is ever fetched).
    var sources = CitationClients.open(root.config().citationSources(), root.clock()).stream().map(root::own).toList();
    Enrichment enrichment = new Enrichment(citations, sources, RefreshCadence.DEFAULT, Duration.ofSeconds(5));
    return new Pipeline(settings, pipelineStore, index, root.config().model(), encoder, enrichment, requests, root.clock(), log);
  }

  /** Starts serving, the pipeline and (when asked and a mail server is set) the digest schedule; returns the port. */
  public int start(String host, int port) {
    int actual = server.start(host, port);
    pipeline.start();
    if (digestEvery.isPresent() && root.mail().canSend()) {
      digests.start(digestEvery.get());
    }
    return actual;
  }

  public Pipeline pipeline() {
    return pipeline;
  }

  public PaperLens root() {
    return root;
  }

  /** Stops everything by closing the root. */
  @Override
  public void close() {
    root.close();
  }

  public DigestRun digestRun() {
    return root.digests().run();
  }

  /** Many request threads share one model: a bounded number encode at once, and repeated queries are cached. */
  static QueryEncoder queryEncoder(Encoder encoder) {
    return new CachedQueryEncoder(new BoundedQueryEncoder(encoder::embedQuery, Runtime.getRuntime().availableProcessors()), 10_000);
  }
}
