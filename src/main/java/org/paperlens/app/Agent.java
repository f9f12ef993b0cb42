package org.paperlens.app;

import java.io.InputStream;
import java.io.OutputStream;
import org.paperlens.community.CommunityStore;
import org.paperlens.index.PaperIndex;
import org.paperlens.library.LibraryStore;
import org.paperlens.mcp.AgentServer;
import org.paperlens.mcp.Members;
import org.paperlens.mcp.Services;
import org.paperlens.notable.TrendingOrNotable;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.recommend.Recommender;
import org.paperlens.related.RelatedPapers;
import org.paperlens.search.CitationCounts;
import org.paperlens.search.Fusion;
import org.paperlens.search.Searcher;

/**
 * The agent interface of a root: the MCP tools over the root's own components (the searcher, the
 * related-papers and recommendation services, the stores), asked for on first use, so
 * {@code paperlens mcp} starts before an index exists and {@code serve}'s {@code /mcp} shares every
 * cache and connection with the pages and the JSON API.
 */
public final class Agent {

  private Agent() {}

  /** The services the tools call, from {@code root}. */
  public static Services services(PaperLens root) {
    CitationCounts counts = new StoredCounts(root::citations);
    return new Services() {
      @Override
      public Searcher searcher() {
        return root.searcher();
      }

      @Override
      public PaperIndex index() {
        return root.index();
      }

      @Override
      public RelatedPapers related() {
        return root.related();
      }

      @Override
      public Recommender recommender() {
        return root.recommender();
      }

      @Override
      public CatalogueStore catalogue() {
        return root.catalogue();
      }

      @Override
      public CommunityStore community() {
        return root.community();
      }

      @Override
      public TrendingOrNotable trending() {
        return root.trendingOrNotable();
      }

      @Override
      public LibraryStore library() {
        return root.library();
      }

      @Override
      public CitationCounts citations() {
        return counts;
      }

      @Override
      public Fusion fusion() {
        return root.config().fusion();
      }
    };
  }

  /**
   * {@code paperlens mcp}: the tools over {@code in} and {@code out}; the library tools act for the
   * member {@code token} names ({@code tokenSource} says where it came from, for the error when it is wrong).
   */
  public static AgentServer stdio(PaperLens root, String token, String tokenSource, InputStream in, OutputStream out) {
    return root.own(AgentServer.stdio(services(root), Members.token(root.accounts(), token, tokenSource), in, out));
  }
}
