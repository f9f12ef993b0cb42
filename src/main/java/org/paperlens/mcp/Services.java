package org.paperlens.mcp;

import org.paperlens.community.CommunityStore;
import org.paperlens.index.PaperIndex;
import org.paperlens.library.LibraryStore;
import org.paperlens.notable.TrendingOrNotable;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.recommend.Recommender;
import org.paperlens.related.RelatedPapers;
import org.paperlens.search.CitationCounts;
import org.paperlens.search.Fusion;
import org.paperlens.search.Searcher;

/**
 * The application's services the tools call, the same the JSON API calls; the application root
 * supplies them. Each is asked for when a tool needs it, so a server whose index is not built yet
 * still starts, and says so in the answer of a tool that searches.
 */
public interface Services {
  Searcher searcher();

  PaperIndex index();

  RelatedPapers related();

  Recommender recommender();

  CatalogueStore catalogue();

  CommunityStore community();

  /** Trending, or new and notable while too few members vote. */
  TrendingOrNotable trending();

  LibraryStore library();

  CitationCounts citations();

  /** How hybrid search fuses its two rankings (the configured fusion). */
  Fusion fusion();
}
