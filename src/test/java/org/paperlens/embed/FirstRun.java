package org.paperlens.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.paperlens.eval.MarkedSection;

/**
 * Benchmark {@code bench/first-run}: the README's run command on a fresh data directory, polled at
 * {@code /api/v1/status} until every paper is searchable by meaning, beside plain ONNX Runtime (the
 * {@code bench/embed-ratio} reference, on all cores) embedding a sample of the same texts in the
 * same run, extrapolated to the same count. Writes the curve, the ratio and the machine's load to
 * docs/benchmarks.md and the plot to docs/first-run.svg.
 *
 * <p>Arguments: the listings folder, the number of newest listings to serve (0: the whole folder),
 * a scratch directory, the benchmarks page.
 */
public final class FirstRun {

  private static final int SAMPLE = 3_000;
  private static final int BATCH = 8;
  private static final long POLL_MILLIS = 3_000;

  /** One poll: seconds since the command started, papers searchable by keyword and by meaning, the load average. */
  record Point(double seconds, long keyword, long meaning, double load) {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    int limit = Integer.parseInt(args[1]);
    Path work = Path.of(args[2]);
    Path doc = Path.of(args[3]);
    Path watch = folder;
    List<String> lines = newest(folder, limit == 0 ? Integer.MAX_VALUE : limit);
    if (limit > 0) {
      watch = Files.createDirectories(work.resolve("watch"));
      Files.write(watch.resolve("newest.jsonl"), lines);
    }
    Path data = work.resolve("data");
    if (Files.exists(data)) {
      throw new IllegalStateException(data + " exists: the benchmark needs a fresh data directory");
    }
    long total = lines.size();
    double startLoad = load();
    long start = System.nanoTime();
    ProcessBuilder pb = new ProcessBuilder("bin/paperlens", "--data", data.toString(), "serve", "--port", "0", "--watch",
        watch.toString()).redirectErrorStream(true).redirectOutput(work.resolve("serve.log").toFile());
    Process serve = pb.start();
    List<Point> curve = new ArrayList<>();
    try {
      String url = awaitUrl(work.resolve("serve.log"), serve);
      HttpClient http = HttpClient.newHttpClient();
      ObjectMapper json = new ObjectMapper();
      while (true) {
        JsonNode st = json.readTree(http.send(HttpRequest.newBuilder(URI.create(url + "api/v1/status")).build(),
            HttpResponse.BodyHandlers.ofString()).body());
        Point p = new Point((System.nanoTime() - start) / 1e9, st.get("papers").asLong(), st.get("embedded").asLong(), load());
        curve.add(p);
        System.err.printf(Locale.ROOT, "first-run: %.0f s, %,d by keyword, %,d by meaning of %,d, load %.2f%n", p.seconds(),
            p.keyword(), p.meaning(), total, p.load());
        if (p.keyword() >= total && p.meaning() >= total) {
          break;
        }
        Thread.sleep(POLL_MILLIS);
      }
    } finally {
      serve.destroy();
      serve.waitFor();
    }
    double full = curve.get(curve.size() - 1).seconds();
    double keyword = curve.stream().filter(p -> p.keyword() >= total).findFirst().orElseThrow().seconds();
    double refRate = reference(lines);
    double refSeconds = total / refRate;
    write(doc, curve, total, limit, full, keyword, refRate, refSeconds, startLoad);
    svg(doc.resolveSibling("first-run.svg"), curve, total, refSeconds);
  }

