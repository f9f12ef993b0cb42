package org.paperlens.web.page;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.paperlens.community.CommunityStore;
import org.paperlens.community.Signals;
import org.paperlens.community.Submission;
import org.paperlens.community.Trending;
import org.paperlens.index.BadQueryException;
import org.paperlens.index.PaperIndex;
import org.paperlens.index.QueryText;
import org.paperlens.notable.TrendingOrNotable;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Listed;
import org.paperlens.paper.ListingFilter;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.related.RelatedPaper;
import org.paperlens.related.RelatedPapers;
import org.paperlens.search.CitationCounts;
import org.paperlens.search.Fusion;
import org.paperlens.search.SearchMode;
import org.paperlens.search.SearchRequest;
import org.paperlens.search.SearchResult;
import org.paperlens.search.Searcher;
import org.paperlens.web.http.HttpProblem;

/**
 * The read side shared by pages and the API: daily listings, trending, search and related papers,
 * each behind a small cache so that repeated requests cost a map lookup. Listings and trending are
 * keyed by the community store's generation (a vote shows at once) and expire after a short time
 * (an import by another process shows within it). A daily listing past that time is still served
 * while it is rebuilt in the background ({@link Memo#servingStale}), and kept as the same object
 * when nothing in it changed, so its rendered page stays cached too. Thread-safe.
 */
public final class Listings {

  public static final int DAILY_PAGE = 50;

  /** Which span a daily listing covers. */
  public enum View { DAY, WEEK, MONTH }

  /** One page of a daily listing and what the page needs to navigate. */
  public record Daily(LocalDate date, View view, ListingFilter filter, LocalDate from, LocalDate to, int page, int pageSize, int total,
      List<Views.Listed> papers, SortedMap<LocalDate, Integer> perDay, Map<String, Integer> perCategory,
      LocalDate previous, LocalDate next) {
    public boolean more() {
      return page * pageSize < total;
    }
  }

  /** What every visitor of a paper page sees; per-person state (voted, saved) is looked up apart. */
  public record PaperPage(Paper paper, Signals signals, List<Submission> submissions, List<org.paperlens.community.Comment> comments) {}

  /**
   * A search result, with a notice when the query had to be read literally, and the citation
   * counts and upvotes of its hits that have any (each looked up once for the page).
   */
  public record Search(SearchResult result, String notice, Map<PaperId, Integer> citations, Map<PaperId, Integer> votes) {
    public Search {
      citations = Map.copyOf(citations);
      votes = Map.copyOf(votes);
    }

    /** The hit's citation count, null when unknown. */
    public Integer citations(org.paperlens.search.SearchHit hit) {
      return citations.get(hit.paper().id());
    }

    public int votes(org.paperlens.search.SearchHit hit) { // 0 when none
      return votes.getOrDefault(hit.paper().id(), 0);
    }
  }

  /**
   * Says how much of the catalogue meaning search covers when that is not all of it, or null:
   * which listing days, how many papers, and when the rest will be covered. Honest about a server
   * that is still embedding: a thin semantic result is not a bad query.
   */
  public static String coverageNotice(org.paperlens.live.PipelineStatus status, org.paperlens.search.SearchMode mode) {
    org.paperlens.index.IndexCoverage c = status.coverage();
    if (mode instanceof org.paperlens.search.SearchMode.Keyword || !c.partialMeaning()) {
      return null;
    }
    org.paperlens.live.EmbedProgress e = status.embedding();
    String range = c.withVector() > 0 ? e.listedRange().map(r -> " papers listed " + r + ",").orElse("") : "";
    String rest = e.eta().map(d -> "; all in " + org.paperlens.live.EmbedProgress.about(d))
        .orElse(status.toEmbed() > 0 || c.withVector() > 0 ? "; the rest are being embedded" : "; none has an embedding yet");
    return String.format(java.util.Locale.ROOT, "Meaning search covers%s %,d of %,d papers%s%s.", range, c.withVector(),
        c.papers(), rest, mode instanceof org.paperlens.search.SearchMode.Hybrid
            ? " (hybrid ranks papers without one by their keyword score)" : "");
  }

  private record DailyKey(LocalDate date, View view, ListingFilter filter, int page, int size, long generation) {}
  private record TrendingKey(Trending.Window window, int limit, long generation) {}
  /** Keyed by the index's watermark too: a cached answer goes stale the moment the index changes. */
  private record RelatedKey(PaperId id, int k, long indexSeq, long citationGeneration) {}

  /** Keyed by the citation and community generations too: a search's counts and votes, and its order by them, follow them. */
  private record SearchKey(SearchRequest request, long indexSeq, long citations, long votes) {}
  private record AuthorKey(String name, long indexSeq) {}

