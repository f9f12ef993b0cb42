package org.paperlens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.time.Clock;
import org.paperlens.index.PaperIndex;
import org.paperlens.app.IndexBackend;
import org.paperlens.app.PaperLens;
import org.paperlens.config.Config;
import org.paperlens.embed.Encoder;
import org.paperlens.eval.MarkedSection;
import org.paperlens.eval.Metrics;
import org.paperlens.eval.ScoredDoc;
import org.paperlens.index.VectorLookup;
import org.paperlens.paper.PaperId;
import org.paperlens.recommend.Method;
import org.paperlens.recommend.RecommendRequest;
import org.paperlens.recommend.Recommendation;
import org.paperlens.recommend.Recommender;
import org.paperlens.related.RelatedPapers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "eval-recommend", mixinStandardHelpOptions = true,
    description = {"Measure recommendations by recovering hidden citation links.",
        "For every paper with at least",
        "three links, hide half of its linked papers, like the paper and the rest, dislike as many random",
        "unlinked papers, and score how well the hidden ones come first (nDCG@10, Recall@20)."})
final class EvalRecommendCommand implements Callable<Integer> {

  /** Enough linked papers that half can be hidden and at least two liked papers remain. */
  static final int MIN_LINKS = 3;
  static final long SEED = 2026;

  @CommandLine.ParentCommand
  Main main;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--corpus", required = true, paramLabel = "FILE", description = "corpus.jsonl (_id, text).")
  Path corpus;

  @Option(names = "--links", required = true, paramLabel = "FILE", description = "citations.tsv (citing-id cited-id, header line).")
  Path links;

  @Option(names = "--lambdas", split = ",", defaultValue = "0.01", paramLabel = "L",
      description = "L2 penalties of the learned model to report (default ${DEFAULT-VALUE}).")
  List<Double> lambdas;

  @CommandLine.Mixin
  Truncation truncation = new Truncation();

  @Option(names = "--report", paramLabel = "FILE", description = "Write the table into this Markdown page.")
  Path report;

  /** One evaluation case: what is liked and disliked, and which papers should be found. */
  record Case(String paper, List<String> liked, List<String> disliked, Map<String, Integer> hidden) {}

  @Override
  public Integer call() throws Exception {
    Encoder.Options encoderOptions = truncation.defaults(); // refuses a bad --max-tokens before anything is written
    Config base = main.config();
    String dataset = truncation.dataset(corpus.toAbsolutePath().normalize().getParent().getFileName().toString(), base.model());
    Config config = base.withDataDir(base.dataDir().resolve("eval").resolve(dataset));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    err.println("paperlens: " + config.describe());
    Map<String, Map<String, Integer>> linked = EvalRelatedCommand.readLinks(links);
    StringBuilder table = new StringBuilder(
        "| method | nDCG@10 | Recall@20 | cases | mean CPU ms |\n|---|---:|---:|---:|---:|\n");
    int cases;
    try (PaperLens root = PaperLens.builder(config, IndexBackend.embedded(config), Clock.systemUTC())
        .encoderOptions(encoderOptions).build()) {
      VectorLookup vectors = EvalCorpus.prepare(root, true, corpus, dataset, err);
      PaperIndex index = root.index();
      String prefix = dataset + ":";
      List<String> corpusIds = new ArrayList<>();
      for (String id : new java.util.TreeSet<>(linked.keySet())) {
        if (index.get(new PaperId(prefix + id)).isPresent()) {
          corpusIds.add(id);
        }
      }
      List<Case> all = cases(linked, corpusIds);
      cases = all.size();
      err.printf("%,d papers with at least %d links in the index%n", cases, MIN_LINKS);
      RelatedPapers related = new RelatedPapers(index, vectors, config.fusion());
      Map<String, Recommender.Settings> rows = new java.util.LinkedHashMap<>();
      for (double lambda : lambdas) {
        rows.put("learned (λ=" + lambda + ")", new Recommender.Settings(lambda, Recommender.Settings.DEFAULT.background()));
      }
      rows.put("centroid", Recommender.Settings.DEFAULT);
      rows.put("related papers of the seed paper alone", Recommender.Settings.DEFAULT);
      var threads = java.lang.management.ManagementFactory.getThreadMXBean();
      for (var row : rows.entrySet()) {
        Recommender recommender = new Recommender(index, related, row.getValue());
        Method method = row.getKey().startsWith("centroid") ? Method.CENTROID : Method.LEARNED;
        boolean seedOnly = row.getKey().startsWith("related");
        double ndcg = 0;
        double recall = 0;
        long nanos = 0;
        for (Case c : all) {
          Set<String> known = new HashSet<>(c.liked());
          known.addAll(c.disliked());
          List<PaperId> likes = (seedOnly ? List.of(c.paper()) : c.liked()).stream().map(i -> new PaperId(prefix + i)).toList();
          List<PaperId> dislikes = seedOnly ? List.of() : c.disliked().stream().map(i -> new PaperId(prefix + i)).toList();
          long start = threads.getCurrentThreadCpuTime();
          List<Recommendation> items = recommender.recommend(new RecommendRequest(likes, dislikes, null, null, null,
              20 + known.size(), method)).items();
          nanos += threads.getCurrentThreadCpuTime() - start;
          List<ScoredDoc> ranking = new ArrayList<>();
          for (Recommendation r : items) {
            String id = r.paper().id().value().substring(prefix.length());
            if (!known.contains(id) && ranking.size() < 20) {
              ranking.add(new ScoredDoc(id, r.score()));
            }
          }
          ndcg += Metrics.ndcg(ranking, c.hidden(), 10);
          recall += Metrics.recall(ranking, c.hidden(), 20);
        }
        String line = String.format("| %s | %.4f | %.4f | %,d | %.1f |", row.getKey(), ndcg / cases, recall / cases,
            cases, nanos / 1e6 / cases);
        out.println(line);
        out.flush();
        table.append(line).append('\n');
      }
    }
    if (report != null) {
      String body = "## Recommendations: recovering hidden citation links on " + dataset + "\n\n"
          + protocol(cases) + " Model " + config.model().configName() + ", " + LocalDate.now() + ".\n\n" + table
          + "\nCommand: `bin/paperlens eval-recommend" + truncation.flag() + " --corpus " + corpus + " --links " + links + " --lambdas "
          + lambdas.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("") + " --report " + report + "`\n";
      MarkedSection.writeInto(report, "recommend-" + dataset, body, "# Relevance");
    }
    return 0;
  }

