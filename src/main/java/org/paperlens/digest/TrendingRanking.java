package org.paperlens.digest;

import java.util.List;
import org.paperlens.paper.PaperId;

/** Ranks candidate papers by what the community is upvoting. The same ranking for every subscriber. */
@FunctionalInterface
public interface TrendingRanking {
  List<PaperId> rank(Candidates candidates, int limit);

  /**
   * What the digest is called, given the topic's name: the name, unless the ranking stood in for
   * trending with another list (new and notable), which the mail then names honestly.
   */
  default String heading(String topic) {
    return topic;
  }

  /** Without votes to count: the newest listings first. */
  TrendingRanking BY_RECENCY = (candidates, limit) ->
      candidates.newestFirst().stream().limit(limit).map(org.paperlens.paper.Paper::id).toList();
}
