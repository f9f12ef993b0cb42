package org.paperlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.paperlens.web.http.ServerLimits;
import org.paperlens.web.http.ClientAddresses;
import org.paperlens.app.Serving;
import org.paperlens.app.PaperLens;
import org.paperlens.app.IndexBackend;
import org.paperlens.bench.Hardware;
import org.paperlens.bench.SearchLatency;
import org.paperlens.common.Progress;
import org.paperlens.config.Config;
import org.paperlens.config.MailSettings;
import org.paperlens.eval.MarkedSection;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.PaperIndex;
import org.paperlens.index.QueryText;
import org.paperlens.index.VectorLookup;
import org.paperlens.index.lucene.IndexBuilder;
import org.paperlens.ingest.ImportReport;
import org.paperlens.ingest.Importer;
import org.paperlens.live.CatalogueSource;
import org.paperlens.live.Pipeline;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/**
 * Benchmark of the living service (issue: a living service): how long after its import commit a
 * new paper is searchable by keyword and by meaning, and what a day's ingest and embedding costs
 * concurrent searches, as a ratio against an idle server measured in the same run.
 *
 * <p>Set-up, done afresh on every run (about a minute): every arXiv listing except the last {@value #DAYS}
 * listing days is imported and indexed (no vectors: the server embeds in the background, newest
 * first, as on a fresh machine). Then a server (in this JVM, the same assembly as
 * {@code paperlens serve}) watches a folder, and each held-back day is dropped in as one file.
 *
 * <p>Usage: {@code FreshnessBench LISTINGS_GZ DATA_DIR [DOC]}.
 */
public final class FreshnessBench {

  static final int DAYS = 3;
  private static final int QUERIES = 300;
  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    Path listings = Path.of(args[0]);
    Path data = Path.of(args[1]);
    Path doc = Path.of(args.length > 2 ? args[2] : "docs/benchmarks.md");
    Path inbox = data.resolve("bench-inbox");
    Config config = Config.resolve(System.getenv(), data.resolve("data"));
    List<Path> dayFiles = prepare(listings, data, config);
    Files.createDirectories(inbox);
    try (var old = Files.list(inbox)) {
      for (Path p : old.toList()) {
        Files.delete(p);
      }
    }

