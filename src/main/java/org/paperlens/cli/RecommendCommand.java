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
import org.paperlens.recommend.Explanation;
import org.paperlens.recommend.Method;
import org.paperlens.recommend.RecommendRequest;
import org.paperlens.recommend.Recommendation;
import org.paperlens.recommend.Recommendations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "recommend", mixinStandardHelpOptions = true,
    description = {"Recommend recent papers from the papers you like (and, optionally, the ones you do not).",
        "Each comes with the words and liked papers that weigh most for it. The window ends at the newest",
        "paper in the index (or --until), so an archived catalogue still has a 'last N days'."})
final class RecommendCommand implements Callable<Integer> {

  @CommandLine.ParentCommand
  Main main;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--like", arity = "1..*", split = ",", paramLabel = "ID", description = "Papers you like.")
  List<String> like = List.of();

  @Option(names = "--dislike", arity = "1..*", split = ",", paramLabel = "ID", description = "Papers you do not want more of.")
  List<String> dislike = List.of();

  @Option(names = "--since", defaultValue = "30", paramLabel = "DAYS",
      description = "Candidates are the papers of the last DAYS days (default ${DEFAULT-VALUE}).")
  int since;

  @Option(names = "--until", paramLabel = "DATE", description = "Last day of the window (default: the newest paper's date).")
  LocalDate until;

  @Option(names = {"--category", "--cat"}, split = ",", paramLabel = "CAT", description = "Only candidates in these categories.")
  List<String> categories = List.of();

  @Option(names = "--k", defaultValue = "10", paramLabel = "N", description = "How many (default ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--method", defaultValue = "learned", paramLabel = "M",
      description = "learned (logistic regression, default) or centroid.")
  String method;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    Config config = main.config();
    if (k < 1 || k > 100) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--k must be between 1 and 100, was " + k);
    }
    RecommendRequest request;
    try {
      request = new RecommendRequest(ids(like), ids(dislike), since, until,
          new Filters(null, null, Set.copyOf(categories), null), k, Method.parse(method));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Recommendations result;
    try (PaperLens root = main.root(config)) {
      result = root.recommender().recommend(request);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(toJson(result));
    } else {
      result.notes().forEach(n -> out.println("note: " + n));
      if (result.items().isEmpty()) {
        out.println("no recommendations: " + result.emptyReason());
      } else {
        if (result.method().equals("related")) {
          out.printf("%d related papers%s:%n", result.items().size(), window(result));
        } else {
          out.printf("%d of %,d candidates%s, by %s:%n", result.items().size(), result.candidates(), window(result),
              result.method());
        }
        for (Recommendation r : result.items()) {
          out.printf("%2d. %s  %s%n    %s%n", r.rank(), r.paper().id(), r.paper().title(), r.explanation().reason());
        }
      }
    }
    out.flush();
    return 0;
  }

  private static List<PaperId> ids(List<String> raw) {
    return raw.stream().filter(s -> !s.isBlank())
        .map(s -> ArxivId.parse(s).map(ArxivId::id).orElseGet(() -> new PaperId(s.strip()))).toList();
  }

  private static String window(Recommendations r) {
    if (r.from() != null) {
      return " listed " + r.from() + " to " + r.to();
    }
    return r.to() != null ? " listed up to " + r.to() : "";
  }

  private static String toJson(Recommendations result) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("method", result.method());
    root.put("from", result.from() == null ? null : result.from().toString());
    root.put("to", result.to() == null ? null : result.to().toString());
    root.put("candidates", result.candidates());
    if (result.emptyReason() != null) {
      root.put("emptyReason", result.emptyReason());
    }
    result.notes().forEach(root.putArray("notes")::add);
    ArrayNode items = root.putArray("recommendations");
    for (Recommendation r : result.items()) {
      ObjectNode o = items.addObject();
      o.put("rank", r.rank());
      o.put("id", r.paper().id().value());
      o.put("title", r.paper().title());
      o.put("date", r.paper().date() == null ? null : r.paper().date().toString());
      o.put("score", r.score());
      ObjectNode why = o.putObject("explanation");
      r.explanation().terms().forEach(why.putArray("terms")::add);
      ArrayNode liked = why.putArray("likedPapers");
      for (Explanation.LikedPaper p : r.explanation().likedPapers()) {
        ObjectNode l = liked.addObject();
        l.put("id", p.id().value());
        l.put("title", p.title());
        if (p.similarity() != null) {
          l.put("similarity", p.similarity());
        }
      }
      ArrayNode cited = why.putArray("citations");
      for (Explanation.Cited c : r.explanation().citations()) {
        ObjectNode l = cited.addObject();
        l.put("with", c.id().value());
        l.put("coCitations", c.evidence().coCitations());
        l.put("sharedReferences", c.evidence().sharedReferences());
        l.put("citationChains", c.evidence().bridges());
      }
      why.put("reason", r.explanation().reason());
    }
    return root.toPrettyString();
  }
}
