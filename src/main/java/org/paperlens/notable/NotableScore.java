package org.paperlens.notable;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.paperlens.community.Interest;
import org.paperlens.paper.ListingFact;
import org.paperlens.paper.PaperId;

/**
 * The new-and-notable score ({@link NewAndNotable#FORMULA}) of a set of candidates, and the reasons
 * each paper gives. Pure: the callers gather the facts. Each part is a few points, so that no
 * part drowns the others: a paper of the newest listing day with code (3) comes before one of the
 * day before without (about 1.3 in the week window), and one save (2) lifts a paper about as much
 * as a day of recency.
 */
final class NotableScore {

  static final double RECENCY = 2;
  static final double CODE = 1;
  static final int UPVOTE = 1;
  static final int SAVE = 2;
  static final int SUBMISSION = 3;
  static final int COMMENTER = 1;

  /**
   * @param from the first listing day that counts as recent, {@code newest} the last (null: none is)
   * @param halfLife how fast recency fades, counted in days before {@code newest}
   * @param today the day "new today" means
   */
  record Recent(LocalDate from, LocalDate newest, Duration halfLife, LocalDate today) {
    static final Recent NONE = new Recent(null, null, Duration.ofDays(1), null);

    double points(LocalDate listed) {
      if (newest == null || listed == null || listed.isBefore(from) || listed.isAfter(newest)) {
        return 0;
      }
      double days = ChronoUnit.DAYS.between(listed, newest);
      return RECENCY * Math.pow(0.5, days * Duration.ofDays(1).toMillis() / (double) halfLife.toMillis());
    }

    String reason(LocalDate listed) {
      if (listed.equals(today)) {
        return "new today";
      }
      return listed.equals(newest) ? "in the newest listing (" + listed + ")" : "listed " + listed;
    }
  }

  private NotableScore() {}

  static List<Notable> rank(Collection<ListingFact> candidates, Recent recent, Map<PaperId, Interest> interest,
      Map<PaperId, Integer> citations, int limit) {
    List<Notable> scored = new ArrayList<>(candidates.size());
    java.util.Set<PaperId> seen = new java.util.HashSet<>();
    for (ListingFact f : candidates) {
      if (seen.add(f.id())) {
        scored.add(score(f, recent, interest.getOrDefault(f.id(), Interest.NONE), citations.get(f.id())));
      }
    }
    scored.sort(Comparator.comparingDouble((Notable n) -> -n.score())
        .thenComparing(n -> n.citations() == null ? 0 : -n.citations())
        .thenComparing(n -> n.id(), Comparator.reverseOrder()));
    List<Notable> out = new ArrayList<>(Math.min(limit, scored.size()));
    for (Notable n : scored.subList(0, Math.min(limit, scored.size()))) {
      out.add(new Notable(out.size() + 1, n.id(), n.score(), n.recency(), n.code(), n.interest(), n.citations(), n.reasons()));
    }
    return out;
  }

  private static Notable score(ListingFact f, Recent recent, Interest i, Integer cited) {
    List<String> reasons = new ArrayList<>();
    double recency = recent.points(f.firstListed());
    if (recency > 0) {
      reasons.add(recent.reason(f.firstListed()));
    }
    if (f.hasCode()) {
      reasons.add("has code");
    }
    members(reasons, "upvoted", i.upvotes());
    members(reasons, "saved", i.saves());
    members(reasons, "submitted", i.submissions());
    members(reasons, "discussed", i.commenters());
    double citationPoints = cited == null ? 0 : Math.log10(1 + cited);
    if (cited != null && cited > 0) {
      reasons.add("cited by " + cited);
    }
    double interest = i.upvotes() * UPVOTE + i.saves() * SAVE + i.submissions() * SUBMISSION + i.commenters() * COMMENTER;
    double score = Math.round((recency + (f.hasCode() ? CODE : 0) + interest + citationPoints) * 1000) / 1000.0;
    return new Notable(0, f.id(), score, recency, f.hasCode(), i, cited, reasons);
  }

  private static void members(List<String> reasons, String verb, int n) {
    if (n > 0) {
      reasons.add(verb + " by " + n + (n == 1 ? " member" : " members"));
    }
  }
}
