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
import org.paperlens.html.Html;
import org.paperlens.index.Filters;
import org.paperlens.index.Match;
import org.paperlens.search.SearchHit;
import org.paperlens.search.SearchMode;
import org.paperlens.search.SearchRequest;
import org.paperlens.search.SearchResult;
import org.paperlens.search.SortOrder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "search", mixinStandardHelpOptions = true,
    description = {"Search the index by keyword, by meaning, or both.",
        "Keyword syntax: free text, \"phrases\", ti: abs: au: cat: fields, AND / OR / NOT, parentheses.",
        "Words with no operator between them must all be in a paper (--match all, the default); OR, or --match any, finds any.",
        "An exact arXiv id or exact title puts that paper first."})
final class SearchCommand implements Callable<Integer> {

  @CommandLine.ParentCommand
  Main main;

  @Parameters(paramLabel = "QUERY", description = "The query (quote it).")
  String query;

  @Option(names = "--mode", defaultValue = "hybrid", paramLabel = "MODE",
      description = "keyword, semantic or hybrid (default ${DEFAULT-VALUE}).")
  String mode;

  @Option(names = "--sort", defaultValue = "relevance", paramLabel = "ORDER",
      description = {"relevance, date (newest first), votes (most upvoted first) or citations (most cited first, unknown",
          "counts last) (default ${DEFAULT-VALUE}). date, votes and citations order the 1,000 most relevant hits;",
          "ties keep their relevance order."})
  String sort;

  @Option(names = "--match", defaultValue = "all", paramLabel = "all|any",
      description = {"all: a paper must have every word of the query (default); any: one word is enough, as if joined",
          "by OR, ranked by BM25. Explicit AND / OR / NOT mean the same under both."})
  String match;

  @Option(names = "--from", paramLabel = "DATE", description = "Only papers dated on or after DATE (YYYY-MM-DD).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "Only papers dated on or before DATE.")
  LocalDate to;

  @Option(names = {"--category", "--cat"}, paramLabel = "CAT", split = ",",
      description = "Only papers in any of these arXiv categories (e.g. cs.LG,cs.CL).")
  List<String> categories = List.of();

  @Option(names = "--author", paramLabel = "NAME", description = "Only papers with this author.")
  String author;

  @Option(names = "--limit", defaultValue = "10", paramLabel = "N", description = "Results per page (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--offset", defaultValue = "0", paramLabel = "N", description = "Results to skip (default ${DEFAULT-VALUE}).")
  int offset;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    Config config = main.config();
    SearchRequest request;
    try {
      SearchMode searchMode = SearchMode.parse(mode, config.fusion());
      request = new SearchRequest(query, searchMode, new Filters(from, to, Set.copyOf(categories), author), offset, limit,
          SortOrder.parse(sort), Match.parse(match));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(main.spec.commandLine(), e.getMessage());
    }
    SearchResult result;
    // The model is loaded only when the query needs it (not for a keyword search).
    try (PaperLens root = main.root(config)) {
      result = root.searcher().search(request);
    }
    PrintWriter out = main.spec.commandLine().getOut();
    if (json) {
      out.println(toJson(result));
    } else {
      printText(out, result);
    }
    out.flush();
    return 0;
  }

  private static void printText(PrintWriter out, SearchResult r) {
    if (r.hits().isEmpty()) {
      out.println("no results" + (r.request().match() == org.paperlens.index.Match.ALL && !(r.request().mode() instanceof SearchMode.Semantic)
          ? " (no paper has all the words; --match any finds papers with some of them)" : ""));
      return;
    }
    for (SearchHit h : r.hits()) {
      var p = h.paper();
      out.printf("%2d. %s%s  %s%n", h.rank(), p.id(), h.pinned() ? " (exact match)" : "", p.title());
      // Authors, category and date, leaving out what the record lacks (a BEIR corpus has none of them).
      List<String> about = new java.util.ArrayList<>();
      if (!p.authors().isEmpty()) {
        about.add(String.join(", ", p.authors().stream().limit(4).toList()) + (p.authors().size() > 4 ? ", …" : ""));
      }
      if (p.primaryCategory() != null && !p.primaryCategory().isBlank()) {
        about.add(p.primaryCategory());
      }
      if (p.date() != null) {
        about.add(p.date().toString());
      }
      if (!about.isEmpty()) {
        out.printf("    %s%n", String.join(" · ", about));
      }
      out.printf("    %s%n", h.snippet().render(text -> text, "[", "]"));
    }
    out.printf("(%s; %.0f ms%s)%n", r.totalText(), r.millis(),
        r.more() ? "; more with --offset " + (r.request().offset() + r.request().limit()) : "");
  }

  private static String toJson(SearchResult r) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("query", r.request().query());
    root.put("mode", r.request().mode().label());
    root.put("sort", r.request().sort().label());
    root.put("match", r.request().match().label());
    root.put("total", r.total().value());
    root.put("totalExact", r.total().exact());
    root.put("offset", r.request().offset());
    root.put("limit", r.request().limit());
    root.put("more", r.more());
    root.put("millis", r.millis());
    ArrayNode hits = root.putArray("hits");
    for (SearchHit h : r.hits()) {
      ObjectNode o = hits.addObject();
      o.put("rank", h.rank());
      o.put("id", h.paper().id().value());
      o.put("title", h.paper().title());
      h.paper().authors().forEach(o.withArray("authors")::add);
      o.put("primaryCategory", h.paper().primaryCategory());
      o.put("date", h.paper().date() == null ? null : h.paper().date().toString());
      o.put("score", Float.isInfinite(h.score()) ? null : h.score());
      o.put("pinned", h.pinned());
      o.put("snippet", h.snippet().render(Html::escape, "<mark>", "</mark>")); // as the web API has it
    }
    return root.toPrettyString();
  }
}
