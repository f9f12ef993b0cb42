package org.paperlens.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.paperlens.config.Config;
import org.paperlens.embed.VectorStore;
import org.paperlens.eval.MarkedSection;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexHit;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.lucene.LuceneIndex;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.PaperId;
import org.paperlens.recommend.RecommendRequest;
import org.paperlens.recommend.Recommendations;
import org.paperlens.recommend.Recommender;
import org.paperlens.related.RelatedPapers;

/**
 * Benchmark, not a test: warm single-client latency of related papers (top 10 of a random
 * embedded paper) and of recommendations (20 liked papers, 20 disliked, last 30 days of listings,
 * top 10 with explanations), the same code paths as the commands. Fixed seed. Writes its table
 * into docs/benchmarks.md.
 *
 * <p>Run by {@code bench/recommend-latency DATA_DIR} on a data directory whose catalogue holds
 * the arXiv listings with their vectors and whose index is built.
 */
public final class RecommendLatency {

  private static final int RELATED = 500;
  private static final int RECOMMEND = 200;
  private static final int WARMUP = 50;

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args[0]);
    Path doc = Path.of(args.length > 1 ? args[1] : "docs/benchmarks.md");
    Config config = Config.resolve(System.getenv(), data);
    StringBuilder table = new StringBuilder("| request | p50 ms | p90 ms | p99 ms | mean ms | CPU p50 ms | CPU p99 ms | requests |\n|---|---|---|---|---|---|---|---|\n");
    String load = loadAverage();
    String window;
    int papers;
    try (CatalogueStore store = CatalogueStore.open(config.dataDir());
        LuceneIndex index = LuceneIndex.open(config.indexDir(), IndexSettings.DEFAULT)) {
      papers = index.size();
      VectorStore vectors = new VectorStore(store);
      List<PaperId> embedded = new ArrayList<>();
      vectors.forEach(config.model(), v -> embedded.add(v.id()));
      RelatedPapers related = new RelatedPapers(index,
          id -> vectors.find(id, config.model()).map(v -> v.vector()).orElse(null), config.fusion());
      Recommender recommender = new Recommender(index, related);
      Random random = new Random(42);

      List<PaperId> sources = new ArrayList<>();
      for (int i = 0; i < RELATED + WARMUP; i++) {
        sources.add(embedded.get(random.nextInt(embedded.size())));
      }
      table.append(row("related papers, top 10", time(sources, id -> related.find(id, Filters.NONE, 10), WARMUP)));

      List<RecommendRequest> requests = new ArrayList<>();
      for (int i = 0; i < RECOMMEND + WARMUP; i++) {
        requests.add(request(index, related, embedded, random));
      }
      Recommendations sample = recommender.recommend(requests.getFirst());
      window = String.format("%s to %s, %,d candidates", sample.from(), sample.to(), sample.candidates())
          + sample.notes().stream().filter(n -> n.contains("no embedding")).map(n -> "; " + n).findFirst().orElse("");
      table.append(row("recommend, 20 liked + 20 disliked, last 30 days, top 10", time(requests, recommender::recommend, WARMUP)));
    }
    String body = "## Related papers and recommendation latency (issue: related papers and recommendations)\n\n"
        + String.format("Warm, single client, over %,d papers, after %d warm-up requests of each kind, fixed seed 42."
            + " Related papers: %,d random embedded papers, top 10 with reasons (vectors looked up in the catalogue,"
            + " as `paperlens related` does). Recommendations: %,d requests, each liking a random embedded paper and"
            + " its 19 nearest neighbours (a topical library) and disliking 20 random embedded papers; candidates are"
            + " the last 30 days of listings (%s); top 10 with explanations, learned model. Targets: related p50 ≤ 15 ms,"
            + " recommend p50 ≤ 150 ms.%n%n", papers, WARMUP, RELATED, RECOMMEND, window)
        + table
        + "\nThe CPU columns are the request thread's CPU time: what the request costs when the machine is not"
        + " shared. The machine's 1-minute load average when the run began: " + load + ".\n"
        + "\nCommand: `bench/recommend-latency DATA_DIR`. Hardware: " + Hardware.describe() + ".\n";
    MarkedSection.writeInto(doc, "recommend-latency", body, "# Benchmarks");
    System.out.print(body);
  }

  /** A topical library: a random paper and its 19 nearest neighbours; 20 random papers disliked. */
  static RecommendRequest request(LuceneIndex index, RelatedPapers related, List<PaperId> embedded,
      Random random) {
    PaperId seed = embedded.get(random.nextInt(embedded.size()));
    List<PaperId> liked = new ArrayList<>();
    liked.add(seed);
    for (IndexHit h : related.rank(seed, Filters.NONE, 19)) {
      liked.add(h.id());
    }
    List<PaperId> disliked = new ArrayList<>();
    while (disliked.size() < 20) {
      PaperId p = embedded.get(random.nextInt(embedded.size()));
      if (!liked.contains(p) && !disliked.contains(p)) {
        disliked.add(p);
      }
    }
    return RecommendRequest.of(liked, disliked, 30, 10);
  }

  /** Wall-clock and thread-CPU milliseconds of each timed request, each array sorted. */
  record Timings(double[] wall, double[] cpu) {}

  /** Times each input after the first {@code warmup}, which run untimed. */
  static <T> Timings time(List<T> inputs, Consumer<T> action, int warmup) {
    for (int i = 0; i < warmup; i++) {
      action.accept(inputs.get(i));
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] wall = new double[inputs.size() - warmup];
    double[] cpu = new double[wall.length];
    for (int i = warmup; i < inputs.size(); i++) {
      long c = threads.getCurrentThreadCpuTime();
      long t = System.nanoTime();
      action.accept(inputs.get(i));
      wall[i - warmup] = (System.nanoTime() - t) / 1e6;
      cpu[i - warmup] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    System.err.printf("%d requests timed%n", wall.length);
    return new Timings(wall, cpu);
  }

  private static String row(String what, Timings t) {
    double[] ms = t.wall();
    return String.format("| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %,d |%n", what, pct(ms, 50), pct(ms, 90),
        pct(ms, 99), Arrays.stream(ms).average().orElse(0), pct(t.cpu(), 50), pct(t.cpu(), 99), ms.length);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "n/a";
    }
  }

  private static double pct(double[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