  private static String protocol(int cases) {
    return "Protocol (fixed seed " + SEED + "): citation links are undirected; the " + String.format("%,d", cases)
        + " papers with at least " + MIN_LINKS + " linked papers are the cases, in id order. For each, its linked"
        + " papers (sorted by id) are shuffled and half of them, rounded down, are hidden. The liked papers are the"
        + " paper itself and its other linked papers; the disliked papers are as many, drawn at random from the"
        + " papers outside its neighbourhood. Every other paper of the corpus is a candidate (no date window). The"
        + " top 20 recommendations, liked and disliked papers left out, are scored against the hidden papers"
        + " (grade 1): nDCG@10 and Recall@20, trec_eval definitions, averaged over cases. \"mean CPU ms\" is the"
        + " mean CPU time of one request (its thread's), feature reading and training included, on the machine of"
        + " docs/benchmarks.md."
        + " The last row ranks the related papers of the paper alone (no likes or dislikes besides it).";
  }

  /** Deterministic: ids in sorted order, one seeded generator. */
  static List<Case> cases(Map<String, Map<String, Integer>> linked, List<String> corpusIds) {
    Set<String> inIndex = new HashSet<>(corpusIds);
    Random random = new Random(SEED);
    List<Case> out = new ArrayList<>();
    for (var e : new TreeMap<>(linked).entrySet()) {
      if (!inIndex.contains(e.getKey())) {
        continue;
      }
      List<String> neighbours = new ArrayList<>(new java.util.TreeSet<>(e.getValue().keySet()));
      neighbours.retainAll(inIndex);
      if (neighbours.size() < MIN_LINKS) {
        continue;
      }
      java.util.Collections.shuffle(neighbours, random);
      int hide = neighbours.size() / 2;
      Map<String, Integer> hidden = new HashMap<>();
      neighbours.subList(0, hide).forEach(h -> hidden.put(h, 1));
      List<String> liked = new ArrayList<>();
      liked.add(e.getKey());
      liked.addAll(neighbours.subList(hide, neighbours.size()));
      Set<String> disliked = new LinkedHashSet<>();
      while (disliked.size() < liked.size()) {
        String pick = corpusIds.get(random.nextInt(corpusIds.size()));
        if (!pick.equals(e.getKey()) && !e.getValue().containsKey(pick)) {
          disliked.add(pick);
        }
      }
      out.add(new Case(e.getKey(), liked, List.copyOf(disliked), hidden));
    }
    return out;
  }
}
