package org.paperlens.web.page;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.account.Account;
import org.paperlens.index.Filters;
import org.paperlens.index.PaperIndex;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.PaperId;
import org.paperlens.recommend.Method;
import org.paperlens.recommend.RecommendRequest;
import org.paperlens.recommend.Recommendation;
import org.paperlens.recommend.Recommendations;
import org.paperlens.recommend.Recommender;

/**
 * "Recommended for you": the recommender run on a person's library (or one tag of it) as the
 * liked papers, over the papers of the last {@code days} days. Results are cached for a few
 * minutes per distinct set of liked papers, since each request trains a small model; saving a
 * paper changes the set and so the key. Thread-safe.
 */
public final class ForYou {

  /** The candidate windows the page offers, in days. */
  static final List<Integer> WINDOWS = List.of(7, 30, 90, 365);

  private record Key(List<PaperId> liked, Integer days, int k) {}

  private final PaperIndex index;
  private final Recommender recommender;
  private final LibraryStore library;
  private final Clock clock;
  private final Memo<Key, Recommendations> cache;

  public ForYou(PaperIndex index, Recommender recommender, LibraryStore library, Clock clock) {
    this.index = index;
    this.recommender = recommender;
    this.library = library;
    this.clock = clock;
    this.cache = new Memo<>(1_000, Duration.ofMinutes(5), clock);
  }

  /**
   * Recommendations for a member and what both the page and the API show with them.
   *
   * @param liked how many of the member's papers (in the tag, if one is given) the index has
   * @param method the model that ranked them; "none" when nothing was liked
   * @param from and {@code to}: the candidates' window, {@code candidates} how many it held; null and 0 when nothing was liked
   */
  public record Result(String tag, Integer days, int liked, String method, String from, String to, int candidates,
      String emptyReason, List<String> notes, List<Views.Recommended> papers) {

    /** The API's answer: the same data, without the window's fields when nothing was liked. */
    public Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("tag", tag);
      m.put("days", days);
      m.put("liked", liked);
      m.put("method", method);
      if (liked > 0) {
        m.put("from", from);
        m.put("to", to);
        m.put("candidates", candidates);
      }
      m.put("emptyReason", emptyReason);
      if (liked > 0) {
        m.put("notes", notes);
      }
      m.put("papers", papers);
      return m;
    }
  }

  /** The API's answer: {@link #result} as JSON fields. */
  public Map<String, Object> recommend(Account me, String tag, Integer days, int k) {
    return result(me, tag, days, k).json();
  }

  /** The recommendations and the data both the page and the API show. */
  public Result result(Account me, String tag, Integer days, int k) {
    List<PaperId> liked = liked(me, tag);
    if (liked.isEmpty()) {
      return new Result(tag, days, 0, "none", null, null, 0, tag == null ? "your library is empty: save papers to get recommendations"
          : "no paper tagged '" + tag + "' is in the search index yet", List.of(), List.of());
    }
    Recommendations r = recommendations(liked, days, k);
    List<Views.Recommended> items = new ArrayList<>();
    for (Recommendation rec : r.items()) {
      items.add(Views.recommended(rec));
    }
    return new Result(tag, days, liked.size(), r.method(), Views.date(r.from()), Views.date(r.to()), r.candidates(), r.emptyReason(),
        r.notes(), items);
  }

  /** Just the recommended papers, best first (none for an empty library): the feed of the page. */
  List<PaperId> papers(Account me, String tag, Integer days, int k) {
    List<PaperId> liked = liked(me, tag);
    return liked.isEmpty() ? List.of() : recommendations(liked, days, k).items().stream().map(r -> r.paper().id()).toList();
  }

  /** The member's library (or one tag of it) as far as the index has it: papers added since cannot be learned from yet. */
  private List<PaperId> liked(Account me, String tag) {
    List<PaperId> liked = new ArrayList<>();
    for (LibraryStore.Entry e : library.list(me, tag)) {
      if (index.contains(e.paperId(), Filters.NONE)) {
        liked.add(e.paperId());
      }
    }
    return liked;
  }

  private Recommendations recommendations(List<PaperId> liked, Integer days, int k) {
    return cache.get(new Key(List.copyOf(liked), days, k), key -> recommender.recommend(
        new RecommendRequest(key.liked(), List.of(), key.days(), null, Filters.NONE, key.k(), Method.DEFAULT)));
  }
}
