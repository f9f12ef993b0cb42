package org.paperlens.digest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.paperlens.community.Trending;
import org.paperlens.notable.Notable;
import org.paperlens.notable.TrendingOrNotable;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/**
 * The trending digest through the site's trending formula ({@link Trending}, the week window):
 * among the new papers, those the community upvoted, saved or submitted come first in trending
 * order, then the rest newest first, so a quiet week still gets its new papers. While fewer members
 * vote in the week than trending asks for ({@link TrendingOrNotable}), the digest is the new papers
 * ranked as new and notable, and its heading says so.
 */
public final class CommunityTrending implements TrendingRanking {

  /** How far down the trending list to look; votes beyond this rank add nothing to a digest. */
  private static final int DEPTH = 5_000;

  private final TrendingOrNotable lists;

  public CommunityTrending(TrendingOrNotable lists) {
    this.lists = lists;
  }

  @Override
  public List<PaperId> rank(Candidates candidates, int limit) {
    if (notable()) {
      List<PaperId> ids = candidates.newestFirst().stream().map(Paper::id).toList();
      return lists.notable().rankAmong(ids, Trending.Window.WEEK, limit).stream().map(Notable::id).toList();
    }
    Set<PaperId> out = new LinkedHashSet<>();
    for (Trending.Entry e : lists.trending().rank(Trending.Window.WEEK, DEPTH)) {
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

  @Override
  public String heading(String topic) {
    return notable() ? TrendingOrNotable.LABEL : topic;
  }

  private boolean notable() {
    return lists.voters(Trending.Window.WEEK) < lists.minVoters();
  }
}
