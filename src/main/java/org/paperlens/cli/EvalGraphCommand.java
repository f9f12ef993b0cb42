package org.paperlens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.paperlens.citation.eval.GraphEvaluation;
import org.paperlens.citation.eval.GraphTuning;
import org.paperlens.citation.eval.HeldOutLinks;
import org.paperlens.citation.eval.LinkFile;
import org.paperlens.citation.graph.GraphFusion;
import org.paperlens.citation.graph.GraphRanker;
import org.paperlens.citation.graph.GraphRelevance;
import org.paperlens.config.Config;
import java.time.Clock;
import org.paperlens.app.IndexBackend;
import org.paperlens.app.PaperLens;
import org.paperlens.embed.Encoder;
import org.paperlens.index.PaperIndex;
import org.paperlens.index.VectorLookup;
import org.paperlens.eval.MarkedSection;
import org.paperlens.index.Filters;
import org.paperlens.paper.PaperId;
import org.paperlens.related.CitationSignal;
import org.paperlens.related.RelatedPapers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eval-graph}: related papers from text, from the citation graph and fused, scored on
 * held-out citation links. Readies the corpus as eval-related does (same data directory, so the
 * vectors it stored are reused); the protocol is {@code citation.eval.HeldOutLinks}.
 */
@Command(name = "eval-graph", mixinStandardHelpOptions = true,
    description = {"Measure related papers from text, the citation graph and both, on held-out citation links.",
        "Hides a seeded share of each paper's links,",
        "builds the citation graph from the rest, and score text-only, graph-only and fused rankings on the",
        "hidden links (nDCG@10, Recall@10). Choices are tuned on half the query papers; the other half is reported."})
final class EvalGraphCommand implements Callable<Integer> {

  static final String SECTION_TITLE = "Related papers from the citation graph (CiteSeer, held-out links)";

  @CommandLine.ParentCommand
  Main main;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--corpus", required = true, paramLabel = "FILE", description = "corpus.jsonl (_id, text).")
  Path corpus;

  @Option(names = "--links", required = true, paramLabel = "FILE",
      description = "citations.tsv (citing-id cited-id, header line).")
  Path links;

  @Option(names = "--holdout", defaultValue = "0.2", paramLabel = "SHARE",
      description = "Share of each paper's links to hide (default ${DEFAULT-VALUE}).")
  double holdout;

  @Option(names = "--seed", defaultValue = "2026", paramLabel = "N",
      description = "Seed of the hiding and of the halves (default ${DEFAULT-VALUE}).")
  long seed;

  @CommandLine.Mixin
  Truncation truncation = new Truncation();

  @Option(names = "--report", paramLabel = "FILE", description = "Write the tables into this Markdown page.")
  Path report;

