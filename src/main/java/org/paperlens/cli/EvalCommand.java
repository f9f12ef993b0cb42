package org.paperlens.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.time.Clock;
import org.paperlens.app.PaperLens;
import org.paperlens.config.Config;
import org.paperlens.embed.CatalogueEmbedder;
import org.paperlens.embed.EmbeddingModel;
import org.paperlens.embed.Encoder;
import org.paperlens.eval.Evaluation;
import org.paperlens.eval.Evaluator;
import org.paperlens.eval.Metric;
import org.paperlens.eval.Qrels;
import org.paperlens.eval.Queries;
import org.paperlens.eval.RelevanceReport;
import org.paperlens.eval.ScoredDoc;
import org.paperlens.eval.TrecRunFile;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexSettings;
import org.paperlens.index.Match;
import org.paperlens.index.QueryText;
import org.paperlens.search.Fusion;
import org.paperlens.search.SearchMode;
import org.paperlens.search.Searcher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Measure retrieval quality on a BEIR-format benchmark (e.g. SciFact).",
        "Imports the corpus into its own catalogue under DATA/eval/NAME, embeds and indexes it,",
        "runs every query in each mode and prints nDCG@10, Recall@100 and MRR@10 as trec_eval computes them.",
        "Modes: keyword, semantic, hybrid (default fusion), hybrid:rrfK (reciprocal rank, constant K),",
        "hybrid:wX (min-max scaled scores, keyword weight X in [0,1]),",
        "hybrid:wX+eY (three lists: keyword X, --second-model's list Y, the model's own list the rest),",
        "hybrid:F/G@N (fusion F for queries of at most N words, G for longer ones; e.g. hybrid:w0.3/w0.5@12)."})
final class EvalCommand implements Callable<Integer> {

  @CommandLine.ParentCommand
  Main main;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--corpus", required = true, paramLabel = "FILE", description = "BEIR corpus.jsonl.")
  Path corpus;

  @Option(names = "--queries", required = true, paramLabel = "FILE", description = "BEIR queries.jsonl.")
  Path queries;

  @Option(names = "--qrels", required = true, paramLabel = "FILE", description = "BEIR qrels TSV (e.g. qrels/test.tsv).")
  Path qrels;

  @Option(names = "--mode", split = ",", paramLabel = "MODE", defaultValue = "keyword,semantic,hybrid",
      description = "Modes to evaluate, comma-separated (default ${DEFAULT-VALUE}).")
  List<String> modes;

  @Option(names = "--model", paramLabel = "NAME", description = "Embedding model (default: the configured one).")
  String modelName;

  @Option(names = "--second-model", paramLabel = "NAME",
      description = "A second embedding model: embeds the corpus with it too (once, stored beside the first model's"
          + " vectors) and gives hybrid:wX+eY modes its exact nearest neighbours as a third list.")
  String secondModelName;

  @Option(names = "--bm25", paramLabel = "K1,B", split = ",",
      description = "BM25 parameters for this run (default: the configured ones), for tuning on a train split.")
  List<Float> bm25;

  @Option(names = "--boosts", paramLabel = "TITLE,ABSTRACT,AUTHORS", split = ",",
      description = "Keyword field weights for this run (default: the configured ones).")
  List<Float> boosts;

  @Option(names = "--match", paramLabel = "all|any", defaultValue = "any",
      description = "Which papers a query's words match (default ${DEFAULT-VALUE}: any word, ranked by BM25, the BEIR"
          + " convention the recorded figures use; search's own default is all).")
  String matchName;

  @CommandLine.Mixin
  Truncation truncation = new Truncation();

  @Option(names = "--name", paramLabel = "NAME", description = "Data set name (default: the corpus's directory).")
  String name;

  @Option(names = "--run-dir", paramLabel = "DIR", description = "Write a TREC run file per mode here.")
  Path runDir;

  @Option(names = "--report", paramLabel = "FILE", description = "Write the table into this Markdown page (e.g. docs/relevance.md).")
  Path report;

  @Option(names = "--report-section", paramLabel = "ID", description = "Section id in the report (default: NAME-SPLIT-MODEL).")
  String section;

