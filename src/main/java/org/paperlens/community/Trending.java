package org.paperlens.community;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paperlens.paper.PaperId;

/**
 * Ranks papers by recent community attention. The published formula:
 *
 * <pre>
 *   score(paper) = Σ over the paper's signals in the window of  weight × 0.5^(age / half-life)
 *   weight: upvote 1, save 2, submission 3
 *   window: day 24 h (half-life 6 h), week 7 days (36 h), month 30 days (7 days)
 * </pre>
 *
 * A save weighs more than an upvote because it costs the person more (it goes in their library);
 * a submission most, because someone went looking for the paper and brought it here. The decay
 * makes yesterday's attention count half as much as a few hours' ago (day window), so the list
 * moves. Ties go to the paper with more raw signals, then to the higher (newer) id.
 *
 * <p>Only signals of accounts at least {@code minAccountAge} old count (24 h by default, see
 * {@link org.paperlens.config.Config#newAccountAge}): accounts made in a hurry to push a paper
 * weigh nothing until then, and by then the day window has moved on.
 */
public final class Trending {

  /** The time spans a ranking covers. */
  public enum Window {
    DAY(Duration.ofDays(1), Duration.ofHours(6)),
    WEEK(Duration.ofDays(7), Duration.ofHours(36)),
    MONTH(Duration.ofDays(30), Duration.ofDays(7));

    public final Duration span;
    public final Duration halfLife;

    Window(Duration span, Duration halfLife) {
      this.span = span;
      this.halfLife = halfLife;
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses day, week or month. */
    public static Window parse(String s) {
      for (Window w : values()) {
        if (w.label().equals(s)) {
          return w;
        }
      }
      throw new IllegalArgumentException("unknown window '" + s + "'; use day, week or month");
    }
  }

  /** One ranked paper with the components of its score, as the API shows them. */
  public record Entry(int rank, PaperId id, double score, int upvotes, int saves, int submissions) {}

  /** The formula in one line, for the API and the page. */
  public static final String FORMULA = "score = sum over signals in the window of weight * 0.5^(age / half-life);"
      + " weights: upvote 1, save 2, submission 3; only accounts older than the minimum age count";

  private final CommunityStore store;
  private final Clock clock;
  private final Duration minAccountAge;

  /** @param minAccountAge signals of accounts younger than this (at ranking time) are left out; zero counts all */
  public Trending(CommunityStore store, Clock clock, Duration minAccountAge) {
    this.store = store;
    this.clock = clock;
    this.minAccountAge = minAccountAge;
  }

  public Duration minAccountAge() {
    return minAccountAge;
  }

  /**
   * How many members' upvotes, saves or submissions count in the window now: the accounts behind
   * {@link #rank}'s list. A handful of voters makes a list that says more about them than about
   * the papers, which is when the front page shows new and notable papers instead.
   */
  public int voters(Window window) {
    return (int) counted(window, clock.instant()).stream().mapToLong(Signal::account).distinct().count();
  }

  /** The signals in the window of accounts old enough to count. */
  private List<Signal> counted(Window window, Instant now) {
    Instant oldEnough = now.minus(minAccountAge);
    return store.signalsSince(now.minus(window.span)).stream().filter(s -> !s.accountCreated().isAfter(oldEnough)).toList();
  }

  public List<Entry> rank(Window window, int limit) {
    Instant now = clock.instant();
    Map<PaperId, double[]> acc = new HashMap<>(); // score, upvotes, saves, submissions
    for (Signal s : counted(window, now)) {
      double ageHalfLives = Math.max(0, Duration.between(s.at(), now).toMillis()) / (double) window.halfLife.toMillis();
      double[] a = acc.computeIfAbsent(s.paperId(), k -> new double[4]);
      a[0] += s.kind().weight * Math.pow(0.5, ageHalfLives);
      a[1 + s.kind().ordinal()] += 1;
    }
    List<Map.Entry<PaperId, double[]>> sorted = new ArrayList<>(acc.entrySet());
    sorted.sort(Comparator.<Map.Entry<PaperId, double[]>>comparingDouble(e -> -e.getValue()[0])
        .thenComparingDouble(e -> -(e.getValue()[1] + e.getValue()[2] + e.getValue()[3]))
        .thenComparing(e -> e.getKey(), Comparator.reverseOrder()));
    List<Entry> out = new ArrayList<>();
    for (Map.Entry<PaperId, double[]> e : sorted.subList(0, Math.min(limit, sorted.size()))) {
      double[] a = e.getValue();
      out.add(new Entry(out.size() + 1, e.getKey(), a[0], (int) a[1], (int) a[2], (int) a[3]));
    }
    return out;
  }
}
