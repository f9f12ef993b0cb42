package org.paperlens.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.paperlens.common.Progress;
import org.paperlens.config.Config;
import org.paperlens.embed.Encoder;
import org.paperlens.embed.PaperVector;
import org.paperlens.embed.VectorStore;
import org.paperlens.eval.MarkedSection;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.RebuildReport;
import org.paperlens.index.lucene.IndexBuilder;
import org.paperlens.index.lucene.LuceneIndex;
import org.paperlens.ingest.ImportReport;
import org.paperlens.ingest.Importer;
import org.paperlens.live.CatalogueSource;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.recommend.RecommendRequest;
import org.paperlens.recommend.Recommender;
import org.paperlens.related.RelatedPapers;
import org.paperlens.search.SearchMode;
import org.paperlens.search.SearchRequest;
import org.paperlens.search.Searcher;

/**
 * Benchmark, not a test (issue: speed to the hardware's limit): one size of a synthetic catalogue
 * built from the real listings, end to end. Import (the real importer on a JSON Lines file),
 * reindex from stored vectors, disk per paper, peak memory, fresh-query latency and thread CPU per
 * search mode (semantic and hybrid include encoding the query on one thread, as {@code serve}
 * does), related papers and recommendations.
 *
 * <p>The catalogue: the papers of DATA_DIR that have a vector, repeated with new arXiv-style ids
 * until N. Copy 0 is the real paper; copy c has its listing date moved back c times the span of
 * the real sample (so the catalogue reads as a longer history and "the last 30 days" keeps a
 * realistic size) and its vector is the real one plus Gaussian noise (σ = 0.02 a dimension, about
 * cosine 0.93 to the original), renormalised; its title and abstract are the real ones varied
 * ({@link VariedText}: words dropped and replaced, sentences shuffled), so keyword queries do not
 * meet runs of identical texts. One JVM per size: its peak RSS is that size's.
 * Each run appends its row to WORK/scale.tsv (started from the rows the document already has) and
 * rewrites the whole table.
 *
 * <p>A built size can be kept (WORK/nN left in place by bench/scale with SCALE_KEEP=1, with what the build
 * measured) and searched again by later runs ({@code -Dscale.reuse=true}: no import or reindex, only
 * the searches are timed, and the row says so), so a quiet-machine rerun at a million papers takes
 * minutes instead of the build's half hour. DATA_DIR is read either way: its papers give the queries.
 *
 * <p>Usage: {@code Scale DATA_DIR LISTINGS_JSONL_GZ N WORK [DOC]}.
 *
 * <p>Longer than 300 lines because a benchmark run reads best as one sequence of phases (build or
 * reuse, then each search mode, then the row), each short, in the order the table reports them.
 */
public final class Scale {

  private static final int QUERIES = 500;
  private static final int WARMUP = 100;
  private static final double NOISE = 0.02;
  private static final String HEADER = "| papers | code | import papers/s | reindex papers/s | index bytes/paper | catalogue bytes/paper"
      + " | peak RSS MiB | keyword p50 / p99 ms | semantic p50 / p99 ms | hybrid p50 / p99 ms | hybrid CPU p50 ms | hybrid CPU p50 ms: today / old path, in turn"
      + " | keyword CPU p50 ms | related p50 ms | recommend p50 ms | load at start / end"
      + " | hybrid p50 ms, wall; CPU: today / first-round path, in turn |\n"
      + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
  /** What a kept build measured, read back by a run that reuses it. */
  private static final String BUILD_FILE = "scale-build.properties";

