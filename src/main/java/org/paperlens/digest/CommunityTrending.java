package org.paperlens.digest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.paperlens.community.Trending;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/**
 * The trending digest through the site's trending formula ({@link Trending}, the week window):
 * among the new papers, those the community upvoted, saved or submitted come first in trending
 * order, then the rest newest first, so a quiet week still gets its new papers.
 */
public final class CommunityTrending implements TrendingRanking {

  /** How far down the trending list to look; votes beyond this rank add nothing to a digest. */
  private static final int DEPTH = 5_000;

  private final Trending trending;

  public CommunityTrending(Trending trending) {
    this.trending = trending;
  }

  @Override
  public List<PaperId> rank(Candidates candidates, int limit) {
    Set<PaperId> out = new LinkedHashSet<>();
    for (Trending.Entry e : trending.rank(Trending.Window.WEEK, DEPTH)) {
      if (candidates.byId().containsKey(e.id())) {
        out.add(e.id());
      }
    }
    for (Paper p : candidates.newestFirst()) {
      if (out.size() >= limit) {
        break;
      }
      out.add(p.id());
    }
    return new ArrayList<>(out).subList(0, Math.min(limit, out.size()));
  }
}
