package org.paperlens.mcp;

import static org.paperlens.mcp.Schema.array;
import static org.paperlens.mcp.Schema.date;
import static org.paperlens.mcp.Schema.input;
import static org.paperlens.mcp.Schema.integer;
import static org.paperlens.mcp.Schema.object;
import static org.paperlens.mcp.Schema.oneOf;
import static org.paperlens.mcp.Schema.props;
import static org.paperlens.mcp.Schema.string;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexedPaper;
import org.paperlens.recommend.Method;
import org.paperlens.recommend.RecommendRequest;
import org.paperlens.recommend.Recommendation;
import org.paperlens.recommend.Recommendations;
import org.paperlens.related.RelatedPaper;
import org.paperlens.search.SearchHit;
import org.paperlens.search.SearchMode;
import org.paperlens.search.SearchRequest;
import org.paperlens.search.SearchResult;
import org.paperlens.search.SortOrder;

/** The tools that find papers: search, related papers and recommendations. */
final class ReadingTools {

  private final Services services;

  ReadingTools(Services services) {
    this.services = services;
  }

  List<AgentTool> tools() {
    return List.of(search(), related(), recommend());
  }

  private static final Map<String, Object> CATEGORIES = array("Only papers in any of these arXiv categories (cross-lists count),"
      + " e.g. [\"cs.LG\", \"cs.CL\"].", string(null, 40), 20);

  private AgentTool search() {
    List<String> sorts = Arrays.stream(SortOrder.values()).map(SortOrder::label).toList();
    Map<String, Object> in = input(props(
        "query", string("Keyword syntax: free text, \"phrases\", fields ti: abs: au: cat:, AND / OR / NOT, parentheses."
            + " An exact arXiv id or title puts that paper first. In semantic mode the text is matched by meaning.", 1000),
        "mode", oneOf("keyword (words), semantic (meaning) or hybrid (both fused).", List.of("keyword", "semantic", "hybrid"),
            "hybrid"),
        "sort", oneOf("relevance, or the most relevant hits reordered (date: newest first).", sorts, "relevance"),
        "from", date("Only papers dated on or after this day."), "to", date("Only papers dated on or before this day."),
        "categories", CATEGORIES, "author", string("Only papers with this author (a name or part of one).", 200),
        "limit", integer("How many hits.", 1, 50, 10),
        "offset", integer("Hits to skip, for the next page.", 0, SearchRequest.MAX_OFFSET, 0)), "query");
    Map<String, Object> out = object(props(
        "query", string(null), "mode", string(null), "sort", string(null),
        "total", Schema.integer("How many papers match (for a semantic search, how many were ranked); a lower bound when"
            + " totalExact is false."),
        "totalExact", Schema.bool("False when counting stopped at 1,000 matches: there are at least total (shown as 1,000+)."),
        "more", Schema.bool("Whether there are more hits past this page (ask again with a larger offset)."),
        "hits", array(null, Shapes.HIT)), "query", "mode", "total", "totalExact", "more", "hits");
    return new AgentTool("search", "Search papers",
        "Search the catalogue of research papers by keyword, by meaning, or both, with filters; each hit has a snippet"
            + " with the matched words marked. Use 'paper' with a hit's id for the abstract and links.",
        in, out, AgentTool.Effect.READS, (args, caller) -> {
          SearchRequest request;
          try {
            request = new SearchRequest(args.required("query"),
                SearchMode.parse(orDefault(args.text("mode"), "hybrid"), services.fusion()),
                new Filters(args.date("from"), args.date("to"), Set.copyOf(args.texts("categories")), args.text("author")),
                args.integer("offset", 0, 0, SearchRequest.MAX_OFFSET), args.integer("limit", 10, 1, 50),
                SortOrder.parse(orDefault(args.text("sort"), "relevance")));
          } catch (IllegalArgumentException e) {
            throw new ToolError(e.getMessage());
          }
          SearchResult r = services.searcher().search(request);
          Map<org.paperlens.paper.PaperId, Integer> counts = r.hits().isEmpty() ? Map.of()
              : services.citations().of(r.hits().stream().map(h -> h.paper().id()).toList());
          List<Shapes.Hit> hits = new ArrayList<>();
          for (SearchHit h : r.hits()) {
            IndexedPaper p = h.paper();
            hits.add(new Shapes.Hit(h.rank(), p.id().value(), p.title(), p.authors(), p.primaryCategory(), Shapes.date(p.date()),
                Shapes.url(p), h.snippet().render(t -> t, "**", "**"), Float.isInfinite(h.score()) ? null : h.score(), h.pinned(),
                counts.get(p.id()), p.codeUrl()));
          }
          return new SearchAnswer(request.query(), request.mode().label(), request.sort().label(), r.total().value(),
              r.total().exact(), r.more(), hits);
        });
  }

