package org.paperlens.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paperlens.index.CountedHits;
import org.paperlens.index.Filters;
import org.paperlens.index.HitCount;
import org.paperlens.index.IndexHit;
import org.paperlens.index.IndexedPaper;
import org.paperlens.index.MarkedText;
import org.paperlens.index.Match;
import org.paperlens.index.PaperIndex;
import org.paperlens.paper.ArxivId;
import org.paperlens.paper.PaperId;

/**
 * Runs searches in every mode: retrieves from the index, fuses, pins exact matches, pages and
 * decorates with snippets. Thread-safe if the index and the encoder are.
 */
public final class Searcher {

  /**
   * The longest hybrid list fused from the shallow lists ({@link #KEYWORD_FUSION_DEPTH},
   * {@link #MEANING_FUSION_DEPTH}); a longer one (a sort, a page past it) takes each list as deep as
   * itself. Fusion needs more than one page to work with.
   */
  public static final int FUSION_DEPTH = 100;

  /**
   * How deep the keyword side of a hybrid search goes while the fused list is at most
   * {@link #FUSION_DEPTH} long (every page a person reads: one fusion serves them all, so pages
   * agree). Half of {@link #FUSION_DEPTH}: at a million papers the keyword top 100 was half of a
   * hybrid search's Java time, and SciFact train nDCG@10 with 50 was within 0.001 of 100 (docs/relevance.md).
   */
  public static final int KEYWORD_FUSION_DEPTH = 50;

  /**
   * How deep the meaning side of a hybrid search goes while the fused list is at most
   * {@link #FUSION_DEPTH} long, as {@link #KEYWORD_FUSION_DEPTH} for the words: an HNSW search's
   * work grows with k, and at a million papers it was the largest part of a hybrid search. SciFact
   * train nDCG@10 with 50 was 0.7667 and 0.7680 (two builds) against 0.7680 with 100
   * (docs/relevance.md). Both lists 50 deep fuse into 50 to 100 papers: the pages stop where the
   * fused list does.
   */
  public static final int MEANING_FUSION_DEPTH = 50;

  /**
   * How many of the most relevant hits a sort by date, votes or citations orders. Semantic search
   * ranks every paper, so "all results by date" would be the newest papers whatever the query;
   * instead every mode sorts the same set, its top 1,000, which holds every match of most keyword
   * queries. Pages say so when a query matches more.
   */
  public static final int SORT_DEPTH = 1_000;

  /**
   * How far a keyword or hybrid search counts its matches exactly; past it the total is "1,000+".
   * Counting every match of common words costs more than the search itself at a million papers
   * (10 % of a hybrid search's Java time, measured), and the count is only shown, never paged to.
   */
  public static final int EXACT_COUNT = 1_000;

  private final PaperIndex index;
  private final QueryEncoder encoder;
  private final Sorting sorting;
  private final SecondMeaning second;

  /** @param encoder null when no embedding model is configured: semantic and hybrid then fail clearly */
  public Searcher(PaperIndex index, QueryEncoder encoder) {
    this(index, encoder, Sorting.NONE);
  }

  /** @param citations the counts a sort by citations orders by (no votes: a sort by votes keeps relevance) */
  public Searcher(PaperIndex index, QueryEncoder encoder, CitationCounts citations) {
    this(index, encoder, new Sorting(citations, VoteCounts.NONE));
  }

  /** @param sorting the counts a sort by votes or citations orders by */
  public Searcher(PaperIndex index, QueryEncoder encoder, Sorting sorting) {
    this(index, encoder, sorting, null);
  }

  private Searcher(PaperIndex index, QueryEncoder encoder, Sorting sorting, SecondMeaning second) {
    this.index = index;
    this.encoder = encoder;
    this.sorting = sorting;
    this.second = second;
  }

  /**
   * This searcher with a second meaning ranking, fused as a third list by hybrid fusions that give
   * it weight; without one (the default) such fusions fuse the other two in their own ratio.
   */
  public Searcher withSecondMeaning(SecondMeaning second) {
    return new Searcher(index, encoder, sorting, java.util.Objects.requireNonNull(second));
  }

  /** How this searcher orders by date, votes and citations: lists beside search use the same. */
  public Sorting sorting() {
    return sorting;
  }