  /** A name and how often it comes up (a co-author, a category). */
  record Count(String name, int count) {}

  /**
   * An author's papers, newest first (up to {@link #AUTHOR_PAPERS}), with the names they most
   * often write with and the categories they most often write in.
   *
   * @param name the name as the newest paper spells it
   */
  record Author(String name, List<org.paperlens.index.IndexedPaper> papers, List<Count> coAuthors, List<Count> categories) {}

  static final int AUTHOR_PAPERS = 1_000;
  private record PaperKey(PaperId id, long generation) {}

  private final CatalogueStore catalogue;
  private final PaperIndex index;
  private final Searcher searcher;
  private final RelatedPapers relatedPapers;
  private final CommunityStore community;
  private final TrendingOrNotable trendingRanking;
  private final SearchMode defaultMode;
  private final Fusion fusion;
  private final Clock clock;
  private final CitationCounts citations;
  private final Memo<DailyKey, Daily> daily;
  private final Memo<TrendingKey, TrendingList> trending;
  private final Memo<SearchKey, Search> searches;
  private final Memo<RelatedKey, List<RelatedPaper>> related;
  private final Memo<PaperKey, PaperPage> papers;
  private final Memo<Boolean, LocalDate> latest;
  private final Memo<AuthorKey, Author> authors;

  public Listings(CatalogueStore catalogue, PaperIndex index, Searcher searcher, RelatedPapers relatedPapers, CommunityStore community, TrendingOrNotable trendingRanking, SearchMode defaultMode, Fusion fusion, Clock clock, CitationCounts citations) {
    this.catalogue = catalogue;
    this.index = index;
    this.searcher = searcher;
    this.relatedPapers = relatedPapers;
    this.community = community;
    this.trendingRanking = trendingRanking;
    this.defaultMode = defaultMode;
    this.fusion = fusion;
    this.clock = clock;
    this.citations = citations;
    this.daily = Memo.servingStale(2_000, Duration.ofSeconds(60), clock);
    this.trending = new Memo<>(100, Duration.ofSeconds(30), clock);
    this.searches = new Memo<>(5_000, Duration.ofMinutes(10), clock);
    this.related = new Memo<>(20_000, null, clock);
    this.papers = new Memo<>(20_000, Duration.ofSeconds(60), clock);
    this.latest = Memo.servingStale(1, Duration.ofSeconds(60), clock);
    this.authors = new Memo<>(5_000, null, clock);
  }

  public Daily daily(LocalDate date, View view, ListingFilter filter, int page, int size) {
    LocalDate day = date != null ? date : latest.get(Boolean.TRUE, k -> catalogue.listingDay(null, false).orElse(LocalDate.now(clock)));
    return daily.get(new DailyKey(day, view, filter, page, size, community.generation()), this::computeDaily);
  }

  /** Papers listed between {@code from} and {@code to}, ordered with the community's counts (see {@link CatalogueStore#listed}). */
  public List<Listed> listed(LocalDate from, LocalDate to, org.paperlens.paper.ListingFilter filter, int offset, int limit) {
    return catalogue.listed(from, to, filter, offset, limit, community.listingSignals());
  }

  private Daily computeDaily(DailyKey k) {
    LocalDate from, to, previous, next;
    switch (k.view()) {
      case DAY -> {
        from = to = k.date();
        previous = catalogue.listingDay(k.date(), false).orElse(null);
        next = catalogue.listingDay(k.date(), true).orElse(null);
      }
      case WEEK -> {
        from = k.date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        to = from.plusDays(6);
        previous = catalogue.listingDay(from, false).isPresent() ? from.minusWeeks(1) : null;
        next = catalogue.listingDay(to, true).isPresent() ? from.plusWeeks(1) : null;
      }
      default -> {
        from = k.date().withDayOfMonth(1);
        to = k.date().with(TemporalAdjusters.lastDayOfMonth());
        previous = catalogue.listingDay(from, false).isPresent() ? from.minusMonths(1) : null;
        next = catalogue.listingDay(to, true).isPresent() ? from.plusMonths(1) : null;
      }
    }
    SortedMap<LocalDate, Integer> perDay = catalogue.listedPerDay(from, to, k.filter());
    int total = perDay.values().stream().mapToInt(Integer::intValue).sum();
    List<Listed> page = listed(from, to, k.filter(), (k.page() - 1) * k.size(), k.size());
    // Counts are as fresh as the cached page (a minute): they change daily at most.
    Map<PaperId, Integer> counts = citations.of(page.stream().map(l -> l.paper().id()).toList());
    List<Views.Listed> papers = new ArrayList<>();
    for (Listed l : page) {
      papers.add(Views.listed(l.paper(), l.upvotes(), counts.get(l.paper().id())));
    }
    return new Daily(k.date(), k.view(), k.filter(), from, to, k.page(), k.size(), total, papers, perDay,
        catalogue.listedPerCategory(from, to), previous, next);
  }

