package org.paperlens.web;

import java.time.Clock;
import java.util.Optional;
import org.paperlens.account.AccountLimits;
import org.paperlens.account.AccountStore;
import org.paperlens.community.CommunityStore;
import org.paperlens.community.Trending;
import org.paperlens.index.PaperIndex;
import org.paperlens.ingest.RecordFetcher;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.recommend.Recommender;
import org.paperlens.related.RelatedPapers;
import org.paperlens.search.Fusion;
import org.paperlens.search.SearchMode;
import org.paperlens.search.Searcher;

/**
 * Everything the web app serves from, built once at start-up by the caller (the serve command,
 * or a test) and shared by every request. Each component is thread-safe.
 *
 * @param defaultMode the search mode a page uses when none is asked for
 * @param fusion how hybrid search combines its two rankings
 * @param limits log-in, sign-up and API token rate limits
 * @param fetcher fetches submitted papers missing from the catalogue; empty when no repository is configured
 * @param status what the background pipeline has done (coverage, embedding progress), for pages and the API
 */
public record WebServices(
    CatalogueStore catalogue,
    PaperIndex index,
    Searcher searcher,
    RelatedPapers related,
    Recommender recommender,
    AccountStore accounts,
    CommunityStore community,
    LibraryStore library,
    Trending trending,
    AccountLimits limits,
    SearchMode defaultMode,
    Fusion fusion,
    Optional<RecordFetcher> fetcher,
    Clock clock,
    java.util.function.Supplier<org.paperlens.live.PipelineStatus> status) {

  /** Without a pipeline (tests, a static index): the status is the index's coverage alone. */
  public WebServices(CatalogueStore catalogue, PaperIndex index, Searcher searcher, RelatedPapers related,
      Recommender recommender, AccountStore accounts, CommunityStore community, LibraryStore library, Trending trending,
      AccountLimits limits, SearchMode defaultMode, Fusion fusion, Optional<RecordFetcher> fetcher, Clock clock) {
    this(catalogue, index, searcher, related, recommender, accounts, community, library, trending, limits, defaultMode,
        fusion, fetcher, clock, () -> new org.paperlens.live.PipelineStatus(index.coverage(), index.coverage().seq(), 0, 0, null, null));
  }
}