  public SearchResult search(SearchRequest request) {
    long start = System.nanoTime();
    boolean sorted = request.sort() != SortOrder.RELEVANCE;
    // One extra tells whether there is a next page; a sort orders a fixed set, the same for every page.
    int wanted = sorted ? SORT_DEPTH : request.offset() + request.limit() + 1;
    CountedHits retrieved = ranked(request.query(), request.mode(), request.match(), request.filters(), wanted);
    List<IndexHit> relevant = new ArrayList<>(retrieved.hits());
    Optional<PaperId> pin = pinned(request.query(), request.filters());
    pin.ifPresent(id -> {
      relevant.removeIf(h -> h.id().equals(id));
      relevant.addFirst(new IndexHit(id, Float.POSITIVE_INFINITY));
    });
    List<IndexHit> ranked = sorted ? sort(request.sort(), relevant) : relevant;
    int from = Math.min(request.offset(), ranked.size());
    int to = Math.min(request.offset() + request.limit(), ranked.size());
    List<IndexHit> page = ranked.subList(from, to);
    List<PaperId> ids = page.stream().map(IndexHit::id).toList();
    Map<PaperId, IndexedPaper> papers = index.getAll(ids);
    Map<PaperId, MarkedText> snippets = index.snippets(request.query(), papers.values());
    List<SearchHit> hits = new ArrayList<>(page.size());
    for (int i = 0; i < page.size(); i++) {
      IndexHit h = page.get(i);
      IndexedPaper paper = papers.get(h.id());
      if (paper != null) {
        boolean isPin = pin.isPresent() && pin.get().equals(h.id());
        hits.add(new SearchHit(from + i + 1, paper, h.score(), snippets.getOrDefault(h.id(), MarkedText.EMPTY), isPin));
      }
    }
    // Keyword and hybrid: the keyword matches, counted by the keyword search itself.
    HitCount total = request.mode() instanceof SearchMode.Semantic
        ? HitCount.exactly(index.countByMeaning(request.filters())) : retrieved.total();
    if (request.mode() instanceof SearchMode.Hybrid) {
      // The count stays the papers with the words: the meaning half adds close papers to the list,
      // not to what the total says it counts (SearchResult#totalText says both).
      total = total.max(pin.isPresent() ? 1 : 0);
    } else {
      // A pinned exact match can add a paper the words do not match.
      total = total.max(ranked.size() > to ? to + 1 : hits.size() + from);
    }
    return new SearchResult(request, hits, ranked.size() > to, (System.nanoTime() - start) / 1e6, total, sorted ? ranked.size() : 0);
  }

  /** The hits newest, most upvoted or most cited first; ties (and unknown dates or counts, last) keep their relevance order. */
  private List<IndexHit> sort(SortOrder sort, List<IndexHit> ranked) {
    Map<PaperId, java.time.LocalDate> dates = sort == SortOrder.DATE ? index.dates(ranked.stream().map(IndexHit::id).toList()) : Map.of();
    return sorting.sort(sort, ranked, IndexHit::id, h -> dates.get(h.id()));
  }

  /**
   * The ranking alone, {@code depth} deep, without pinning or decoration: what evaluation scores
   * ({@code match} applies to keyword retrieval, alone or in hybrid).
   */
  public List<IndexHit> retrieve(String query, SearchMode mode, Match match, Filters filters, int depth) {
    return ranked(query, mode, match, filters, depth).hits();
  }

  /**
   * {@link #retrieve}, with the keyword matches counted up to {@link #EXACT_COUNT} by the same
   * keyword search (keyword and hybrid; semantic search's total is the hits it found, which
   * {@link #search} replaces by the papers with a vector).
   */
  private CountedHits ranked(String query, SearchMode mode, Match match, Filters filters, int depth) {
    return switch (mode) {
      case SearchMode.Keyword k -> index.keywordCounted(query, match, filters, depth, EXACT_COUNT);
      case SearchMode.Semantic s -> {
        List<IndexHit> hits = index.nearest(encode(query), filters, depth);
        yield new CountedHits(hits, HitCount.atLeast(hits.size()));
      }
      case SearchMode.Hybrid h -> {
        int each = depth <= FUSION_DEPTH ? MEANING_FUSION_DEPTH : depth;
        int words = depth <= FUSION_DEPTH ? KEYWORD_FUSION_DEPTH : depth;
        CountedHits counted = index.keywordCounted(query, match, filters, words, EXACT_COUNT);
        List<IndexHit> keyword = counted.hits();
        List<IndexHit> semantic = index.nearest(encode(query), filters, each);
        Fusion fusion = h.fusion().forQuery(query);
        // Still embedding: papers without a vector compete on their keyword score alone.
        java.util.Set<PaperId> unembedded = index.coverage().partialMeaning()
            ? index.withoutVector(keyword.stream().map(IndexHit::id).toList()) : java.util.Set.of();
        List<IndexHit> fused = second != null && fusion.usesSecond()
            ? fusion.fuse(keyword, semantic, second.nearest(query, filters, each), depth, unembedded)
            : fusion.fuse(keyword, semantic, depth, unembedded);
        yield new CountedHits(fused, counted.total());
      }
    };
  }

  /** An exact arXiv id, or an exact title, puts that paper first. */
  private Optional<PaperId> pinned(String query, Filters filters) {
    Optional<ArxivId> id = ArxivId.parse(query);
    if (id.isPresent() && index.contains(id.get().id(), filters)) {
      return Optional.of(id.get().id());
    }
    return index.byExactTitle(query, filters);
  }

  private float[] encode(String query) {
    if (encoder == null) {
      throw new IllegalStateException("semantic search needs an embedding model, and none is configured");
    }
    return encoder.embedQuery(query);
  }
}