    List<String> queries;
    int papers;
    try (CatalogueStore store = CatalogueStore.open(config.dataDir())) {
      List<Paper> all = new ArrayList<>();
      store.forEachLive(all::add);
      papers = all.size();
      queries = SearchLatency.queries(all, 3 * QUERIES, 7);
    }
    MailSettings mail = MailSettings.resolve(Map.of());
    // Idle: the embedder at 1 % of a core, nothing arriving.
    double[][] idle;
    try (Serving site = site(config, mail, inbox, 0.01)) {
      awaitCaughtUp(site);
      latencies(site, queries.subList(2 * QUERIES, 3 * QUERIES)); // warm-up, other queries
      idle = latencies(site, queries.subList(0, QUERIES));
    }
    // Busy: the default share (every core while no request is in flight), the held-back days dropped in one after another while searches run.
    List<double[]> fresh = new ArrayList<>();
    double[][] busy;
    try (Serving site = site(config, mail, inbox, Pipeline.Settings.defaults().embedShare())) {
      awaitCaughtUp(site);
      Thread dropper = new Thread(() -> {
        try {
          for (Path f : dayFiles) {
            fresh.add(freshness(site, inbox, f));
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      dropper.start();
      // One pass of new queries while the backlog and the first day are imported, indexed and
      // embedded, so no query vector is cached; each request makes the embedder give way.
      Thread.sleep(1_000);
      busy = latencies(site, queries.subList(QUERIES, 2 * QUERIES));
      dropper.join();
    }

    StringBuilder table = new StringBuilder("| day file | papers | import s | to keyword s (median, max) | to meaning s (median, max) |\n|---|---|---|---|---|\n");
    for (int i = 0; i < fresh.size(); i++) {
      double[] f = fresh.get(i);
      table.append(String.format("| %d | %.0f | %.1f | %.1f, %.1f | %.1f, %.1f |%n", i + 1, f[0], f[1], f[2], f[3], f[4], f[5]));
    }
    StringBuilder lat = new StringBuilder("| mode | idle p50 ms | idle p99 ms | ingesting p50 ms | ingesting p99 ms | p50 ratio | p99 ratio |\n|---|---|---|---|---|---|---|\n");
    String[] modes = {"keyword", "hybrid"};
    for (int m = 0; m < 2; m++) {
      double i50 = pct(idle[m], 50), i99 = pct(idle[m], 99), b50 = pct(busy[m], 50), b99 = pct(busy[m], 99);
      lat.append(String.format("| %s | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f |%n", modes[m], i50, i99, b50, b99, b50 / i50, b99 / i99));
    }
    String body = "## Freshness and search while ingesting (issue: a living service)\n\n"
        + String.format("A server (the `serve` assembly, in the benchmark's JVM) over %,d arXiv papers, their index built and no"
            + " vectors yet, so the embedder works through the backlog newest first. Each of the last %d listing days"
            + " is dropped into its watched folder as one JSON Lines file. Freshness is measured for 10 papers per file,"
            + " all polled together every 20 ms: from the import commit that holds the paper to a keyword search by its"
            + " title finding it, and to its vector being in the index (searchable by meaning). Import s: from dropping"
            + " the file to the last sampled paper's commit (the folder is scanned every 0.5 s and a file is taken once"
            + " it has stayed the same for one scan).%n%n", papers, DAYS)
        + table
        + String.format("%nSearch latency, one client, %d new queries per mode and phase (pasted titles and short keyword"
            + " queries, top 10 with snippets, through `/api/v1/search` over HTTP as a client sees it; hybrid includes embedding"
            + " the query), idle (embedder at 1%% of a core, nothing arriving, after %d warm-up queries) against ingesting (run"
            + " while the first day file is imported, indexed and embedded at the default share: every core while no request"
            + " is in flight, each request making the embedder give way, its running model batch aborted). Load average at"
            + " the end: %.2f on %d cores.%n%n", QUERIES, QUERIES,
            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
            Runtime.getRuntime().availableProcessors())
        + lat
        + "\nIn both phases only the embedded part of the catalogue (the newest few thousand papers) is in the vector"
        + " graph, so hybrid here costs less than over a fully embedded catalogue (see Search latency). One run; another"
        + " build may have shared the machine, so read the ratios, not the milliseconds.\n"
        + "\nCommand: `bench/freshness DATA_DIR`. Hardware: " + Hardware.describe() + ".\n";
    MarkedSection.writeInto(doc, "freshness", body, "# Benchmarks");
    System.out.print(body);
  }

  private static final Map<Serving, Integer> SITE_PORTS = new java.util.IdentityHashMap<>();

  private static Serving site(Config config, MailSettings mail, Path inbox, double share) {
    Pipeline.Settings d = Pipeline.Settings.defaults();
    Pipeline.Settings settings = new Pipeline.Settings(Optional.of(inbox), Optional.empty(), share, Duration.ofMillis(500),
        d.indexEvery(), d.commitEvery());
    Serving site = new Serving(PaperLens.builder(config, IndexBackend.of(config, null, java.util.Map.of()), Clock.systemUTC()).mail(mail)
        .serving().build(), settings, Optional.empty(), ServerLimits.DEFAULT, ClientAddresses.behind(List.of()),
        line -> System.err.println("serve: " + line));
    SITE_PORTS.put(site, site.start("127.0.0.1", 0));
    return site;
  }

  private static void awaitCaughtUp(Serving site) throws InterruptedException {
    while (site.pipeline().status().coverage().seq() < site.pipeline().status().catalogueSeq()
        || site.pipeline().status().coverage().papers() == 0) {
      Thread.sleep(200);
    }
  }

  /** {papers, import seconds, keyword median, keyword max, meaning median, meaning max} for one dropped day file. */
  private static double[] freshness(Serving site, Path inbox, Path dayFile) throws Exception {
    List<Paper> sample = new ArrayList<>();
    List<String> lines = Files.readAllLines(dayFile);
    for (int i = 0; i < lines.size() && sample.size() < 10; i += Math.max(1, lines.size() / 10)) {
      JsonNode n = JSON.readTree(lines.get(i));
      sample.add(Paper.builder(new PaperId(n.get("id").asText())).title(n.get("title").asText()).build());
    }
    CatalogueStore catalogue = site.root().catalogue();
    PaperIndex index = site.root().index();
    int n = sample.size();
    long[] committedAt = new long[n];
    double[] keyword = new double[n];
    double[] meaning = new double[n];
    int done = 0;
    long dropped = System.nanoTime();
    Files.copy(dayFile, inbox.resolve(dayFile.getFileName()));
    // Every sampled paper is watched at once, every 20 ms, so no paper's wait delays another's clock.
    while (done < n) {
      for (int i = 0; i < n; i++) {
        Paper p = sample.get(i);
        if (committedAt[i] == 0 && catalogue.find(p.id()).isPresent()) {
          committedAt[i] = System.nanoTime();
        }
        if (committedAt[i] != 0 && keyword[i] == 0
            && index.keyword(QueryText.literal(p.title()), Filters.NONE, 20).stream().anyMatch(h -> h.id().equals(p.id()))) {
          keyword[i] = Math.max(1e-9, (System.nanoTime() - committedAt[i]) / 1e9);
        }
        if (keyword[i] != 0 && meaning[i] == 0 && index.withoutVector(List.of(p.id())).isEmpty()) {
          meaning[i] = Math.max(1e-9, (System.nanoTime() - committedAt[i]) / 1e9);
          done++;
        }
      }
      Thread.sleep(20);
    }
    double lastCommit = 0;
    for (long t : committedAt) {
      lastCommit = Math.max(lastCommit, (t - dropped) / 1e9);
    }
    Arrays.sort(keyword);
    Arrays.sort(meaning);
    return new double[] {lines.size(), lastCommit, pct(keyword, 50), keyword[keyword.length - 1], pct(meaning, 50),
        meaning[meaning.length - 1]};
  }

  /** Each query in each mode through the site's own HTTP API, as a client sees it: the requests pass the server's gauge. */
  private static double[][] latencies(Serving site, List<String> queries) throws Exception {
    String[] modes = {"keyword", "hybrid"};
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + SITE_PORTS.get(site) + "/api/v1/search?limit=10&mode=";
    double[][] out = new double[modes.length][queries.size()];
    for (int i = 0; i < queries.size(); i++) {
      for (int m = 0; m < modes.length; m++) {
        java.net.http.HttpRequest get = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + modes[m] + "&q="
            + java.net.URLEncoder.encode(queries.get(i), StandardCharsets.UTF_8))).build();
        long t = System.nanoTime();
        var response = http.send(get, java.net.http.HttpResponse.BodyHandlers.ofString());
        out[m][i] = (System.nanoTime() - t) / 1e6;
        if (response.statusCode() != 200) {
          throw new IllegalStateException("search failed: " + response.statusCode() + " " + response.body());
        }
      }
    }
    for (double[] ms : out) {
      Arrays.sort(ms);
    }
    return out;
  }

  private static double pct(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  /**
   * Splits the listings into the base (imported and indexed here, once) and one file per held-back
   * day; returns the day files.
   */
  private static List<Path> prepare(Path listings, Path data, Config config) throws Exception {
    Path days = data.resolve("bench-days");
    TreeMap<LocalDate, List<String>> byDay = new TreeMap<>();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(listings)),
        StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
        byDay.computeIfAbsent(LocalDate.parse(JSON.readTree(line).get("first_seen_listing_date").asText()), d -> new ArrayList<>())
            .add(line);
      }
    }
    List<LocalDate> held = new ArrayList<>(byDay.descendingKeySet()).subList(0, DAYS);
    List<Path> out = new ArrayList<>();
    Files.createDirectories(days);
    for (LocalDate d : held.reversed()) {
      Path f = days.resolve("listing-" + d + ".jsonl");
      Files.write(f, byDay.get(d));
      out.add(f);
    }
    // Always from scratch: a catalogue left by an earlier run already holds the held-back days.
    if (Files.exists(config.dataDir())) {
      try (var walk = Files.walk(config.dataDir())) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    {
      Path base = days.resolve("base.jsonl");
      java.util.Set<LocalDate> heldDays = new java.util.HashSet<>(held);
      try (BufferedWriter w = Files.newBufferedWriter(base)) {
        for (Map.Entry<LocalDate, List<String>> e : byDay.entrySet()) {
          if (!heldDays.contains(e.getKey())) {
            for (String line : e.getValue()) {
              w.write(line);
              w.newLine();
            }
          }
        }
      }
      try (CatalogueStore store = CatalogueStore.open(config.dataDir())) {
        new Importer(store, new Importer.Options(Optional.empty(), null, 1000), Progress.NONE).run(List.of(base), new ImportReport());
        IndexBuilder.rebuild(CatalogueSource.of(store, VectorLookup.NONE), config.indexDir(), IndexSettings.DEFAULT, Progress.NONE);
      }
      Files.delete(base);
    }
    return out;
  }
}