  @Override
  public Integer call() throws Exception {
    Encoder.Options encoderOptions = truncation.defaults(); // refuses a bad --max-tokens before anything is written
    Match match;
    try {
      match = Match.parse(matchName);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Config base = main.config();
    EmbeddingModel model = modelName == null ? base.model() : EmbeddingModel.byName(modelName).orElseThrow(
        () -> new CommandLine.ParameterException(spec.commandLine(),
            "unknown model '" + modelName + "'; known: " + EmbeddingModel.names()));
    EmbeddingModel secondModel = secondModelName == null ? null : EmbeddingModel.byName(secondModelName).orElseThrow(
        () -> new CommandLine.ParameterException(spec.commandLine(),
            "unknown second model '" + secondModelName + "'; known: " + EmbeddingModel.names()));
    if (secondModel == model) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--second-model must differ from the model (" + model + ")");
    }
    String dataset = truncation.dataset(name != null ? name : corpus.toAbsolutePath().normalize().getParent().getFileName().toString()
        .toLowerCase(Locale.ROOT), model);
    List<SearchMode> searchModes = new ArrayList<>();
    for (String m : modes) {
      SearchMode parsed;
      try {
        parsed = parseMode(m, base.fusion());
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      if (secondModel == null && parsed instanceof SearchMode.Hybrid h && h.fusion().usesSecond()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "mode '" + m + "' fuses a second list: it needs --second-model");
      }
      searchModes.add(parsed);
    }
    Config config = base.withModel(model).withDataDir(base.dataDir().resolve("eval").resolve(dataset))
        .withIndexSettings(rankingSettings(base.indexSettings()));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    err.println("paperlens: " + config.describe());

    Qrels judged = Qrels.read(qrels);
    Queries asked = Queries.read(queries).restrictTo(judged);
    boolean needsVectors = searchModes.stream().anyMatch(m -> !(m instanceof SearchMode.Keyword));
    List<Evaluation> results = new ArrayList<>();
    try (PaperLens root = PaperLens.builder(config, main.indexBackend(config), Clock.systemUTC())
        .encoderOptions(encoderOptions).build();
        Encoder second = secondModel == null ? null : Encoder.open(secondModel, encoderOptions)) {
      err.println("paperlens: " + root.backend().describe());
      EvalCorpus.prepare(root, needsVectors, corpus, dataset, err);
      Map<String, float[]> queryVectors = new ConcurrentHashMap<>();
      // Each query is embedded once for all the modes.
      Searcher plain = new Searcher(root.index(), !needsVectors ? null
          : q -> queryVectors.computeIfAbsent(q, text -> root.encoder().embedQuery(text)));
      Searcher withSecond = plain;
      if (second != null) {
        var embedded = new CatalogueEmbedder(root.catalogue(), second, ConsoleProgress.forTerminal(err)).run(Long.MAX_VALUE);
        err.printf("embeddings (%s): %,d computed now, %,d already stored%n", secondModel, embedded.embedded(), embedded.upToDate());
        ExactSecondMeaning exact = new ExactSecondMeaning(root.vectorStore(), second);
        err.println("paperlens: second list: " + exact.describe());
        withSecond = plain.withSecondMeaning(exact);
      }
      Searcher searcher = withSecond;
      String prefix = dataset + ":";
      for (int i = 0; i < searchModes.size(); i++) {
        SearchMode mode = searchModes.get(i);
        Evaluation e = Evaluator.evaluate(modes.get(i), (text, k) -> searcher.retrieve(QueryText.literal(text), mode, match, Filters.NONE, k)
            .stream().map(h -> new ScoredDoc(h.id().value().substring(prefix.length()), h.score())).toList(),
            asked, judged, Metric.deepestCutoff(), ConsoleProgress.forTerminal(err));
        results.add(e);
        out.printf("%-14s nDCG@10 %.4f  Recall@100 %.4f  MRR@10 %.4f  (%d queries)%n", e.mode(),
            e.mean(Metric.NDCG_AT_10), e.mean(Metric.RECALL_AT_100), e.mean(Metric.MRR_AT_10), e.scores().queryCount());
        out.flush();
        if (runDir != null) {
          Files.createDirectories(runDir);
          TrecRunFile.write(e.run(), "paperlens-" + e.mode(), runDir.resolve(dataset + "-" + e.mode().replace(':', '-').replace('/', '_') + ".trec"));
        }
      }
    }
    if (report != null) {
      String split = qrels.getFileName().toString().replaceFirst("\\.tsv$", "");
      String id = section != null ? section : dataset + "-" + split + "-" + model.configName();
      String command = "bin/paperlens " + (main.solr != null ? "--solr " + main.solr + " " : "") + "eval" + truncation.flag() + " --corpus " + corpus + " --queries " + queries + " --qrels " + qrels
          + " --mode " + String.join(",", modes) + (match != Match.ANY ? " --match " + match.label() : "")
          + (modelName != null ? " --model " + modelName : "")
          + (secondModelName != null ? " --second-model " + secondModelName : "")
          + " --report " + report + (section != null ? " --report-section " + section : "");
      new RelevanceReport(id, dataset + " (" + split + " split, " + asked.size() + " queries), model " + model.configName(),
          command, model.configName(), LocalDate.now(), results, Anchors.forDataset(dataset, split)).writeInto(report);
      err.println("paperlens: wrote section '" + id + "' of " + report);
    }
    return 0;
  }