  record SearchAnswer(String query, String mode, String sort, int total, boolean totalExact, boolean more, List<Shapes.Hit> hits) {}

  private AgentTool related() {
    Map<String, Object> in = input(props("id", string("The paper's id, e.g. 2401.00101 or arXiv:2401.00101v2.", 200),
        "k", integer("How many related papers.", 1, 50, 10)), "id");
    Map<String, Object> out = object(props("id", Shapes.ID, "related", array(null, Shapes.RELATED)), "id", "related");
    return new AgentTool("related", "Related papers",
        "Papers related to one paper, by shared words, by meaning and by the citation graph (cited together, shared"
            + " references), each with the reason.",
        in, out, AgentTool.Effect.READS, (args, caller) -> {
          var id = args.paperId("id");
          if (services.index().get(id).isEmpty()) {
            throw new ToolError("No paper " + id + " in the search index (unknown id, or not indexed yet); find ids with 'search'.");
          }
          List<Shapes.Related> related = new ArrayList<>();
          for (RelatedPaper r : services.related().find(id, Filters.NONE, args.integer("k", 10, 1, 50))) {
            IndexedPaper p = r.paper();
            related.add(new Shapes.Related(r.rank(), p.id().value(), p.title(), p.authors(), Shapes.date(p.date()), Shapes.url(p),
                r.score(), r.reason(), r.sharedTerms(), r.similarity(), r.citations() == null ? null : r.citations().coCitations(),
                r.citations() == null ? null : r.citations().sharedReferences()));
          }
          return new RelatedAnswer(id.value(), related);
        });
  }

  record RelatedAnswer(String id, List<Shapes.Related> related) {}

  private AgentTool recommend() {
    Map<String, Object> ids = string(null, 200);
    Map<String, Object> in = input(props(
        "liked", array("Ids of papers the reader likes (one is enough; two or more train a model for the request).", ids, 500),
        "disliked", array("Ids of papers the reader does not want more of.", ids, 500),
        "since", integer("Candidates are the papers of the last this many days, up to the newest paper.", 1, 3650, 30),
        "until", date("The window's last day (default: the newest paper's date)."),
        "categories", CATEGORIES, "k", integer("How many recommendations.", 1, 50, 10),
        "method", oneOf("learned (a logistic regression on the liked and disliked papers) or centroid.",
            List.of("learned", "centroid"), "learned")), "liked");
    Map<String, Object> out = object(props(
        "method", string("How the ranking was made: learned, centroid, related (one liked paper) or none."),
        "from", string("First day of the candidate window."), "to", string("Last day of the candidate window."),
        "candidates", Schema.integer("Papers in the window."), "emptyReason", string("Why there is none, when there is none."),
        "notes", array("What was ignored and why.", string(null)), "recommendations", array(null, Shapes.RECOMMENDED)),
        "method", "candidates", "notes", "recommendations");
    return new AgentTool("recommend", "Recommend papers",
        "Recent papers a reader would like, from papers they like (and, optionally, do not), each with the words and"
            + " liked papers behind it.",
        in, out, AgentTool.Effect.READS, (args, caller) -> {
          var liked = args.paperIds("liked");
          if (liked.isEmpty()) {
            throw new ToolError("'liked' needs at least one paper id");
          }
          RecommendRequest request;
          try {
            request = new RecommendRequest(liked, args.paperIds("disliked"), args.integer("since", 30, 1, 3650), args.date("until"),
                new Filters(null, null, Set.copyOf(args.texts("categories")), null), args.integer("k", 10, 1, 50),
                Method.parse(orDefault(args.text("method"), "learned")));
          } catch (IllegalArgumentException e) {
            throw new ToolError(e.getMessage());
          }
          Recommendations r = services.recommender().recommend(request);
          List<Shapes.Recommended> items = new ArrayList<>();
          for (Recommendation x : r.items()) {
            IndexedPaper p = x.paper();
            items.add(new Shapes.Recommended(x.rank(), p.id().value(), p.title(), p.authors(), Shapes.date(p.date()), Shapes.url(p),
                Math.round(x.score() * 1000) / 1000.0, x.explanation().reason(), x.explanation().terms(),
                x.explanation().likedPapers().stream().map(l -> l.id().value()).toList()));
          }
          return new RecommendAnswer(r.method(), Shapes.date(r.from()), Shapes.date(r.to()), r.candidates(), r.emptyReason(),
              r.notes(), items);
        });
  }

  record RecommendAnswer(String method, String from, String to, int candidates, String emptyReason, List<String> notes,
      List<Shapes.Recommended> recommendations) {}

  static String orDefault(String value, String byDefault) {
    return value == null ? byDefault : value;
  }
}
