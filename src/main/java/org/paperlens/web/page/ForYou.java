package org.paperlens.web.page;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.account.Account;
import org.paperlens.index.Filters;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.PaperId;
import org.paperlens.recommend.Method;
import org.paperlens.recommend.RecommendRequest;
import org.paperlens.recommend.Recommendation;
import org.paperlens.recommend.Recommendations;
import org.paperlens.web.WebServices;

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

  private final WebServices s;
  private final Memo<Key, Recommendations> cache;

  public ForYou(WebServices s) {
    this.s = s;
    this.cache = new Memo<>(1_000, Duration.ofMinutes(5), s.clock());
  }

  /** The recommendations and the data both the page and the API show. */
  public Map<String, Object> recommend(Account me, String tag, Integer days, int k) {
    List<PaperId> liked = liked(me, tag);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tag", tag);
    m.put("days", days);
    m.put("liked", liked.size());
    List<Map<String, Object>> items = new ArrayList<>();
    if (liked.isEmpty()) {
      m.put("method", "none");
      m.put("emptyReason", tag == null ? "your library is empty: save papers to get recommendations"
          : "no paper tagged '" + tag + "' is in the search index yet");
    } else {
      Recommendations r = recommendations(liked, days, k);
      m.put("method", r.method());
      m.put("from", Views.date(r.from()));
      m.put("to", Views.date(r.to()));
      m.put("candidates", r.candidates());
      m.put("emptyReason", r.emptyReason());
      m.put("notes", r.notes());
      for (Recommendation rec : r.items()) {
        Map<String, Object> v = Views.recommended(rec);
        items.add(v);
      }
    }
    m.put("papers", items);
    return m;
  }

  /** Just the recommended papers, best first (none for an empty library): the feed of the page. */
  List<PaperId> papers(Account me, String tag, Integer days, int k) {
    List<PaperId> liked = liked(me, tag);
    return liked.isEmpty() ? List.of() : recommendations(liked, days, k).items().stream().map(r -> r.paper().id()).toList();
  }

  /** The member's library (or one tag of it) as far as the index has it: papers added since cannot be learned from yet. */
  private List<PaperId> liked(Account me, String tag) {
    List<PaperId> liked = new ArrayList<>();
    for (LibraryStore.Entry e : s.library().list(me, tag)) {
      if (s.index().contains(e.paperId(), Filters.NONE)) {
        liked.add(e.paperId());
      }
    }
    return liked;
  }

  private Recommendations recommendations(List<PaperId> liked, Integer days, int k) {
    return cache.get(new Key(List.copyOf(liked), days, k), key -> s.recommender().recommend(
        new RecommendRequest(key.liked(), List.of(), key.days(), null, Filters.NONE, key.k(), Method.DEFAULT)));
  }
}
