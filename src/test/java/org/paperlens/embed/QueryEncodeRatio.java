package org.paperlens.embed;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.paperlens.bench.Hardware;
import org.paperlens.bench.Load;
import org.paperlens.eval.MarkedSection;
import org.paperlens.paper.Paper;
import org.paperlens.search.BoundedQueryEncoder;
import org.paperlens.search.QueryEncoder;

/**
 * Benchmark (issue: speed to the hardware's limit): encoding one search query in paperlens against
 * plain ONNX Runtime on one thread, same model file, same query text, as a ratio measured in one
 * run. Each query is a listed paper's title behind bge's query instruction (about 26 tokens);
 * paperlens's side is the path {@code serve} takes: a one-thread {@link Encoder} behind
 * {@link BoundedQueryEncoder}. The two alternate query by query, which one goes first alternating
 * too, so a burst of other work on the machine lands on both.
 *
 * <p>Usage: {@code QueryEncodeRatio LISTINGS_JSONL_GZ N [DOC]}.
 */
public final class QueryEncodeRatio {

  private static final int ROUNDS = 5;
  private static final int WARMUP = 100;

  public static void main(String[] args) throws Exception {
    Path listings = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    Path doc = Path.of(args.length > 2 ? args[2] : "docs/benchmarks.md");
    EmbeddingModel model = EmbeddingModel.DEFAULT;
    Path work = Files.createTempDirectory("query-ratio");
    List<String> titles = EmbedRatio.papers(EmbedRatio.sample(listings, n, work), work.resolve("texts")).stream()
        .map(Paper::title).filter(t -> t != null && !t.isBlank()).toList();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int calls = titles.size() * ROUNDS;
    double[][] wall = new double[2][calls];
    double[][] cpu = new double[2][calls];
    double[] ratio = new double[calls];
    int meanTokens;
    try (PlainOnnxRuntime ref = new PlainOnnxRuntime(model, 1); Encoder enc = Encoder.open(model, new Encoder.Options(1, 8))) {
      QueryEncoder served = new BoundedQueryEncoder(enc::embedQuery, Runtime.getRuntime().availableProcessors());
      meanTokens = (int) titles.stream().mapToInt(t -> enc.tokenCount(model.queryInstruction() + t)).average().orElse(0);
      for (int i = 0; i < WARMUP; i++) {
        String t = titles.get(i % titles.size());
        ref.embedOne(model.queryInstruction() + t);
        served.embedQuery(t);
      }
      for (int c = 0; c < calls; c++) {
        String title = titles.get(c % titles.size());
        for (int side : c % 2 == 0 ? new int[] {0, 1} : new int[] {1, 0}) {
          long t = System.nanoTime();
          long cp = threads.getCurrentThreadCpuTime();
          if (side == 0) {
            ref.embedOne(model.queryInstruction() + title);
          } else {
            served.embedQuery(title);
          }
          cpu[side][c] = (threads.getCurrentThreadCpuTime() - cp) / 1e6;
          wall[side][c] = (System.nanoTime() - t) / 1e6;
        }
        ratio[c] = wall[1][c] / wall[0][c];
      }
    }
    String body = "## Query encoding against plain ONNX Runtime (issue: speed to the hardware's limit)\n\n"
        + String.format("One query at a time: the titles of the first %,d arXiv listings behind bge's query instruction"
            + " (mean %d tokens), %s, one intra-op thread, %d rounds (%,d calls a side), the two sides alternating call by"
            + " call. Milliseconds per query; CPU is the calling thread's (with one intra-op thread ONNX Runtime runs"
            + " the graph on it).%n%n", titles.size(), meanTokens, model.configName(), ROUNDS, calls)
        + "| side | p50 ms | p90 ms | p99 ms | CPU p50 ms |\n|---|---|---|---|---|\n"
        + row("reference (ONNX Runtime and tokenizer called directly)", wall[0], cpu[0])
        + row("paperlens (Encoder behind BoundedQueryEncoder, as `serve` runs it)", wall[1], cpu[1])
        + String.format("%nRatio paperlens / reference: %.2f of the p50s; median of the per-query ratios %.2f (target ≤ 1.3).%n",
            pct(wall[1], 50) / pct(wall[0], 50), pct(ratio, 50))
        + "\nCommand: `bench/query-ratio`. Hardware: " + Hardware.describe() + ". " + Load.describe() + "\n";
    MarkedSection.writeInto(doc, "query-ratio", body, "# Benchmarks");
    System.out.print(body);
  }

  private static String row(String side, double[] wall, double[] cpu) {
    return String.format("| %s | %.2f | %.2f | %.2f | %.2f |%n", side, pct(wall, 50), pct(wall, 90), pct(wall, 99), pct(cpu, 50));
  }

  static double pct(double[] xs, int p) {
    double[] s = xs.clone();
    Arrays.sort(s);
    int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
    return s[Math.max(0, Math.min(s.length - 1, i))];
  }
}
