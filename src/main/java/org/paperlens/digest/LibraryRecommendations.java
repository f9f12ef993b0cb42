package org.paperlens.digest;

import java.time.temporal.ChronoUnit;
import java.util.List;
import org.paperlens.account.Account;
import org.paperlens.index.Filters;
import org.paperlens.index.PaperIndex;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.PaperId;
import org.paperlens.recommend.Method;
import org.paperlens.recommend.RecommendRequest;
import org.paperlens.recommend.Recommendation;
import org.paperlens.recommend.Recommender;

/**
 * Personal digests: the papers of one library tag are the liked papers the {@link Recommender}
 * learns from, and its candidate window is the digest's (the days since the last digest). An empty
 * tag, or a tag with nothing the recommender can use, gives an empty digest, which is skipped.
 */
public final class LibraryRecommendations implements PersonalRanking {

  private final LibraryStore library;
  private final Recommender recommender;
  private final PaperIndex index;

  public LibraryRecommendations(LibraryStore library, Recommender recommender, PaperIndex index) {
    this.library = library;
    this.recommender = recommender;
    this.index = index;
  }

  @Override
  public List<PaperId> rank(String userId, String tag, Candidates candidates, int limit) {
    long accountId;
    try {
      accountId = Long.parseLong(userId);
    } catch (NumberFormatException e) {
      return List.of();
    }
    // The library is looked up by account id alone; the name is not needed for that.
    List<PaperId> liked = library.list(new Account(accountId, ""), tag).stream().map(LibraryStore.Entry::paperId)
        .filter(id -> index.contains(id, Filters.NONE)) // a saved paper may have left the index since
        .toList();
    if (liked.isEmpty()) {
      return List.of();
    }
    int days = candidates.after() == null ? 7 : (int) Math.max(1, ChronoUnit.DAYS.between(candidates.after(), candidates.upTo()));
    RecommendRequest request = new RecommendRequest(liked, List.of(), days, candidates.upTo(), Filters.NONE, limit, Method.DEFAULT);
    return recommender.recommend(request).items().stream().map(Recommendation::paper)
        .map(org.paperlens.index.IndexedPaper::id).filter(candidates.byId()::containsKey).toList();
  }
}
