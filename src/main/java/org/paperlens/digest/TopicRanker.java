package org.paperlens.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexHit;
import org.paperlens.index.PaperIndex;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/**
 * Orders a digest's candidates for one subscription, by topic. Saved searches run in the index,
 * restricted to the candidates' listing days; categories and authors filter the candidates
 * (newest first); trending and personal topics ask their rankings.
 */
final class TopicRanker {

  /** Why a subscription's digest could not be built this time (counted, never thrown out of a run). */
  static final class Unavailable extends RuntimeException {
    Unavailable(String message) {
      super(message);
    }
  }

  private final PaperIndex index;
  private final TrendingRanking trending;
  private final PersonalRanking personal;

  /** @param index null when no index exists (saved searches are then unavailable); personal null when absent */
  TopicRanker(PaperIndex index, TrendingRanking trending, PersonalRanking personal) {
    this.index = index;
    this.trending = trending;
    this.personal = personal;
  }

  /** Up to {@code depth} candidates, best first. */
  List<PaperId> rank(Subscription s, Candidates c, int depth) {
    if (c.newestFirst().isEmpty()) {
      return List.of();
    }
    return switch (s.topic()) {
      case Topic.Trending t -> trending.rank(c, depth);
      case Topic.SavedSearch q -> {
        if (index == null) {
          throw new Unavailable("saved searches need a search index (run paperlens reindex)");
        }
        Filters window = new Filters(c.after() == null ? null : c.after().plusDays(1), c.upTo(), Set.of(), null);
        List<PaperId> out = new ArrayList<>();
        for (IndexHit h : index.keyword(q.query(), window, depth)) {
          if (c.byId().containsKey(h.id())) {
            out.add(h.id());
          }
        }
        yield out;
      }
      case Topic.Tag t -> {
        if (personal == null || s.userId() == null) {
          throw new Unavailable("personal digests need the recommender and an account");
        }
        yield personal.rank(s.userId(), t.tag(), c, depth);
      }
      case Topic.Category cat -> filter(c, p -> p.categories().contains(cat.category()), depth);
      case Topic.Author a -> {
        String wanted = Candidates.fold(a.name());
        yield filter(c, p -> c.foldedAuthors().get(p.id()).contains(wanted), depth);
      }
    };
  }

  private static List<PaperId> filter(Candidates c, java.util.function.Predicate<Paper> keep, int depth) {
    return c.newestFirst().stream().filter(keep).limit(depth).map(Paper::id).toList();
  }
}
