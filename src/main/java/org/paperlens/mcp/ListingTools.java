package org.paperlens.mcp;

import static org.paperlens.mcp.Schema.array;
import static org.paperlens.mcp.Schema.date;
import static org.paperlens.mcp.Schema.input;
import static org.paperlens.mcp.Schema.integer;
import static org.paperlens.mcp.Schema.object;
import static org.paperlens.mcp.Schema.oneOf;
import static org.paperlens.mcp.Schema.props;
import static org.paperlens.mcp.Schema.string;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paperlens.community.Signals;
import org.paperlens.community.Trending;
import org.paperlens.export.BibtexWriter;
import org.paperlens.notable.NewAndNotable;
import org.paperlens.notable.Notable;
import org.paperlens.notable.TrendingOrNotable;
import org.paperlens.paper.CodeLinks;
import org.paperlens.paper.Listed;
import org.paperlens.paper.ListingFilter;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/** The tools that read the catalogue and the community: one paper, a day's listing, trending. */
final class ListingTools {

  private final Services services;

  ListingTools(Services services) {
    this.services = services;
  }

  List<AgentTool> tools() {
    return List.of(paper(), daily(), trending());
  }

  private AgentTool paper() {
    Map<String, Object> in = input(props("id", string("The paper's id, e.g. 2401.00101, arXiv:2401.00101v2 or an arXiv URL.", 200)),
        "id");
    Map<String, Object> out = object(props(
        "id", Shapes.ID, "version", Schema.integer("The latest version's number (0 when unknown)."), "title", string(null),
        "abstract", string("The abstract, TeX math as the source wrote it."), "authors", Shapes.AUTHORS,
        "primaryCategory", string(null), "categories", array(null, string(null)),
        "submitted", string("Day of the first version."), "updated", string("Day of the latest version."),
        "firstListed", Shapes.DATE, "comment", string("The authors' comment (pages, venue, links)."),
        "journalRef", string(null), "doi", string(null), "url", Shapes.URL, "pdfUrl", string(null),
        "codeLinks", array("Code and project links the authors gave, repositories first.", object(props(
            "url", string(null), "kind", string(null), "label", string(null)), "url", "kind")),
        "upvotes", Schema.integer(null), "saves", Schema.integer(null), "citationCount", Shapes.CITATIONS,
        "bibtex", string("A BibTeX entry to cite it.")), "id", "title", "authors", "upvotes", "saves", "bibtex");
    return new AgentTool("paper", "Read a paper",
        "Everything the catalogue knows of one paper: abstract, authors, dates, categories, links to the paper and its code,"
            + " members' votes, the citation count when a citation source has counted, and a BibTeX entry.",
        in, out, AgentTool.Effect.READS, (args, caller) -> {
          PaperId id = args.paperId("id");
          Paper p = services.catalogue().find(id)
              .orElseThrow(() -> new ToolError("No paper " + id + " in the catalogue; find ids with 'search'."));
          Signals s = services.community().signals(p.id());
          List<Shapes.CodeLink> code = CodeLinks.of(p).stream()
              .map(l -> new Shapes.CodeLink(l.url(), l.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                  l.kind().label)).toList();
          return new PaperAnswer(p.id().value(), p.version(), p.title(), p.abstractText(), p.authors(), p.primaryCategory(),
              p.categories(), Shapes.date(p.submitted()), Shapes.date(p.updated()), Shapes.date(p.firstListed()), p.comment(),
              p.journalRef(), p.doi(), p.sourcePage(), p.sourcePdf(), code, s.upvotes(), s.saves(),
              services.citations().of(List.of(p.id())).get(p.id()), BibtexWriter.citation(p));
        });
  }

  /** {@code abstractText} is serialised as "abstract" (a Java keyword). */
  record PaperAnswer(String id, int version, String title, @JsonProperty("abstract") String abstractText, List<String> authors,
      String primaryCategory, List<String> categories, String submitted, String updated, String firstListed, String comment,
      String journalRef, String doi, String url, String pdfUrl, List<Shapes.CodeLink> codeLinks, int upvotes, int saves,
      Integer citationCount, String bibtex) {}

