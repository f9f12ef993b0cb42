package org.paperlens.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.paperlens.index.Filters;
import org.paperlens.index.IndexHit;
import org.paperlens.index.PaperIndex;
import org.paperlens.paper.AuthorNames;
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
  /**
   * Rankings that are the same for every subscriber with the same window (trending, a saved search),
   * computed once per run: thousands of trending subscribers must not each recount the votes.
   * Keyed by the window and the topic; cleared at the start of every run. Thread-safe: runs rank in parallel.
   */
  private final java.util.Map<String, List<PaperId>> shared = new java.util.concurrent.ConcurrentHashMap<>();

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
      case Topic.Trending t -> shared(c, "trending", () -> trending.rank(c, depth));
      case Topic.SavedSearch q -> {
        if (index == null) {
          throw new Unavailable("saved searches need a search index (run paperlens reindex)");
        }
        yield shared(c, "search:" + q.query(), () -> {
          Filters window = new Filters(c.after() == null ? null : c.after().plusDays(1), c.upTo(), Set.of(), null);
          List<PaperId> out = new ArrayList<>();
          for (IndexHit h : index.keyword(q.query(), window, depth)) {
            if (c.byId().containsKey(h.id())) {
              out.add(h.id());
            }
          }
          return out;
        });
      }
      case Topic.Tag t -> {
        if (personal == null || s.userId() == null) {
          throw new Unavailable("personal digests need the recommender and an account");
        }
        // Not the full depth: each recommendation is looked up and explained, which is the recommender's
        // main cost; twice a digest's size leaves room for papers already sent.
        yield personal.rank(s.userId(), t.tag(), c, Math.min(depth, 2 * DigestPlanner.MAX_PAPERS));
      }
      case Topic.Category cat -> filter(c, p -> p.categories().contains(cat.category()), depth);
      case Topic.Author a -> {
        String wanted = AuthorNames.fold(a.name());
        yield filter(c, p -> c.foldedAuthors().get(p.id()).contains(wanted), depth);
      }
      case Topic.Citing t -> throw new IllegalStateException("citation alerts are not ranked: " + t.kind());
    };
  }

  /** Forgets the shared rankings of the previous run. */
  void newRun() {
    shared.clear();
    headings.clear();
  }

  /** What a trending digest is called in this run, asked once: the name of the list its ranking gave. */
  private final java.util.Map<String, String> headings = new java.util.concurrent.ConcurrentHashMap<>();

  /** The digest's heading: the topic's name, or, for trending, what the ranking calls its list this run (new and notable). */
  String heading(Topic topic) {
    return topic instanceof Topic.Trending ? headings.computeIfAbsent("trending", k -> trending.heading(topic.describe())) : topic.describe();
  }

  private List<PaperId> shared(Candidates c, String key, java.util.function.Supplier<List<PaperId>> compute) {
    return shared.computeIfAbsent(c.key() + " " + key, k -> List.copyOf(compute.get()));
  }

  private static List<PaperId> filter(Candidates c, java.util.function.Predicate<Paper> keep, int depth) {
    return c.newestFirst().stream().filter(keep).limit(depth).map(Paper::id).toList();
  }
}