  public static void main(String[] args) throws Exception {
    Path source = Path.of(args[0]);
    Path listings = Path.of(args[1]);
    int n = Integer.parseInt(args[2]);
    Path work = Path.of(args[3]);
    Path doc = Path.of(args.length > 4 ? args[4] : "docs/benchmarks.md");
    String loadAtStart = load();
    String code = System.getProperty("scale.code", "?");
    Config sourceConfig = Config.resolve(System.getenv(), source);
    boolean reuse = Boolean.getBoolean("scale.reuse");
    Path dir = work.resolve("n" + n);
    if (reuse && !Files.isRegularFile(dir.resolve(BUILD_FILE))) {
      throw new IllegalStateException(dir + " holds no kept build (" + BUILD_FILE + "): build it first with SCALE_KEEP=1");
    }
    if (!reuse && Files.exists(dir)) {
      throw new IllegalStateException(dir + " exists: remove it first");
    }
    Config config = Config.resolve(System.getenv(), dir);

    Map<String, PaperVector> real = new HashMap<>();
    List<Paper> realPapers = new ArrayList<>();
    try (CatalogueStore store = CatalogueStore.open(source)) {
      new VectorStore(store).forEach(sourceConfig.model(), v -> real.put(v.id().value(), v));
      store.forEachLive(p -> {
        if (real.containsKey(p.id().value())) {
          realPapers.add(p);
        }
      });
    }
    Properties build = reuse ? readBuild(dir) : build(listings, real, n, work, dir, config, code);
    long indexBytes = bytes(config.indexDir());
    long catalogueBytes = bytes(dir) - indexBytes;
    if (reuse) {
      System.err.printf("scale %,d: searches only, on the catalogue built by %s (%s)%n", n, build.getProperty("code"),
          build.getProperty("built"));
    }

    List<String> queries = SearchLatency.queries(realPapers, 3 * (QUERIES + WARMUP), 7);
    String row;
    try (CatalogueStore store = CatalogueStore.open(dir);
        LuceneIndex index = LuceneIndex.open(config.indexDir(), IndexSettings.DEFAULT);
        Encoder encoder = Encoder.open(config.model(), new Encoder.Options(1, Encoder.Options.DEFAULT_BATCH_SIZE))) {
      Searcher searcher = new Searcher(index, encoder::embedQuery); // no query cache: every query is fresh
      SearchMode[] modes = {SearchMode.KEYWORD, SearchMode.SEMANTIC, new SearchMode.Hybrid(config.fusion())};
      RecommendLatency.Timings[] timings = new RecommendLatency.Timings[modes.length];
      List<String> own = new ArrayList<>();
      for (int m = 0; m < modes.length; m++) {
        SearchMode mode = modes[m];
        // Interleaved so each mode gets its own distinct half of titles and keyword queries.
        own = new ArrayList<>();
        for (int i = m; i < queries.size(); i += modes.length) {
          own.add(queries.get(i));
        }
        timings[m] = RecommendLatency.time(own, q -> searcher.search(new SearchRequest(q, mode, Filters.NONE, 0, 10)), WARMUP);
      }
      // The hybrid queries again, today's search and the old path in turn (HybridReference): a ratio on one index.
      java.util.function.Consumer<String> today = q -> searcher.search(new SearchRequest(q, modes[2], Filters.NONE, 0, 10));
      HybridReference reference = HybridReference.beforeIssue23(index, encoder::embedQuery, config.fusion());
      HybridReference.Pair pair = HybridReference.alternate(own, today, reference::search, WARMUP);
      System.err.printf("scale %,d: hybrid CPU p50 %.1f ms, old path %.1f ms (wall %.1f / %.1f)%n", n, pair.cpuA(), pair.cpuB(),
          pair.wallA(), pair.wallB());
      HybridReference firstRound = HybridReference.firstRound(index, encoder::embedQuery, config.fusion());
      HybridReference.Pair round = HybridReference.alternate(own, today, firstRound::search, WARMUP);
      System.err.printf("scale %,d: hybrid CPU p50 %.1f ms, first-round path %.1f ms (wall %.1f / %.1f)%n", n, round.cpuA(),
          round.cpuB(), round.wallA(), round.wallB());
      VectorStore vs = new VectorStore(store);
      RelatedPapers related = new RelatedPapers(index, id -> vs.find(id, config.model()).map(PaperVector::vector).orElse(null),
          config.fusion());
      Recommender recommender = new Recommender(index, related);
      List<PaperId> embedded = realPapers.stream().map(Paper::id).toList();
      Random random = new Random(42);
      List<PaperId> sources = Stream.generate(() -> embedded.get(random.nextInt(embedded.size()))).limit(300).toList();
      RecommendLatency.Timings relatedTimes = RecommendLatency.time(sources, id -> related.find(id, Filters.NONE, 10), 50);
      List<RecommendRequest> requests = Stream.generate(() -> RecommendLatency.request(index, related, embedded, random))
          .limit(100).toList();
      RecommendLatency.Timings recommendTimes = RecommendLatency.time(requests, recommender::recommend, 20);
      row = String.format("| %,d | %s | %s | %s | %,d | %,d | %s | %s | %s | %s | %.1f | %.1f / %.1f | %.1f | %.1f | %.1f"
          + " | %s / %s | %.1f / %.1f; %.1f / %.1f |", n,
          reuse ? code + " (searches only, on the catalogue " + build.getProperty("code") + " built)" : code,
          reuse ? "–" : String.format("%,.0f", Double.parseDouble(build.getProperty("importRate"))),
          reuse ? "–" : String.format("%,.0f", Double.parseDouble(build.getProperty("reindexRate"))), indexBytes / n, catalogueBytes / n, SearchLatency.peakRss().replace(" MiB", ""), p50p99(timings[0]),
          p50p99(timings[1]), p50p99(timings[2]), SearchLatency.pct(timings[2].cpu(), 50), pair.cpuA(), pair.cpuB(),
          SearchLatency.pct(timings[0].cpu(), 50),
          SearchLatency.pct(relatedTimes.wall(), 50), SearchLatency.pct(recommendTimes.wall(), 50),
          loadAtStart, load(), round.wallA(), round.wallB(), round.cpuA(), round.cpuB());
    }
    Path results = work.resolve("scale.tsv");
    if (!Files.exists(results)) {
      List<String> earlier = rowsIn(doc);
      Files.writeString(results, earlier.isEmpty() ? "" : String.join("\n", earlier) + "\n");
    }
    Files.writeString(results, row + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    String body = "## Scale: 75k to 1M papers (issue: speed to the hardware's limit)\n\n"
        + String.format("A synthetic catalogue per row from the %,d listings of DATA_DIR that have a bge-small vector: those"
            + " papers repeated with new arXiv-style ids up to the row's size (copies' titles and abstracts varied, seeded"
            + " by position: about one word in eight dropped and one in eight replaced by a word drawn from the real"
            + " abstracts' words of 4+ letters, as often as they occur there, and the abstract's sentences shuffled, so"
            + " keyword queries do not meet runs of identical texts; vectors of copies"
            + " = the real vector + Gaussian noise σ %.2f a dimension, renormalised; copies' listing dates moved back so"
            + " every 30-day window holds about as many papers as the real one). One JVM per row. Import: the real"
            + " importer on a JSON Lines file of the records (no embedding). Reindex: `IndexBuilder.rebuild` from the stored"
            + " vectors. Searches: %d fresh queries per mode after %d warm-up ones (pasted titles and 2-3 word keyword"
            + " queries, no query cache), top 10 with snippets, single client; semantic and hybrid include encoding the"
            + " query on one intra-op thread, as `serve` does. CPU: the search thread's CPU time; \"today / old path, in turn\": the"
            + " hybrid queries once more, each run by today's `Searcher` and by the path it took before issue 23 (both lists"
            + " 100 deep, every match counted: `HybridReference`), alternating which goes first, so the ratio holds under"
            + " load; \"today / first-round path\": the same against the path after issue 23's first round (keyword list 50"
            + " deep, meaning list 100, the count a pass of its own stopped at 1,000). Related: 250 papers after"
            + " 50 warm-up; recommend: 80 requests after 20 (20 liked, 20 disliked, last 30 days). Targets at 1M:"
            + " hybrid p50 ≤ 15 ms, p99 ≤ 50 ms, ≤ 3 KB of index a paper, reindex ≥ 2,000 papers/s, recommend p50"
            + " ≤ 150 ms; fresh hybrid CPU ≤ 8 ms at 75k.%n%n", real.size(), NOISE, QUERIES, WARMUP)
        + HEADER + String.join("\n", Files.readAllLines(results)) + "\n"
        + "\nCommand: `bench/scale DATA_DIR 75000 250000 1000000`; `SCALE_KEEP=1` keeps each size's catalogue and index"
        + " in WORK/nN, and `SCALE_REUSE=1 bench/scale DATA_DIR WORK N` times the searches again on a kept one (no import"
        + " or reindex: \"searches only\" rows, import and reindex \"–\"). Hardware: " + Hardware.describe()
        + ". Code: the commit the row ran (+ when the worktree had changes). The load column is the 1-minute load average when the row started and finished; above 2 the machine was shared.\n";
    MarkedSection.writeInto(doc, "scale", body, "# Benchmarks");
    System.out.println(row);
  }

  /**
   * Builds the catalogue of {@code n} papers in {@code dir} (import, vectors, reindex) and writes
   * what it measured into it, for a later run that reuses it.
   */
  private static Properties build(Path listings, Map<String, PaperVector> real, int n, Path work, Path dir, Config config,
      String code) throws IOException {
    Path jsonl = work.resolve("n" + n + ".jsonl");
    List<PaperVector> vectors = writeCatalogue(listings, real, n, jsonl);
    System.err.printf("scale %,d: %,d real papers with vectors, %,d records written%n", n, real.size(), vectors.size());

    long t = System.nanoTime();
    try (CatalogueStore store = CatalogueStore.open(dir)) {
      new Importer(store, new Importer.Options(Optional.empty(), null, 1000), Progress.NONE).run(List.of(jsonl), new ImportReport());
    }
    double importRate = n / ((System.nanoTime() - t) / 1e9);
    Files.delete(jsonl);
    try (CatalogueStore store = CatalogueStore.open(dir)) {
      VectorStore vs = new VectorStore(store);
      for (int i = 0; i < vectors.size(); i += 5000) {
        vs.put(config.model(), vectors.subList(i, Math.min(vectors.size(), i + 5000)));
      }
    }
    vectors = null;
    System.err.printf("scale %,d: imported at %.0f papers/s, vectors stored%n", n, importRate);

    RebuildReport built;
    try (CatalogueStore store = CatalogueStore.open(dir)) {
      VectorStore vs = new VectorStore(store);
      built = IndexBuilder.rebuild(CatalogueSource.of(store, id -> vs.find(id, config.model()).map(PaperVector::vector).orElse(null)),
          config.indexDir(), IndexSettings.DEFAULT, Progress.NONE);
    }
    double reindexRate = built.papers() / built.seconds();
    System.err.printf("scale %,d: reindexed at %.0f papers/s%n", n, reindexRate);
    Properties build = new Properties();
    build.setProperty("importRate", Double.toString(importRate));
    build.setProperty("reindexRate", Double.toString(reindexRate));
    build.setProperty("code", code);
    build.setProperty("built", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString());
    try (var out = Files.newBufferedWriter(dir.resolve(BUILD_FILE))) {
      build.store(out, "bench/scale: what building this catalogue measured");
    }
    return build;
  }

  private static Properties readBuild(Path dir) throws IOException {
    Properties build = new Properties();
    try (var in = Files.newBufferedReader(dir.resolve(BUILD_FILE))) {
      build.load(in);
    }
    return build;
  }

  /** The rows of the document's table, for a WORK that has none yet: a run adds to the table, never empties it. */
  static List<String> rowsIn(Path doc) throws IOException {
    if (!Files.exists(doc)) {
      return List.of();
    }
    List<String> rows = new ArrayList<>();
    boolean inside = false;
    for (String line : Files.readAllLines(doc)) {
      if (line.equals("<!-- scale:start -->")) {
        inside = true;
      } else if (line.equals("<!-- scale:end -->")) {
        break;
      } else if (inside && line.matches("\\| [0-9].*")) {
        rows.add(line);
      }
    }
    return rows;
  }


  private static String load() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
  }