  private IndexSettings rankingSettings(IndexSettings configured) {
    if ((bm25 != null && bm25.size() != 2) || (boosts != null && boosts.size() != 3)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--bm25 takes K1,B and --boosts TITLE,ABSTRACT,AUTHORS");
    }
    float k1 = bm25 == null ? configured.k1() : bm25.get(0);
    float b = bm25 == null ? configured.b() : bm25.get(1);
    return new IndexSettings(k1, b, boosts == null ? configured.fieldBoosts()
        : IndexSettings.boosts(boosts.get(0), boosts.get(1), boosts.get(2)), configured.quantization(), configured.codes());
  }

  /**
   * {@code keyword}, {@code semantic}, {@code hybrid}, {@code hybrid:rrf60}, {@code hybrid:w0.3},
   * {@code hybrid:w0.3+e0.2} (three lists) or {@code hybrid:w0.3/w0.5@12} (by query length).
   */
  static SearchMode parseMode(String spec, Fusion defaultFusion) {
    String s = spec.strip().toLowerCase(Locale.ROOT);
    if (!s.startsWith("hybrid:")) {
      return SearchMode.parse(s, defaultFusion);
    }
    String fusion = s.substring("hybrid:".length());
    int at = fusion.indexOf('@');
    int slash = fusion.indexOf('/');
    if (at < 0 && slash < 0) {
      return new SearchMode.Hybrid(parseFusion(fusion));
    }
    if (at < 0 || slash < 0 || slash > at) {
      throw new IllegalArgumentException("unknown hybrid fusion '" + fusion + "'; by query length it is F/G@N, e.g. w0.3/w0.5@12");
    }
    int words;
    try {
      words = Integer.parseInt(fusion.substring(at + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("query length '" + fusion.substring(at + 1) + "' in '" + fusion + "' is not a whole number of words");
    }
    return new SearchMode.Hybrid(new Fusion.ByQueryLength(words, parseFusion(fusion.substring(0, slash)),
        parseFusion(fusion.substring(slash + 1, at))));
  }

  private static Fusion parseFusion(String fusion) {
    try {
      if (fusion.startsWith("rrf")) {
        return new Fusion.ReciprocalRank(fusion.length() == 3 ? 60 : Integer.parseInt(fusion.substring(3)));
      }
      if (fusion.startsWith("w")) {
        int plus = fusion.indexOf("+e");
        return plus < 0 ? new Fusion.WeightedScores(Float.parseFloat(fusion.substring(1)))
            : new Fusion.WeightedScores(Float.parseFloat(fusion.substring(1, plus)), Float.parseFloat(fusion.substring(plus + 2)));
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw new IllegalArgumentException("unknown hybrid fusion '" + fusion + "'; use rrfK (e.g. rrf60), wX (e.g. w0.3) or wX+eY (e.g. w0.3+e0.2)");
  }
}
