package org.paperlens.cli;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.paperlens.account.AccountStore;
import org.paperlens.account.PasswordHasher;
import org.paperlens.community.CommunityStore;
import org.paperlens.community.Trending;
import org.paperlens.config.Config;
import org.paperlens.config.MailSettings;
import org.paperlens.digest.DigestRun;
import org.paperlens.digest.DigestScheduler;
import org.paperlens.embed.Encoder;
import org.paperlens.index.LiveSearchIndex;
import org.paperlens.ingest.FetchLimits;
import org.paperlens.ingest.RecordFetcher;
import org.paperlens.library.LibraryStore;
import org.paperlens.live.Pipeline;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.recommend.Recommender;
import org.paperlens.related.RelatedPapers;
import org.paperlens.search.BoundedQueryEncoder;
import org.paperlens.search.CachedQueryEncoder;
import org.paperlens.search.SearchMode;
import org.paperlens.search.Searcher;
import org.paperlens.store.Database;
import org.paperlens.web.WebServer;
import org.paperlens.web.WebServices;

/**
 * What {@code paperlens serve} runs, assembled in one place: the stores, the live index, the
 * encoder, the web app, the digest schedule and the background pipeline. The serve command builds
 * one from its flags; tests build one with a clock of their own to replay days in minutes.
 *
 * <p>Opened resources are closed in reverse order by {@link #close}, also when opening fails midway.
 */
final class Site implements AutoCloseable {

  private final List<AutoCloseable> opened = new ArrayList<>();
  private final Pipeline pipeline;
  private final WebServices services;
  private final DigestRun digestRun;
  private final DigestScheduler digests;
  private final WebServer server;
  private final MailSettings mail;
  private final Optional<Duration> digestEvery;

  /**
   * @param oaiUrl where submitted papers missing from the catalogue are fetched; null for nowhere
   * @param digestEvery how often the digest schedule runs; empty leaves digest runs to the caller ({@link #digestRun})
   */
  Site(Config config, MailSettings mail, Pipeline.Settings pipelineSettings, URI oaiUrl, Optional<Duration> digestEvery,
      org.paperlens.web.http.ClientAddresses clients, Clock clock, Consumer<String> log) {
    this(config, IndexBackend.of(config, null, java.util.Map.of()), mail, pipelineSettings, oaiUrl,
        digestEvery, clients, clock, log);
  }

  /** @param backend where the search index lives (embedded, or SolrCloud) */
  Site(Config config, IndexBackend backend, MailSettings mail, Pipeline.Settings pipelineSettings, URI oaiUrl,
      Optional<Duration> digestEvery, org.paperlens.web.http.ClientAddresses clients, Clock clock, Consumer<String> log) {
    this.mail = mail;
    this.digestEvery = digestEvery;
    try {
      CatalogueStore store = open(Composition.catalogue(config));
      // The pipeline's own connection: its long scans and writes never hold the one pages read through.
      CatalogueStore pipelineStore = open(CatalogueStore.connect(store.url()));
      LiveSearchIndex index = open(backend.openLive());
      // One intra-op thread per query and as many queries at once as there are cores: under
      // concurrent load that beats two threads per query fighting over the same cores.
      Encoder encoder = open(Encoder.open(config.model(), new Encoder.Options(1, Encoder.Options.DEFAULT_BATCH_SIZE)));
      Database db = open(Composition.communityDatabase(store));
      RecordFetcher fetcher = oaiUrl == null ? null : open(new RecordFetcher(store, oaiUrl, FetchLimits.SUBMISSION));
      pipeline = new Pipeline(pipelineSettings, pipelineStore, index, config.model(), encoder, clock, log);
      CommunityStore community = new CommunityStore(db, clock);
      RelatedPapers related = new RelatedPapers(index, SearchServices.vectors(store, config.model()), config.fusion());
      services = new WebServices(store, index,
          new Searcher(index, new CachedQueryEncoder(
              new BoundedQueryEncoder(encoder::embedQuery, Runtime.getRuntime().availableProcessors()), 10_000)),
          related, new Recommender(index, related),
          new AccountStore(db, PasswordHasher.DEFAULT, clock), community, new LibraryStore(db, community, clock),
          new Trending(community, clock, config.newAccountAge()), org.paperlens.account.AccountLimits.standard(clock),
          new SearchMode.Hybrid(config.fusion()), config.fusion(), Optional.ofNullable(fetcher), clock, pipeline::status);
      digestRun = DigestAssembly.run(mail, store, index, services, clock);
      digests = open(DigestAssembly.scheduler(digestRun, log));
      server = open(new WebServer(services, DigestAssembly.web(mail, store, digests, clock), org.paperlens.web.http.ServerLimits.DEFAULT,
          clients));
      opened.add(pipeline); // closed first: it commits the index before the index closes
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private <T extends AutoCloseable> T open(T resource) {
    opened.add(resource);
    return resource;
  }

  /** Starts serving, the pipeline and (when asked and a mail server is set) the digest schedule; returns the port. */
  int start(String host, int port) {
    int actual = server.start(host, port);
    pipeline.start();
    if (digestEvery.isPresent() && mail.canSend()) {
      digests.start(digestEvery.get());
    }
    return actual;
  }

  Pipeline pipeline() {
    return pipeline;
  }

  WebServices services() {
    return services;
  }

  DigestRun digestRun() {
    return digestRun;
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
      }
    }
    opened.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
