package org.paperlens.digest;

import java.util.List;
import org.paperlens.paper.PaperId;

/**
 * Ranks candidate papers for one account's library tag (the recommender, fed the tag's papers as
 * liked ones). Supplied by whoever assembles the app; absent, tag digests are skipped and counted.
 */
@FunctionalInterface
public interface PersonalRanking {
  List<PaperId> rank(String userId, String tag, Candidates candidates, int limit);
}
