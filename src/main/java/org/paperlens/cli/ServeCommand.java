package org.paperlens.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.paperlens.account.AccountStore;
import org.paperlens.account.AccountLimits;
import org.paperlens.account.PasswordHasher;
import org.paperlens.community.CommunityStore;
import org.paperlens.community.Database;
import org.paperlens.community.Trending;
import org.paperlens.config.Config;
import org.paperlens.config.MailSettings;
import org.paperlens.digest.DigestScheduler;
import org.paperlens.embed.Encoder;
import org.paperlens.index.LuceneIndex;
import org.paperlens.ingest.RecordFetcher;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.recommend.Recommender;
import org.paperlens.related.RelatedPapers;
import org.paperlens.search.BoundedQueryEncoder;
import org.paperlens.search.CachedQueryEncoder;
import org.paperlens.search.SearchMode;
import org.paperlens.search.Searcher;
import org.paperlens.web.ClientAddresses;
import org.paperlens.web.ServerLimits;
import org.paperlens.web.WebServer;
import org.paperlens.web.WebServices;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve the web app and the JSON API (/api/v1) until stopped (Ctrl-C).",
        "Loads the index and the embedding model once; prints the URL when ready."})
final class ServeCommand implements Callable<Integer> {

  @CommandLine.ParentCommand
  Main main;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR",
      description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String host;

  @Option(names = "--oai-url", paramLabel = "URL",
      description = {"OAI-PMH endpoint to fetch submitted papers that are not in the catalogue yet",
          "(e.g. https://export.arxiv.org/oai2). Default: none, so unknown ids are refused with a message."})
  java.net.URI oaiUrl;

  @Option(names = "--trusted-proxy", paramLabel = "ADDR",
      description = {"IP address of a reverse proxy in front of paperlens (repeatable); its X-Forwarded-For then names",
          "the client for per-address limits. Default: $" + Config.TRUSTED_PROXIES_ENV + " (comma-separated), else none."})
  java.util.List<String> trustedProxies;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535, was " + port);
    }
    Config config = main.config();
    if (trustedProxies != null) {
      config = config.withTrustedProxies(trustedProxies);
    }
    ClientAddresses clients;
    try {
      clients = ClientAddresses.behind(config.trustedProxies());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    Clock clock = Clock.systemUTC();
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    // Ctrl-C runs the hook; it waits while this thread closes the server and the catalogue.
    Thread hook = new Thread(() -> {
      stopped.countDown();
      try {
        closed.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    Runtime.getRuntime().addShutdownHook(hook);
    try (CatalogueStore store = CatalogueStore.open(config.dataDir());
        LuceneIndex index = LuceneIndex.open(config.indexDir(), config.indexSettings());
        // One intra-op thread per query and as many queries at once as there are cores: under
        // concurrent load that beats two threads per query fighting over the same cores.
        Encoder encoder = Encoder.open(config.model(), new Encoder.Options(1, Encoder.Options.DEFAULT_BATCH_SIZE));
        Database db = Database.open(store.file());
        RecordFetcher fetcher = oaiUrl == null ? null : new RecordFetcher(store, oaiUrl, Duration.ofSeconds(20))) {
      CommunityStore community = new CommunityStore(db, clock);
      RelatedPapers related = new RelatedPapers(index, SearchServices.vectors(store, config.model()), config.fusion());
      WebServices services = new WebServices(store, index,
          new Searcher(index, new CachedQueryEncoder(
              new BoundedQueryEncoder(encoder::embedQuery, Runtime.getRuntime().availableProcessors()), 10_000)), related, new Recommender(index, related),
          new AccountStore(db, PasswordHasher.DEFAULT, clock), community, new LibraryStore(db, community, clock),
          new Trending(community, clock, config.newAccountAge()), AccountLimits.standard(clock),
          new SearchMode.Hybrid(config.fusion()), config.fusion(), java.util.Optional.ofNullable(fetcher), clock);
      MailSettings mail = main.mailSettings();
      try (DigestScheduler digests = DigestAssembly.scheduler(config, mail, store, index, services, clock, out);
          WebServer server = new WebServer(services, DigestAssembly.web(mail, store, digests, clock), ServerLimits.DEFAULT, clients)) {
        int actual = server.start(host, port);
        out.printf("paperlens: digests: %s%n", mail.describe());
        out.printf("paperlens: %s; %,d papers indexed%n", config.describe(), index.size());
        out.printf("paperlens: serving at http://%s:%d/  (Ctrl-C stops)%n", host.contains(":") ? "[" + host + "]" : host, actual);
        out.flush();
        stopped.await();
      }
    } finally {
      closed.countDown();
    }
    return 0;
  }
}
