package org.paperlens.notable;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.paperlens.community.CommunityStore;
import org.paperlens.community.Interest;
import org.paperlens.community.Trending;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.ListingFact;
import org.paperlens.paper.PaperId;
import org.paperlens.search.CitationCounts;

/**
 * The list a site shows while too few members vote for trending to mean much: the newest
 * listings, lifted by code links, by what members did with them and by citations. Our own
 * ranking, not a contest, so every account's actions count here, a new one's too.
 *
 * <p>Recency is measured from the catalogue's newest listing day, not from today, so an archived
 * catalogue (the shipped arXiv data ends on 2026-07-01) still has new papers. The window's span
 * picks the listing days (day: the newest; week: the newest and the six days before it; month:
 * thirty) and its half-life how fast recency fades; members' actions count in the window up to now.
 * Thread-safe if the stores are.
 */
public final class NewAndNotable {

  /** The formula in one line, for the API and the page. */
  public static final String FORMULA = "score = recency + code + interest + citations;"
      + " recency = 2 * 0.5^(days before the newest listing day / half-life) for papers listed in the window's span of days"
      + " up to the newest listing day; code = 1 for a repository or model link;"
      + " interest = upvotes * 1 + saves * 2 + submissions * 3 + commenting members * 1 in the window, every account counted;"
      + " citations = log10(1 + citation count) where a citation source gave one";

  private final CatalogueStore catalogue;
  private final CommunityStore community;
  private final CitationCounts citations;
  private final Clock clock;

  public NewAndNotable(CatalogueStore catalogue, CommunityStore community, CitationCounts citations, Clock clock) {
    this.catalogue = catalogue;
    this.community = community;
    this.citations = citations;
    this.clock = clock;
  }

  /** The best {@code limit} papers of the window: its listing days' papers and any paper members touched in it. */
  public List<Notable> rank(Trending.Window window, int limit) {
    Optional<LocalDate> newest = catalogue.listingDay(null, false);
    NotableScore.Recent recent = newest.map(d -> recent(window, d)).orElse(NotableScore.Recent.NONE);
    List<ListingFact> facts = new ArrayList<>(newest.map(d -> catalogue.listingFacts(recent.from(), d)).orElse(List.of()));
    return rank(facts, recent, window, limit);
  }

  /**
   * The best {@code limit} of {@code candidates} (a digest's new papers), recency counted back from
   * the newest of them; papers members touched are not added.
   */
  public List<Notable> rankAmong(List<PaperId> candidates, Trending.Window window, int limit) {
    List<ListingFact> facts = catalogue.listingFacts(candidates);
    Optional<LocalDate> newest = facts.stream().map(ListingFact::firstListed).filter(java.util.Objects::nonNull)
        .max(LocalDate::compareTo);
    NotableScore.Recent recent = newest.map(d -> recent(window, d)).orElse(NotableScore.Recent.NONE);
    Instant now = clock.instant();
    Map<PaperId, Interest> interest = community.interestSince(now.minus(window.span));
    return NotableScore.rank(facts, recent, interest, counts(facts), limit);
  }

  private List<Notable> rank(List<ListingFact> facts, NotableScore.Recent recent, Trending.Window window, int limit) {
    Map<PaperId, Interest> interest = community.interestSince(clock.instant().minus(window.span));
    Set<PaperId> listed = new HashSet<>();
    facts.forEach(f -> listed.add(f.id()));
    facts.addAll(catalogue.listingFacts(interest.keySet().stream().filter(id -> !listed.contains(id)).toList()));
    return NotableScore.rank(facts, recent, interest, counts(facts), limit);
  }

  private NotableScore.Recent recent(Trending.Window window, LocalDate newest) {
    return new NotableScore.Recent(newest.minusDays(window.span.toDays() - 1), newest, window.halfLife, LocalDate.now(clock));
  }

  private Map<PaperId, Integer> counts(List<ListingFact> facts) {
    return facts.isEmpty() ? Map.of() : citations.of(facts.stream().map(ListingFact::id).toList());
  }
}