  /** The newest {@code n} records of the folder's files (each file is in listing order, oldest first). */
  static List<String> newest(Path folder, int n) throws Exception {
    List<String> all = new ArrayList<>();
    try (var files = Files.list(folder)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".jsonl.gz")).sorted().toList()) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)),
            StandardCharsets.UTF_8))) {
          r.lines().filter(l -> !l.isBlank()).forEach(all::add);
        }
      }
    }
    return all.size() <= n ? all : new ArrayList<>(all.subList(all.size() - n, all.size()));
  }

  /** Plain ONNX Runtime's papers/s on every core, over {@value #SAMPLE} of the texts spread evenly through them. */
  private static double reference(List<String> lines) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    int step = Math.max(1, lines.size() / SAMPLE);
    for (int i = 0; i < lines.size() && texts.size() < SAMPLE; i += step) {
      JsonNode r = json.readTree(lines.get(i));
      texts.add(EmbeddedText.of(r.path("title").asText(""), r.path("summary").asText("")).text());
    }
    int threads = Runtime.getRuntime().availableProcessors();
    try (PlainOnnxRuntime ref = new PlainOnnxRuntime(EmbeddingModel.BGE_SMALL_EN_V15_Q, threads)) {
      ref.embed(texts.subList(0, Math.min(64, texts.size())), BATCH); // warm up
      long t = System.nanoTime();
      ref.embed(texts, BATCH);
      return texts.size() / ((System.nanoTime() - t) / 1e9);
    }
  }

  private static void write(Path doc, List<Point> curve, long total, int limit, double full, double keyword, double refRate,
      double refSeconds, double startLoad) throws Exception {
    StringBuilder b = new StringBuilder("## First run: keyword and meaning coverage from a fresh start\n\n");
    b.append(String.format(Locale.ROOT, "`bench/first-run%s` on %s (%d cores), load average %.2f at the start and %.2f at the end"
        + " (other work on the machine counts against paperlens and the reference alike, but not equally: the reference ran after"
        + " the server, in %.0f s). `bin/paperlens serve --watch` on a fresh data directory, %s; polled at `/api/v1/status` every"
        + " %d s.%n%n", limit > 0 ? " --limit " + limit : "", hardware(),
        Runtime.getRuntime().availableProcessors(), startLoad, load(), Math.min(SAMPLE, total) / refRate,
        limit > 0 ? String.format("the newest %,d listings", total) : String.format("all %,d listings", total), POLL_MILLIS / 1000));
    b.append(String.format(Locale.ROOT, "| | time |%n|---|---:|%n| all %,d searchable by keyword | %.0f s |%n"
        + "| all %,d searchable by meaning | %.0f s (%.1f min) |%n"
        + "| plain ONNX Runtime, same model, all cores, batches of %d: %.1f papers/s on %,d of the texts, extrapolated to %,d | %.0f s |%n"
        + "| **ratio (meaning coverage / reference)** | **%.2f** |%n%n", total, keyword, total, full, full / 60, BATCH, refRate,
        Math.min(SAMPLE, total), total, refSeconds, full / refSeconds));
    b.append("Coverage against time ([plot](first-run.svg)):\n\n| seconds | by keyword | by meaning | load |\n|---:|---:|---:|---:|\n");
    int every = Math.max(1, curve.size() / 30);
    for (int i = 0; i < curve.size(); i++) {
      if (i % every == 0 || i == curve.size() - 1) {
        Point p = curve.get(i);
        b.append(String.format(Locale.ROOT, "| %.0f | %,d | %,d | %.2f |%n", p.seconds(), p.keyword(), p.meaning(), p.load()));
      }
    }
    MarkedSection.writeInto(doc, "first-run", b.toString(), "# Benchmarks");
  }

  /** The curve as a small SVG line chart: keyword and meaning coverage, and the reference's time as a vertical line. */
  private static void svg(Path file, List<Point> curve, long total, double refSeconds) throws Exception {
    double maxT = Math.max(curve.get(curve.size() - 1).seconds(), refSeconds) * 1.05;
    int w = 640;
    int h = 360;
    int left = 60;
    int bottom = 40;
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n"
            + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", w, h));
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", left, h - bottom, w - 10, h - bottom));
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"10\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", left, left, h - bottom));
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">time (min), 0 to %.1f</text>%n", w / 2 - 50, h - 10, maxT / 60));
    s.append(String.format(Locale.ROOT, "<text x=\"5\" y=\"20\">%,d</text><text x=\"40\" y=\"%d\">0</text>%n", total, h - bottom));
    double rx = left + (w - 10 - left) * refSeconds / maxT;
    s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"10\" x2=\"%.1f\" y2=\"%d\" stroke=\"gray\" stroke-dasharray=\"4\"/>"
        + "<text x=\"%.1f\" y=\"24\" fill=\"gray\">plain ONNX Runtime</text>%n", rx, rx, h - bottom, rx + 4));
    for (boolean meaning : new boolean[] {false, true}) {
      StringBuilder pts = new StringBuilder();
      for (Point p : curve) {
        double x = left + (w - 10 - left) * p.seconds() / maxT;
        double y = h - bottom - (h - bottom - 10) * (double) (meaning ? p.meaning() : p.keyword()) / total;
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      }
      s.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
          meaning ? "#c0392b" : "#2471a3", pts.toString().trim()));
    }
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"44\" fill=\"#2471a3\">by keyword</text><text x=\"%d\" y=\"60\""
        + " fill=\"#c0392b\">by meaning</text>%n</svg>%n", left + 10, left + 10));
    Files.writeString(file, s);
  }

  private static String awaitUrl(Path log, Process serve) throws Exception {
    Pattern served = Pattern.compile("(http://\\S+/)");
    for (int i = 0; i < 6000 && serve.isAlive(); i++) {
      if (Files.exists(log)) {
        Matcher m = served.matcher(Files.readString(log));
        if (m.find()) {
          return m.group(1);
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("serve did not start: " + (Files.exists(log) ? Files.readString(log) : ""));
  }

  private static String hardware() throws Exception {
    return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
        .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("an unknown CPU");
  }

  private static double load() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
