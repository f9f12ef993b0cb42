package org.paperlens.notable;

import java.util.List;
import org.paperlens.community.Trending;

/**
 * Trending when enough members vote, new and notable until then: what the home page, the trending
 * page, its feed, the API and the trending digest show. "Enough" is {@code minVoters} members whose
 * upvotes, saves or submissions count in the window ({@link Trending#voters}); below that, a list
 * ranked by a handful of people says more about them than about the papers, and on a fresh install
 * (whose accounts are all younger than the age trending asks for) it would be empty. Thread-safe.
 */
public final class TrendingOrNotable {

  /** What is shown, and why: how many voters the window has, and how many the switch asks for. */
  public sealed interface Shown {
    int voters();

    int minVoters();

    /** The community's trending list, as {@link Trending} ranks it. */
    record ByVotes(List<Trending.Entry> entries, int voters, int minVoters) implements Shown {}

    /** The new-and-notable list: fewer than {@code minVoters} voters in the window. */
    record NewAndNotable(List<Notable> entries, int voters, int minVoters) implements Shown {}
  }

  /** What the page and the API call the fallback list. */
  public static final String LABEL = "New and notable";

  private final Trending trending;
  private final NewAndNotable notable;
  private final int minVoters;

  /** @param minVoters voters a window needs for trending; 0 always shows trending (possibly empty) */
  public TrendingOrNotable(Trending trending, NewAndNotable notable, int minVoters) {
    if (minVoters < 0) {
      throw new IllegalArgumentException("the minimum number of voters must not be negative, was " + minVoters);
    }
    this.trending = trending;
    this.notable = notable;
    this.minVoters = minVoters;
  }

  public Trending trending() {
    return trending;
  }

  public NewAndNotable notable() {
    return notable;
  }

  public int minVoters() {
    return minVoters;
  }

  /** Whether the window has enough voters for trending, and how many it has. */
  public int voters(Trending.Window window) {
    return trending.voters(window);
  }

  public Shown rank(Trending.Window window, int limit) {
    int voters = trending.voters(window);
    if (voters >= minVoters) {
      return new Shown.ByVotes(trending.rank(window, limit), voters, minVoters);
    }
    return new Shown.NewAndNotable(notable.rank(window, limit), voters, minVoters);
  }

  /** One sentence for pages and feeds on why this list is shown instead of trending. */
  public static String why(Shown.NewAndNotable n, Trending.Window window) {
    return "Trending starts once " + n.minVoters() + (n.minVoters() == 1 ? " member votes" : " members vote") + " in the "
        + window.label() + "; " + n.voters() + " so far. Until then: the newest papers, lifted by code links, what members"
        + " upvote, save and discuss (new members too) and citations.";
  }
}