  private AgentTool daily() {
    Map<String, Object> in = input(props(
        "date", date("The listing day (default: the newest day with papers)."),
        "category", string("Only papers in this arXiv category (cross-lists count), e.g. cs.CL.", 40),
        "limit", integer("How many papers.", 1, 100, 50), "offset", integer("Papers to skip, for the next page.", 0, 100_000, 0)));
    Map<String, Object> out = object(props(
        "date", string(null), "category", string(null), "total", Schema.integer("Papers listed that day (in the category)."),
        "previousDay", string("The day with papers before this one."), "nextDay", string("The day with papers after this one."),
        "papers", array("Most upvoted first.", Shapes.LISTED)), "date", "total", "papers");
    return new AgentTool("daily", "Daily papers",
        "The papers first listed on one day (the newest by default), most upvoted by members first, with the start of"
            + " each abstract, votes, citation counts and code links.",
        in, out, AgentTool.Effect.READS, (args, caller) -> {
          LocalDate asked = args.date("date");
          LocalDate day = asked != null ? asked : services.catalogue().listingDay(null, false)
              .orElseThrow(() -> new ToolError("No paper has been listed yet: the catalogue is empty."));
          String category = args.text("category");
          ListingFilter filter = new ListingFilter(category == null ? Set.of() : Set.of(category), false);
          int total = services.catalogue().listedPerDay(day, day, filter).values().stream().mapToInt(Integer::intValue).sum();
          List<Listed> page = services.catalogue().listed(day, day, filter, args.integer("offset", 0, 0, 100_000),
              args.integer("limit", 50, 1, 100), services.community().listingSignals());
          Map<PaperId, Integer> counts = page.isEmpty() ? Map.of()
              : services.citations().of(page.stream().map(l -> l.paper().id()).toList());
          List<Shapes.Listed> papers = new ArrayList<>();
          for (Listed l : page) {
            papers.add(Shapes.listed(l.paper(), l.upvotes(), counts.get(l.paper().id())));
          }
          return new DailyAnswer(day.toString(), category, total,
              services.catalogue().listingDay(day, false).map(LocalDate::toString).orElse(null),
              services.catalogue().listingDay(day, true).map(LocalDate::toString).orElse(null), papers);
        });
  }

  record DailyAnswer(String date, String category, int total, String previousDay, String nextDay, List<Shapes.Listed> papers) {}

  private AgentTool trending() {
    List<String> windows = Arrays.stream(Trending.Window.values()).map(Trending.Window::label).toList();
    Map<String, Object> in = input(props(
        "window", oneOf("The span of time the ranking covers.", windows, "week"),
        "limit", integer("How many papers.", 1, 100, 20)));
    Map<String, Object> out = object(props(
        "list", oneOf("Which ranking this is: trending (by members' votes), or new and notable while too few members vote.",
            List.of("trending", "new-and-notable"), null),
        "window", string(null), "formula", string("How the score is computed."),
        "why", string("Why new and notable is shown instead of trending."),
        "voters", Schema.integer("Members whose votes count in the window."),
        "minVoters", Schema.integer("Voters the window needs before trending is shown."),
        "papers", array(null, Shapes.TRENDING)), "list", "window", "formula", "voters", "minVoters", "papers");
    return new AgentTool("trending", "Trending papers",
        "The papers the site's members upvote, save and submit most lately, each signal weighing less with age; on a site"
            + " with few voters, new and notable papers instead (the newest, lifted by code, members' interest and citations),"
            + " each with its reasons ('list' says which).",
        in, out, AgentTool.Effect.READS, (args, caller) -> {
          Trending.Window window;
          try {
            window = Trending.Window.parse(ReadingTools.orDefault(args.text("window"), "week"));
          } catch (IllegalArgumentException e) {
            throw new ToolError(e.getMessage());
          }
          TrendingOrNotable.Shown shown = services.trending().rank(window, args.integer("limit", 20, 1, 100));
          List<Shapes.Trending> papers = new ArrayList<>();
          return switch (shown) {
            case TrendingOrNotable.Shown.ByVotes v -> {
              for (Trending.Entry e : v.entries()) {
                papers.add(trendingPaper(e.rank(), e.id(), e.score(), e.upvotes(), e.saves(), e.submissions(), null));
              }
              yield new TrendingAnswer("trending", window.label(), Trending.FORMULA, null, v.voters(), v.minVoters(), papers);
            }
            case TrendingOrNotable.Shown.NewAndNotable n -> {
              for (Notable e : n.entries()) {
                papers.add(trendingPaper(e.rank(), e.id(), e.score(), e.interest().upvotes(), e.interest().saves(),
                    e.interest().submissions(), e.reasons()));
              }
              yield new TrendingAnswer("new-and-notable", window.label(), NewAndNotable.FORMULA, TrendingOrNotable.why(n, window),
                  n.voters(), n.minVoters(), papers);
            }
          };
        });
  }

  private Shapes.Trending trendingPaper(int rank, PaperId id, double score, int upvotes, int saves, int submissions,
      List<String> reasons) {
    Paper p = services.catalogue().find(id).orElse(null);
    return new Shapes.Trending(rank, id.value(), p == null ? id.value() : p.title(), p == null ? List.of() : p.authors(),
        p == null ? null : Shapes.date(p.firstListed()), p == null ? Shapes.url(id) : p.sourcePage(),
        Math.round(score * 1000) / 1000.0, upvotes, saves, submissions, reasons);
  }

  record TrendingAnswer(String list, String window, String formula, String why, int voters, int minVoters,
      List<Shapes.Trending> papers) {}
}
