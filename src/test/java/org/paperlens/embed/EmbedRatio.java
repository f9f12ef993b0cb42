package org.paperlens.embed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.paperlens.bench.Hardware;
import org.paperlens.common.Progress;
import org.paperlens.eval.MarkedSection;
import org.paperlens.ingest.ImportReport;
import org.paperlens.ingest.Importer;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;

/**
 * Benchmark (issue: speed to the hardware's limit): bulk embedding in paperlens against plain ONNX
 * Runtime on the same model file and the same texts, as a ratio measured in one run.
 *
 * <ul>
 *   <li>reference: a benchmark-only harness that calls ONNX Runtime and the Hugging Face tokenizer
 *       directly, the way their own examples do: texts sorted by token count, batches of 8, inputs
 *       in direct buffers, default session options (intra-op spinning on), CLS vector and norm;
 *   <li>encoder: paperlens's {@link Encoder} alone on the same texts;
 *   <li>pipeline: {@code paperlens embed} ({@link CatalogueEmbedder}) on a catalogue holding those
 *       papers: reads, hashing and SQLite writes included.
 * </ul>
 * The three alternate for {@code ROUNDS} rounds; medians are reported.
 *
 * <p>Usage: {@code EmbedRatio LISTINGS_JSONL_GZ N [DOC]}.
 */
public final class EmbedRatio {

  private static final int ROUNDS = 5;
  private static final int BATCH = 8;
  private static final int THREADS = 2;