  /** Trending, or new and notable while fewer than the configured number of members vote in the window. */
  public TrendingList trending(Trending.Window window, int limit) {
    return trending.get(new TrendingKey(window, limit, community.generation()),
        k -> TrendingList.of(trendingRanking.rank(k.window(), k.limit()), k.window(), catalogue));
  }

  /**
   * Runs a search. A keyword or hybrid query that does not parse (a pasted title with a stray quote
   * or colon) is run again as the literal words, with a notice; one too costly is refused (a 400).
   */
  public Search search(SearchRequest request) {
    return searches.get(new SearchKey(request, index.coverage().seq(), citations.generation(), community.generation()), key -> {
      SearchRequest r = key.request();
      SearchResult result;
      String notice = null;
      try {
        result = searcher.search(r);
      } catch (BadQueryException e) {
        e.rethrowIfTooCostly();
        result = searcher.search(r.withQuery(QueryText.literal(r.query())));
        notice = "The query could not be read as query syntax (" + e.getMessage() + "), so it was searched as plain words.";
      }
      List<PaperId> shown = result.hits().stream().map(h -> h.paper().id()).toList();
      return new Search(result, notice, counts(shown), searcher.sorting().votes(shown));
    });
  }

  /** The citation counts of those of {@code papers} that have one: one look-up, however many papers. */
  public Map<PaperId, Integer> counts(java.util.Collection<PaperId> papers) {
    return papers.isEmpty() ? Map.of() : citations.of(papers);
  }

  /** The author's papers and circles, or a 404 problem when no indexed paper lists the name. */
  Author author(String name) {
    return authors.get(new AuthorKey(name.strip(), index.coverage().seq()), k -> {
      List<org.paperlens.index.IndexedPaper> papers = index.byAuthor(k.name(), AUTHOR_PAPERS);
      if (papers.isEmpty()) {
        throw HttpProblem.notFound("no paper lists '" + k.name() + "' as an author");
      }
      String key = org.paperlens.index.IndexedPaper.nameKey(k.name());
      String spelled = papers.getFirst().authors().stream()
          .filter(a -> org.paperlens.index.IndexedPaper.nameKey(a).equals(key)).findFirst().orElse(k.name());
      Map<String, Integer> coAuthors = new java.util.HashMap<>();
      Map<String, Integer> categories = new java.util.HashMap<>();
      for (org.paperlens.index.IndexedPaper p : papers) {
        for (String a : p.authors()) {
          if (!org.paperlens.index.IndexedPaper.nameKey(a).equals(key)) {
            coAuthors.merge(a, 1, Integer::sum);
          }
        }
        if (p.primaryCategory() != null) {
          categories.merge(p.primaryCategory(), 1, Integer::sum);
        }
      }
      return new Author(spelled, papers, top(coAuthors, 20), top(categories, 10));
    });
  }

  private static List<Count> top(Map<String, Integer> counts, int n) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(n).map(e -> new Count(e.getKey(), e.getValue())).toList();
  }

  /** Related papers of a paper in the index; empty when the paper is not indexed yet. */
  public List<RelatedPaper> related(PaperId id, int k) {
    return related.get(new RelatedKey(id, k, index.coverage().seq(), relatedPapers.citationGeneration()), key -> {
      if (index.get(key.id()).isEmpty()) {
        return List.of();
      }
      return relatedPapers.find(key.id(), org.paperlens.index.Filters.NONE, key.k());
    });
  }

  /** The paper with its signals and submissions, or a 404 problem naming the id. */
  public PaperPage paperPage(PaperId id) {
    return papers.get(new PaperKey(id, community.generation()),
        k -> new PaperPage(paper(k.id()), community.signals(k.id()), community.submissions(k.id(), 30),
            community.comments().of(k.id(), Discussion.SHOWN)));
  }

  /** The paper, or a 404 problem naming the id. */
  public Paper paper(PaperId id) {
    Optional<Paper> p = catalogue.find(id);
    return p.orElseThrow(() -> HttpProblem.notFound("no paper " + id + " in the catalogue"));
  }

  public SearchMode mode(String name) {
    if (name == null) {
      return defaultMode;
    }
    return SearchMode.parse(name, fusion);
  }
}