  @Override
  public Integer call() throws Exception {
    if (!(holdout > 0 && holdout < 1)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--holdout must be between 0 and 1, was " + holdout);
    }
    Encoder.Options encoderOptions = truncation.defaults();
    Config base = main.config();
    String dataset = truncation.dataset(corpus.toAbsolutePath().normalize().getParent().getFileName().toString(), base.model());
    Config config = base.withDataDir(base.dataDir().resolve("eval").resolve(dataset));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    err.println("paperlens: " + config.describe());
    HeldOutLinks split = HeldOutLinks.split(LinkFile.read(links, dataset + ":"), holdout, seed);
    String body;
    try (PaperLens root = PaperLens.builder(config, IndexBackend.embedded(config), Clock.systemUTC())
        .encoderOptions(encoderOptions).build()) {
      VectorLookup vectors = EvalCorpus.prepare(root, true, corpus, dataset, err);
      PaperIndex index = root.index();
        RelatedPapers text = new RelatedPapers(index, vectors, base.fusion());
        GraphEvaluation eval = new GraphEvaluation(split, q -> text.rank(q, Filters.NONE, GraphEvaluation.DEPTH));
        List<List<PaperId>> halves = split.halves(seed).stream()
            .map(h -> h.stream().filter(q -> index.get(q).isPresent()).toList()).toList();
        GraphTuning tuned = GraphTuning.on(eval, halves.get(0));
        GraphRanker.Settings settings = GraphRelevance.DEFAULT.settings();
        GraphFusion fusion = GraphRelevance.DEFAULT.fusion();
        // The fused row is the product's own code: related papers as the paper page asks for them,
        // over the graph of the visible links, told to leave out the paper's known links.
        RelatedPapers product = new RelatedPapers(index, vectors, base.fusion(), CitationSignal.of(eval.graph()));
        String best = "Best on the tuning half in this run: " + tuned.settings().label() + ", "
            + GraphTuning.label(tuned.fusion())
            + (tuned.settings().equals(settings) && tuned.fusion().equals(fusion) ? " (the defaults)."
                : "; the defaults, reported above, are " + settings.label() + ", " + GraphTuning.label(fusion) + ".");
        err.println(best);
        String tuneTable = "| ranking (tuning half) | nDCG@10 | Recall@10 | papers |\n|---|---:|---:|---:|\n"
            + String.join("\n", tuned.rows()) + "\n";
        out.print(tuneTable);
        List<PaperId> reported = halves.get(1);
        long start = System.nanoTime();
        GraphEvaluation.Score graph = eval.graph(reported, settings);
        double msPerQuery = (System.nanoTime() - start) / 1e6 / Math.max(1, reported.size());
        String table = "| ranking (reported half) | nDCG@10 | Recall@10 | papers |\n|---|---:|---:|---:|\n"
            + row("text only", eval.text(reported)) + row("graph only: " + settings.label(), graph)
            + row("fused: " + GraphTuning.label(fusion), eval.ranked(reported,
                q -> product.rank(q, Filters.NONE, GraphEvaluation.CUT, split.linkedTo(q))));
        GraphEvaluation.Score inside = eval.fused(reported, settings, fusion);
        String same = String.format("The same fusion computed inside the evaluation (GraphEvaluation.fused, as the tuning "
            + "table is) gives nDCG@10 %.4f, Recall@10 %.4f. The product's code differs from it in two places only: a paper "
            + "the graph holds nothing of and with no known link is ranked exactly as before citations (the text list fused "
            + "10 deep, not 100), and graph neighbours missing from the index are dropped.", inside.ndcg(), inside.recall());
        err.println(same);
        out.print("\n" + table);
        out.flush();
        body = "## " + SECTION_TITLE + "\n\n"
            + protocol(split, halves, eval, config) + "\n\n" + table
            + String.format("%nGraph only took %.2f ms a paper (ranking %d deep over %,d edges, one thread).%n",
                msPerQuery, GraphEvaluation.DEPTH, eval.graph().edges()) + same + "\n"
            + "\nTuning half, every variant tried. " + best + "\n\n" + tuneTable
            + "\nCommand: `bin/paperlens eval-graph" + truncation.flag() + " --corpus " + corpus + " --links " + links
            + " --holdout " + holdout + " --seed " + seed + (report == null ? "" : " --report " + report) + "`\n\n"
            + "Hardware: " + Hardware.describe() + ". Date: " + LocalDate.now() + ".\n";
    }
    if (report != null) {
      MarkedSection.writeInto(report, "graph-" + dataset, body, "# Relevance");
    }
    return 0;
  }

  private String protocol(HeldOutLinks split, List<List<PaperId>> halves, GraphEvaluation eval, Config config) {
    int hidden = split.hidden().values().stream().mapToInt(java.util.Set::size).sum() / 2;
    return String.format("Seed %d, hold-out share %s: %,d links hidden, %,d visible edges kept (%,d papers in the graph). "
        + "A link is a citation either way between two papers, owned by the citing paper; each paper hides floor(%s × n) "
        + "of its n links at random, and one more with the probability left over; a pair citing each other is one link. "
        + "Queries are the papers with at least one hidden link (%,d); their relevant papers are those at the other end of "
        + "their hidden links, either direction (as eval-related counts links). The paper and its visible links are left out "
        + "of every ranking before the top 10 is cut. The graph ranking, the fusion, its weight and the depth are the defaults "
        + "(GraphRelevance.DEFAULT, which related papers and recommendations use), chosen on a seeded half of the queries (%,d, table at the end); "
        + "the table below is the other half (%,d), untouched by those choices. "
        + "Text only is related papers as the product ranks them today (bge vector neighbours and more-like-this, fused as "
        + "search is), model %s; every list is read %d deep. The fused row is the product's code path (RelatedPapers.rank "
        + "with the graph of the visible links, leaving out the known links), not a copy of it. nDCG@10 and Recall@10 as trec_eval computes them.",
        seed, holdout, hidden, split.visible().size(), eval.graph().papers(), holdout,
        halves.get(0).size() + halves.get(1).size(), halves.get(0).size(), halves.get(1).size(),
        config.model().configName(), GraphEvaluation.DEPTH);
  }

  private static String row(String name, GraphEvaluation.Score s) {
    return String.format("| %s | %.4f | %.4f | %,d |%n", name, s.ndcg(), s.recall(), s.queries());
  }
}
