package org.paperlens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.paperlens.app.PaperLens;
import org.paperlens.config.Config;
import org.paperlens.index.Filters;
import org.paperlens.paper.ArxivId;
import org.paperlens.paper.PaperId;
import org.paperlens.related.RelatedPaper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "related", mixinStandardHelpOptions = true,
    description = {"List the papers related to one paper, each with its reason.",
        "A reason names the distinctive words they share and how similar their embeddings are."})
final class RelatedCommand implements Callable<Integer> {

  @CommandLine.ParentCommand
  Main main;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "A paper id (arXiv id with or without version, or scheme:id).")
  String id;

  @Option(names = "--k", defaultValue = "10", paramLabel = "N", description = "How many (default ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--from", paramLabel = "DATE", description = "Only papers dated on or after DATE.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "Only papers dated on or before DATE.")
  LocalDate to;

  @Option(names = {"--category", "--cat"}, split = ",", paramLabel = "CAT", description = "Only papers in these categories.")
  List<String> categories = List.of();

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    Config config = main.config();
    if (k < 1 || k > 100) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--k must be between 1 and 100, was " + k);
    }
    Filters filters;
    try {
      filters = new Filters(from, to, Set.copyOf(categories), null);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PaperId paper = ArxivId.parse(id).map(ArxivId::id).orElseGet(() -> new PaperId(id.strip()));
    List<RelatedPaper> related;
    try (PaperLens root = main.root(config)) {
      related = root.related().find(paper, filters, k);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(toJson(paper, related));
    } else if (related.isEmpty()) {
      out.println("no related papers" + (filters.isEmpty() ? "" : " pass the filters"));
    } else {
      for (RelatedPaper r : related) {
        out.printf("%2d. %s  %s%n    %s%n", r.rank(), r.paper().id(), r.paper().title(), r.reason());
      }
    }
    out.flush();
    return 0;
  }

  private static String toJson(PaperId source, List<RelatedPaper> related) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("id", source.value());
    ArrayNode items = root.putArray("related");
    for (RelatedPaper r : related) {
      ObjectNode o = items.addObject();
      o.put("rank", r.rank());
      o.put("id", r.paper().id().value());
      o.put("title", r.paper().title());
      o.put("score", r.score());
      r.sharedTerms().forEach(o.withArray("sharedTerms")::add);
      if (r.similarity() != null) {
        o.put("similarity", r.similarity());
      }
      if (r.citations() != null) {
        ObjectNode c = o.putObject("citations");
        c.put("coCitations", r.citations().coCitations());
        c.put("sharedReferences", r.citations().sharedReferences());
        c.put("citationChains", r.citations().bridges());
      }
      o.put("reason", r.reason());
    }
    return root.toPrettyString();
  }
}
