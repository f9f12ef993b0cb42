package org.paperlens.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.paperlens.bench.Hardware;
import org.paperlens.bench.Load;
import org.paperlens.eval.MarkedSection;
import org.paperlens.eval.Queries;

/**
 * Benchmark (issue 23, relevance): what each candidate model costs, beside its SciFact gain in
 * docs/relevance.md. Embeds the first N SciFact passages (title and abstract, as the catalogue
 * embeds papers) and encodes the first Q claims as queries, with each model on one intra-op thread
 * (so ONNX Runtime runs on the calling thread, whose CPU time is what is measured), batches of 8.
 * The models take turns round by round, the first of each round rotating, so a burst of other work
 * on the shared machine lands on all of them; CPU time, not wall time, is reported.
 *
 * <p>Usage: {@code SecondModelCost SCIFACT_DIR N Q [DOC]}.
 */
public final class SecondModelCost {

  private static final int ROUNDS = 3;
  private static final List<EmbeddingModel> MODELS = List.of(
      EmbeddingModel.BGE_SMALL_EN_V15_Q, EmbeddingModel.E5_SMALL_V2_Q, EmbeddingModel.BGE_SMALL_EN_V15);

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    int q = Integer.parseInt(args[2]);
    Path doc = Path.of(args.length > 3 ? args[3] : "docs/relevance.md");
    ObjectMapper json = new ObjectMapper();
    List<String> passages = new ArrayList<>();
    try (Stream<String> lines = Files.lines(dir.resolve("corpus.jsonl"))) {
      for (String line : (Iterable<String>) lines.limit(n)::iterator) {
        JsonNode d = json.readTree(line);
        passages.add(EmbeddedText.of(d.path("title").asText(""), d.path("text").asText("")).text());
      }
    }
    List<String> claims = Queries.read(dir.resolve("queries.jsonl")).all().stream().limit(q).map(Queries.Query::text).toList();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int m = MODELS.size();
    double[][] docCpu = new double[m][ROUNDS];
    double[][] queryCpu = new double[m][ROUNDS * claims.size()];
    List<Encoder> encoders = new ArrayList<>();
    try {
      for (EmbeddingModel model : MODELS) {
        Encoder e = Encoder.open(model, new Encoder.Options(1, 8));
        encoders.add(e);
        e.embedDocuments(passages.subList(0, Math.min(16, passages.size()))); // warm-up
        claims.stream().limit(10).forEach(e::embedQuery);
      }
      for (int r = 0; r < ROUNDS; r++) {
        for (int k = 0; k < m; k++) {
          int i = (r + k) % m;
          Encoder e = encoders.get(i);
          long cpu = threads.getCurrentThreadCpuTime();
          e.embedDocuments(passages);
          docCpu[i][r] = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
          for (int c = 0; c < claims.size(); c++) {
            long t = threads.getCurrentThreadCpuTime();
            e.embedQuery(claims.get(c));
            queryCpu[i][r * claims.size() + c] = (threads.getCurrentThreadCpuTime() - t) / 1e6;
          }
        }
      }
    } finally {
      encoders.forEach(Encoder::close);
    }
    StringBuilder body = new StringBuilder("## Cost of each candidate model\n\n");
    body.append(String.format("The first %,d SciFact passages (title and abstract, cut at 512 tokens) embedded and the first %d"
        + " claims encoded as queries by each model, one intra-op thread, batches of 8, %d rounds with the models taking"
        + " turns. CPU time of the embedding thread; \"papers per CPU second\" is the median round's.%n%n", passages.size(),
        claims.size(), ROUNDS));
    body.append("| model | papers per CPU second | query encoding CPU ms, p50 | p90 |\n|---|---:|---:|---:|\n");
    for (int i = 0; i < m; i++) {
      body.append(String.format("| %s | %.1f | %.1f | %.1f |%n", MODELS.get(i), passages.size() / QueryEncodeRatio.pct(docCpu[i], 50),
          QueryEncodeRatio.pct(queryCpu[i], 50), QueryEncodeRatio.pct(queryCpu[i], 90)));
    }
    body.append("\nCommand: `bench/model-cost " + n + " " + q + "`. Hardware: ").append(Hardware.describe()).append(". ").append(Load.describe()).append('\n');
    MarkedSection.writeInto(doc, "model-cost", body.toString(), "# Relevance");
    System.out.print(body);
  }
}
