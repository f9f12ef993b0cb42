package org.paperlens.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.time.Clock;
import org.paperlens.index.PaperIndex;
import org.paperlens.app.IndexBackend;
import org.paperlens.app.PaperLens;
import org.paperlens.common.BadInputException;
import org.paperlens.config.Config;
import org.paperlens.embed.Encoder;
import org.paperlens.eval.MarkedSection;
import org.paperlens.eval.Metrics;
import org.paperlens.eval.ScoredDoc;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexHit;
import org.paperlens.index.VectorLookup;
import org.paperlens.paper.PaperId;
import org.paperlens.related.RelatedPapers;
import org.paperlens.search.Fusion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "eval-related", mixinStandardHelpOptions = true,
    description = {"Measure related papers by citation prediction.",
        "For every paper with citation links,",
        "rank the rest of the corpus and score how well its linked papers (citing or cited) come first.",
        "Reports nDCG@10 and Recall@10 for dense-only, lexical-only and combined rankings."})
final class EvalRelatedCommand implements Callable<Integer> {

  @CommandLine.ParentCommand
  Main main;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--corpus", required = true, paramLabel = "FILE", description = "corpus.jsonl (_id, text).")
  Path corpus;

  @Option(names = "--links", required = true, paramLabel = "FILE", description = "citations.tsv (citing-id cited-id, header line).")
  Path links;

  @Option(names = "--weights", split = ",", defaultValue = "0.4", paramLabel = "W",
      description = "Keyword weights of the combined ranking to report (default ${DEFAULT-VALUE}).")
  List<Float> weights;

  @CommandLine.Mixin
  Truncation truncation = new Truncation();

  @Option(names = "--report", paramLabel = "FILE", description = "Write the table into this Markdown page.")
  Path report;

  @Override
  public Integer call() throws Exception {
    Encoder.Options encoderOptions = truncation.defaults(); // refuses a bad --max-tokens before anything is written
    Config base = main.config();
    String dataset = truncation.dataset(corpus.toAbsolutePath().normalize().getParent().getFileName().toString(), base.model());
    Config config = base.withDataDir(base.dataDir().resolve("eval").resolve(dataset));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    err.println("paperlens: " + config.describe());
    Map<String, Map<String, Integer>> linked = readLinks(links);
    Map<String, Fusion> modes = new LinkedHashMap<>();
    modes.put("dense", new Fusion.WeightedScores(0f));
    modes.put("lexical", new Fusion.WeightedScores(1f));
    for (float w : weights) {
      modes.put("combined:w" + w, new Fusion.WeightedScores(w));
    }
    StringBuilder table = new StringBuilder("| ranking | nDCG@10 | Recall@10 | papers |\n|---|---:|---:|---:|\n");
    try (PaperLens root = PaperLens.builder(config, IndexBackend.embedded(config), Clock.systemUTC())
        .encoderOptions(encoderOptions).build()) {
      VectorLookup vectors = EvalCorpus.prepare(root, true, corpus, dataset, err);
      PaperIndex index = root.index();
      String prefix = dataset + ":";
      for (var mode : modes.entrySet()) {
        RelatedPapers related = new RelatedPapers(index, vectors, mode.getValue());
        double ndcg = 0;
        double recall = 0;
        int n = 0;
        for (var e : linked.entrySet()) {
          PaperId id = new PaperId(prefix + e.getKey());
          if (index.get(id).isEmpty()) {
            continue;
          }
          List<ScoredDoc> ranking = new ArrayList<>();
          for (IndexHit h : related.rank(id, Filters.NONE, 10)) {
            ranking.add(new ScoredDoc(h.id().value().substring(prefix.length()), h.score()));
          }
          ndcg += Metrics.ndcg(ranking, e.getValue(), 10);
          recall += Metrics.recall(ranking, e.getValue(), 10);
          n++;
        }
        String row = String.format("| %s | %.4f | %.4f | %,d |", mode.getKey(), ndcg / n, recall / n, n);
        out.println(row);
        out.flush();
        table.append(row).append('\n');
      }
    }
    if (report != null) {
      String body = "## Related papers: citation prediction on " + dataset + "\n\n"
          + "For each paper with at least one citation link (either direction), the related-papers ranking over the"
          + " rest of the corpus, top 10; its linked papers are the relevant ones (grade 1). Model "
          + config.model().configName() + ", " + LocalDate.now() + ".\n\n" + table
          + "\nCommand: `bin/paperlens eval-related" + truncation.flag() + " --corpus " + corpus + " --links " + links + " --weights "
          + weights.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("") + " --report " + report + "`\n";
      MarkedSection.writeInto(report, "related-" + dataset, body, "# Relevance");
    }
    return 0;
  }

  /** Undirected: a paper is linked to the papers it cites and to those citing it. */
  static Map<String, Map<String, Integer>> readLinks(Path file) throws Exception {
    Map<String, Map<String, Integer>> out = new HashMap<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 1; i < lines.size(); i++) {
      String[] parts = lines.get(i).strip().split("\\s+");
      if (parts.length == 1 && parts[0].isEmpty()) {
        continue;
      }
      if (parts.length != 2) {
        throw new BadInputException(file + ":" + (i + 1), "expected 'citing-id cited-id', found '" + lines.get(i) + "'");
      }
      if (!parts[0].equals(parts[1])) {
        out.computeIfAbsent(parts[0], k -> new HashMap<>()).put(parts[1], 1);
        out.computeIfAbsent(parts[1], k -> new HashMap<>()).put(parts[0], 1);
      }
    }
    return out;
  }
}
