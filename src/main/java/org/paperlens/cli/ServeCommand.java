package org.paperlens.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.paperlens.app.IndexBackend;
import org.paperlens.app.PaperLens;
import org.paperlens.app.Serving;
import org.paperlens.config.Config;
import org.paperlens.config.MailSettings;
import org.paperlens.web.http.ClientAddresses;
import org.paperlens.web.http.ServerLimits;
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

  @Option(names = "--watch", paramLabel = "DIR",
      description = {"Folder whose files (any import format) are imported as they appear or change.",
          "Default: $" + ServeEnv.WATCH + ", else none."})
  java.nio.file.Path watch;

  @Option(names = "--harvest-url", paramLabel = "URL",
      description = {"OAI-PMH endpoint harvested every day at --harvest-at (e.g. https://export.arxiv.org/oai2).",
          "Default: $" + ServeEnv.HARVEST_URL + ", else none."})
  java.net.URI harvestUrl;

  @Option(names = "--harvest-set", paramLabel = "SET", description = "OAI set to harvest, e.g. cs. Default: $" + ServeEnv.HARVEST_SET + ", else all.")
  String harvestSet;

  @Option(names = "--harvest-at", paramLabel = "HH:MM", description = "Daily harvest time (default 20:30, after arXiv's 20:00 announcement).")
  java.time.LocalTime harvestAt;

  @Option(names = "--harvest-zone", paramLabel = "ZONE", description = "Time zone of --harvest-at (default America/New_York).")
  java.time.ZoneId harvestZone;

  @Option(names = "--embed-share", paramLabel = "F",
      description = {"Share of the machine's cores the background embedder uses while no request is being served,",
          "above 0 and at most 1 (it always gives way to requests). Default: $" + ServeEnv.EMBED_SHARE + ", else 1 (all cores)."})
  Double embedShare;

  @picocli.CommandLine.Mixin
  AdmissionOptions admission = new AdmissionOptions();

  @Option(names = "--trusted-proxy", paramLabel = "ADDR",
      description = {"IP address of a reverse proxy in front of paperlens (repeatable); its X-Forwarded-For then names",
          "the client for per-address limits. Default: $" + Config.TRUSTED_PROXIES_ENV + " (comma-separated), else none."})
  java.util.List<String> trustedProxies;

  @Option(names = "--openalex", negatable = true, paramLabel = "",
      description = {"Enrich papers with citations, counts, venues and author ids from OpenAlex (needs the internet;",
          "an API key in $" + org.paperlens.config.CitationSources.OPENALEX_KEY_ENV + "). Default: $"
              + org.paperlens.config.CitationSources.OPENALEX_ENV + " (on/off), else off."})
  Boolean openAlex;

  @Option(names = "--openalex-url", paramLabel = "URL",
      description = "OpenAlex's API. Default: $" + org.paperlens.config.CitationSources.OPENALEX_URL_ENV + ", else https://api.openalex.org")
  String openAlexUrl;

  @Option(names = "--openalex-mailto", paramLabel = "ADDR",
      description = "Contact address sent to OpenAlex (its polite pool). Default: $" + org.paperlens.config.CitationSources.OPENALEX_MAILTO_ENV + ", else none")
  String openAlexMailto;

  @Option(names = "--semantic-scholar", negatable = true, paramLabel = "",
      description = {"Enrich papers with citations, counts and TLDRs from the Semantic Scholar Graph API (needs the internet;",
          "optional key in $" + org.paperlens.config.CitationSources.S2_KEY_ENV + "). Default: $"
              + org.paperlens.config.CitationSources.S2_ENV + " (on/off), else off."})
  Boolean semanticScholar;

  @Option(names = "--s2-url", paramLabel = "URL",
      description = "Semantic Scholar's Graph API. Default: $" + org.paperlens.config.CitationSources.S2_URL_ENV
          + ", else https://api.semanticscholar.org/graph/v1")
  String s2Url;

  @Option(names = "--base-url", paramLabel = "URL", description = DigestCommand.BASE_URL_HELP)
  String baseUrl;

  @Option(names = "--request-log", negatable = true, paramLabel = "",
      description = {"Log one line per request: method, route template, status, ms, bytes (never a query string).",
          "Default: $" + org.paperlens.ops.Operations.REQUEST_LOG_ENV + " (on/off), else off."})
  Boolean requestLog;

  @Option(names = "--metrics-token", paramLabel = "TOKEN",
      description = {"Serve Prometheus metrics at /metrics to requests with 'Authorization: Bearer TOKEN' (16+ characters).",
          "Default: $" + org.paperlens.ops.Operations.METRICS_TOKEN_ENV + ", else /metrics is off (404)."})
  String metricsToken;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535, was " + port);
    }
    Config config = main.config();
    if (trustedProxies != null) {
      config = config.withTrustedProxies(trustedProxies);
    }
    try {
      config = config.withCitationSources(org.paperlens.config.CitationSources.resolve(main.environment(),
          new org.paperlens.config.CitationSources.Flags(openAlex, openAlexUrl, openAlexMailto, semanticScholar, s2Url)));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
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
    // Ctrl-C or SIGTERM runs the hook; it waits while this thread drains the server (requests under
    // way are finished, new connections refused), ends the pipeline's current step and closes the
    // catalogue: bounded by the server's drain and the pipeline's join, with a margin.
    Thread hook = new Thread(() -> {
      stopped.countDown();
      try {
        closed.await(org.paperlens.web.WebServer.DRAIN.toSeconds() + 60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    ServeEnv fromEnv;
    org.paperlens.common.Admission.Limits admit;
    try {
      fromEnv = ServeEnv.resolve(main.environment());
      admit = admission.resolve(main.environment(), Runtime.getRuntime().availableProcessors());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    org.paperlens.live.Pipeline.Settings pipelineSettings = pipelineSettings(fromEnv);
    // One line per event, timestamped and levelled, in the format the libraries' SLF4J lines share.
    java.util.function.Consumer<String> print = line -> {
      synchronized (out) {
        out.println(line);
        out.flush();
      }
    };
    java.util.function.Consumer<String> log = line -> print.accept(
        org.paperlens.ops.LogLine.format(java.time.Instant.now(), org.paperlens.ops.LogLine.levelOf(line), "paperlens", line));
    org.paperlens.ops.Operations operations = operations(print);
    MailSettings mail = main.mailSettings(baseUrl, host, port);
    org.paperlens.backup.MailHold hold = org.paperlens.backup.MailHold.of(config.dataDir());
    if (hold.held() && mail.canSend()) {
      log.accept("mail is held: " + hold.reason() + "; nothing is mailed until `paperlens mail resume` (see docs/operations.md)");
    }
    mail = hold.apply(mail);
    Duration digestEvery = fromEnv.digestEvery().orElse(Duration.ofMinutes(1));
    IndexBackend backend = main.indexBackend(config);
    // Registered only now, with the block that releases it right below: a hook registered before a
    // flag or variable was refused waited its whole margin (80 s) at exit for a server never started.
    Runtime.getRuntime().addShutdownHook(hook);
    try (PaperLens root = PaperLens.builder(config, backend, clock).mail(mail).operations(operations).serving()
        .submissionsFrom(oaiUrl, org.paperlens.ingest.FetchLimits.SUBMISSION).build()) {
      Serving site = new Serving(root, pipelineSettings, java.util.Optional.of(digestEvery),
          ServerLimits.DEFAULT.withAdmission(admit), clients, log);
      int actual = site.start(host, port);
      log.accept("digests: " + mail.describe());
      log.accept(config.describe() + ", " + backend.describe());
      log.accept("pipeline: " + describe(pipelineSettings));
      log.accept("admission of searches, related papers and recommendations: " + admit.describe());
      log.accept(site.pipeline().status().describe());
      log.accept("operators: /health/live, /health/ready; /metrics " + (operations.metricsToken() != null ? "with the metrics token" : "off")
          + "; request log " + (operations.requestLog() ? "on" : "off"));
      String listening = MailSettings.derivedBaseUrl(host, actual);
      log.accept(String.format("serving at %s/  (Ctrl-C stops)",
          host.equals("0.0.0.0") || host.equals("::") ? "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + actual : listening));
      if (!mail.baseUrl().equals(listening)) {
        log.accept(String.format("links in pages, feeds and mails point at %s (--base-url, $%s)", mail.baseUrl(), MailSettings.BASE_URL_ENV));
      }
      stopped.await();
      log.accept("stopping: finishing the requests under way and the pipeline's current step");
    } finally {
      closed.countDown();
    }
    return 0;
  }

  /** The request log and the metrics token: flags beat the environment; a bad value is a usage error. */
  private org.paperlens.ops.Operations operations(java.util.function.Consumer<String> print) {
    java.util.Map<String, String> env = main.environment();
    try {
      boolean logRequests = requestLog != null ? requestLog
          : org.paperlens.ops.Operations.isOn(org.paperlens.ops.Operations.REQUEST_LOG_ENV, env.get(org.paperlens.ops.Operations.REQUEST_LOG_ENV));
      String token = metricsToken != null ? metricsToken : env.get(org.paperlens.ops.Operations.METRICS_TOKEN_ENV);
      return new org.paperlens.ops.Operations(token == null || token.isBlank() ? null : token, logRequests, print);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** Flags beat the environment, which beats the defaults; a bad value is a usage error quoting it. */
  private org.paperlens.live.Pipeline.Settings pipelineSettings(ServeEnv fromEnv) {
    try {
      java.util.Optional<java.nio.file.Path> folder = java.util.Optional.ofNullable(watch).or(fromEnv::watch);
      java.util.Optional<java.net.URI> url = java.util.Optional.ofNullable(harvestUrl).or(fromEnv::harvestUrl);
      java.util.Optional<String> set = java.util.Optional.ofNullable(harvestSet).or(fromEnv::harvestSet);
      java.util.Optional<org.paperlens.live.HarvestSchedule> harvest = url.map(u -> new org.paperlens.live.HarvestSchedule(u, set,
          harvestAt != null ? harvestAt : org.paperlens.live.HarvestSchedule.DEFAULT_AT,
          harvestZone != null ? harvestZone : org.paperlens.live.HarvestSchedule.DEFAULT_ZONE, fromEnv.harvestFirstDays().orElse(7),
          Duration.ofSeconds(3)));
      org.paperlens.live.Pipeline.Settings d = org.paperlens.live.Pipeline.Settings.defaults();
      return new org.paperlens.live.Pipeline.Settings(folder, harvest, embedShare != null ? embedShare : fromEnv.embedShare().orElse(d.embedShare()),
          fromEnv.scanEvery().orElse(d.scanEvery()), d.indexEvery(), d.commitEvery());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private static String describe(org.paperlens.live.Pipeline.Settings s) {
    return "watching " + s.watch().map(java.nio.file.Path::toString).orElse("no folder")
        + ", harvesting " + s.harvest().map(h -> h.url() + h.set().map(x -> " set " + x).orElse("") + " daily at " + h.at() + " " + h.zone())
            .orElse("nothing")
        + String.format(", embedding on %.0f%% of %d cores while no request is being served", s.embedShare() * 100,
            Runtime.getRuntime().availableProcessors());
  }
}