  public static void main(String[] args) throws Exception {
    Path listings = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    Path doc = Path.of(args.length > 2 ? args[2] : "docs/benchmarks.md");
    EmbeddingModel model = EmbeddingModel.DEFAULT;
    Path work = Files.createTempDirectory("embed-ratio");
    Path sample = sample(listings, n, work);
    List<String> texts = new ArrayList<>();
    for (Paper p : papers(sample, work.resolve("texts"))) {
      texts.add(EmbeddedText.of(p).text());
    }
    double[][] cpu = new double[3][ROUNDS]; // process CPU seconds per paper: steadier than wall time on a shared machine
    double[] reference = new double[ROUNDS];
    double[] encoder = new double[ROUNDS];
    double[] pipeline = new double[ROUNDS];
    int meanTokens;
    try (PlainOnnxRuntime ref = new PlainOnnxRuntime(model, THREADS); Encoder enc = Encoder.open(model, new Encoder.Options(THREADS, BATCH, 0, true))) {
      meanTokens = (int) texts.stream().mapToInt(enc::tokenCount).average().orElse(0);
      ref.embed(texts.subList(0, Math.min(64, texts.size())), BATCH); // warm both up
      enc.embedDocuments(texts.subList(0, Math.min(64, texts.size())));
      for (int r = 0; r < ROUNDS; r++) {
        long t = System.nanoTime();
        long c = cpuNanos();
        ref.embed(texts, BATCH);
        reference[r] = texts.size() / ((System.nanoTime() - t) / 1e9);
        cpu[0][r] = (cpuNanos() - c) / 1e9 / texts.size();
        t = System.nanoTime();
        c = cpuNanos();
        enc.embedDocuments(texts);
        encoder[r] = texts.size() / ((System.nanoTime() - t) / 1e9);
        cpu[1][r] = (cpuNanos() - c) / 1e9 / texts.size();
        try (CatalogueStore store = CatalogueStore.open(work.resolve("round-" + r))) {
          new Importer(store, new Importer.Options(Optional.empty(), null, 1000), Progress.NONE).run(List.of(sample), new ImportReport());
          t = System.nanoTime();
          c = cpuNanos();
          EmbedReport report = new CatalogueEmbedder(store, enc, Progress.NONE).run(Long.MAX_VALUE);
          pipeline[r] = report.embedded() / ((System.nanoTime() - t) / 1e9);
          cpu[2][r] = (cpuNanos() - c) / 1e9 / report.embedded();
        }
        System.err.printf("round %d: reference %.1f, encoder %.1f, pipeline %.1f papers/s%n", r + 1, reference[r], encoder[r], pipeline[r]);
      }
    }
    double ref = median(reference);
    double enc = median(encoder);
    double pipe = median(pipeline);
    // Ratios within a round, then their median: a burst of other work on the machine hits one round
    // of all three rather than skewing one column.
    double[] encRatio = new double[ROUNDS];
    double[] pipeRatio = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      encRatio[r] = encoder[r] / reference[r];
      pipeRatio[r] = pipeline[r] / reference[r];
    }
    // The ONNX Runtime on the class path: bench/embed-ratio --onnxruntime V swaps the pom's for another version.
    String ort = ai.onnxruntime.OrtEnvironment.getEnvironment().getVersion();
    boolean pomVersion = ort.equals(System.getProperty("paperlens.pom.onnxruntime", ort));
    String body = (pomVersion ? "## Embedding against plain ONNX Runtime (issue: speed to the hardware's limit)\n\n"
        : "## Embedding against plain ONNX Runtime, with ONNX Runtime " + ort + "\n\n")
        + "ONNX Runtime " + ort + (pomVersion ? " (the pom's). " : " (in place of the pom's " + System.getProperty("paperlens.pom.onnxruntime")
        + ", `bench/embed-ratio --onnxruntime " + ort + "`). ")
        + String.format("The first %,d arXiv listings (title and abstract, mean %d tokens), %s, batches of %d, %d intra-op"
            + " threads, idle threads spinning on all three sides (ONNX Runtime's default, `paperlens embed --spin`),"
            + " %d rounds alternating the three; medians of papers/s, and the median of each round's ratio; load average"
            + " at the start " + loadAverage() + ".%n%n", texts.size(), meanTokens, model.configName(), BATCH,
            THREADS, ROUNDS)
        + "| run | papers/s | ratio to reference | CPU ms per paper |\n|---|---|---|---|\n"
        + String.format("| reference (ONNX Runtime and tokenizer called directly) | %.1f | 1.00 | %.0f |%n", ref, 1000 * median(cpu[0]))
        + String.format("| paperlens Encoder alone | %.1f | %.2f | %.0f |%n", enc, median(encRatio), 1000 * median(cpu[1]))
        + String.format("| paperlens embed (catalogue reads, hashing, SQLite writes) | %.1f | %.2f | %.0f |%n", pipe,
            median(pipeRatio), 1000 * median(cpu[2]))
        + String.format("%nPer round, reference / encoder / embed papers/s: %s.%n", IntStream.range(0, ROUNDS)
            .mapToObj(r -> String.format("%.1f / %.1f / %.1f", reference[r], encoder[r], pipeline[r]))
            .collect(java.util.stream.Collectors.joining("; ")))
        + "\nCommand: `bench/embed-ratio`. Hardware: " + Hardware.describe() + ".\n";
    MarkedSection.writeInto(doc, pomVersion ? "embed-ratio" : "embed-ratio-ort-" + ort, body, "# Benchmarks");
    System.out.print(body);
  }

  private static String loadAverage() {
    try {
      return String.join(" ", java.util.Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /** The first {@code n} records of {@code listings}, written as plain JSON Lines into {@code work}. */
  static Path sample(Path listings, int n, Path work) throws java.io.IOException {
    Path sample = work.resolve("sample.jsonl");
    try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(
        new java.util.zip.GZIPInputStream(Files.newInputStream(listings)), java.nio.charset.StandardCharsets.UTF_8))) {
      Files.write(sample, in.lines().limit(n).toList());
    }
    return sample;
  }

  /** The papers of {@code sample} as the importer reads them, through a scratch catalogue in {@code dir}. */
  static List<Paper> papers(Path sample, Path dir) throws java.io.IOException {
    List<Paper> papers = new ArrayList<>();
    try (CatalogueStore store = CatalogueStore.open(dir)) {
      new Importer(store, new Importer.Options(Optional.empty(), null, 1000), Progress.NONE).run(List.of(sample), new ImportReport());
      store.forEachLive(papers::add);
    }
    return papers;
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