  private static String p50p99(RecommendLatency.Timings t) {
    return String.format("%.1f / %.1f", SearchLatency.pct(t.wall(), 50), SearchLatency.pct(t.wall(), 99));
  }

  /**
   * Writes {@code n} listing records (the real ones that have a vector, then copies) to {@code out};
   * returns the vectors to store, one per record.
   */
  private static List<PaperVector> writeCatalogue(Path listings, Map<String, PaperVector> real, int n, Path out)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<ObjectNode> records = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(listings)),
        StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        ObjectNode node = (ObjectNode) json.readTree(line);
        if (real.containsKey("arxiv:" + node.get("id").asText()) || real.containsKey(node.get("id").asText())) {
          records.add(node);
        }
      }
    }
    if (records.isEmpty()) {
      throw new IllegalStateException("no listing of " + listings + " has a vector in the source catalogue");
    }
    LocalDate newest = records.stream().map(r -> LocalDate.parse(r.get("first_seen_listing_date").asText()))
        .max(LocalDate::compareTo).orElseThrow();
    LocalDate oldest = records.stream().map(r -> LocalDate.parse(r.get("first_seen_listing_date").asText()))
        .min(LocalDate::compareTo).orElseThrow();
    long span = Math.max(1, newest.toEpochDay() - oldest.toEpochDay() + 1);
    VariedText texts = VariedText.from(records.stream().map(r -> r.path("summary").asText("")).toList());
    Random random = new Random(42);
    List<PaperVector> vectors = new ArrayList<>(n);
    try (BufferedWriter w = Files.newBufferedWriter(out)) {
      for (int i = 0; i < n; i++) {
        ObjectNode base = records.get(i % records.size());
        int copy = i / records.size();
        String baseId = base.get("id").asText();
        PaperVector v = real.getOrDefault("arxiv:" + baseId, real.get(baseId));
        ObjectNode r = base;
        float[] vector = v.vector();
        if (copy > 0) {
          r = base.deepCopy();
          String id = String.format("%04d.%05d", 5000 + copy, i % records.size());
          r.put("id", id);
          SplittableRandom words = VariedText.seeded(i);
          r.put("title", texts.title(base.path("title").asText(""), words));
          r.put("summary", texts.abstractText(base.path("summary").asText(""), words));
          r.put("first_seen_listing_date",
              LocalDate.parse(base.get("first_seen_listing_date").asText()).minusDays(copy * span).toString());
          vector = noisy(v.vector(), random);
          w.write(r.toString());
          w.newLine();
          vectors.add(new PaperVector(new PaperId(v.id().value().replace(baseId, id)), vector, v.textHash()));
        } else {
          w.write(r.toString());
          w.newLine();
          vectors.add(v);
        }
      }
    }
    return vectors;
  }

  static float[] noisy(float[] v, Random random) {
    float[] out = new float[v.length];
    double norm = 0;
    for (int d = 0; d < v.length; d++) {
      out[d] = (float) (v[d] + NOISE * random.nextGaussian());
      norm += out[d] * out[d];
    }
    float inv = (float) (1 / Math.sqrt(norm));
    for (int d = 0; d < v.length; d++) {
      out[d] *= inv;
    }
    return out;
  }

  private static long bytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
