package org.paperlens.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.paperlens.citation.store.NewCitation;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;

/**
 * The citation alerts of one planning run. A subscription's window is the citations learnt of
 * since its last digest's slot, reaching {@value #CARRY_DAYS} days further back, up to this digest's
 * slot (inclusive); never further back than one period (a day or a week) before the subscription
 * was confirmed, which is also where the first digest starts. The reach back costs nothing in
 * repeats, since a citing paper already mailed to the address is left out ({@code sent_citations}),
 * and it catches what a tighter window would lose: an alert past a digest's {@value
 * DigestPlanner#MAX_PAPERS} papers goes in the next one, and a citation written by a transaction that
 * committed after the planner read, under an earlier time, is still found. The citations are read
 * once for all due subscriptions.
 *
 * <p>Exactly once per citing paper and address: across runs by {@code sent_citations}, written in
 * the transaction that plans the digest; within a run by marking each chosen paper for its address
 * before the next subscription chooses, so a paper citing both a followed paper and a followed
 * author's paper arrives once, in the address's first citation alert of the run, naming what it cites
 * of that alert's topic.
 */
final class CitationDigests {

  static final int CARRY_DAYS = 7;

  /** A due citation subscription and the slot it is planned for. */
  record Due(Subscription subscription, Instant slot) {
    Instant after() {
      Subscription s = subscription;
      Instant floor = s.confirmedAt().minus(Duration.ofDays(s.cadence().frequency().days()));
      Instant carried = s.lastSlot() == null ? floor : s.lastSlot().minus(Duration.ofDays(CARRY_DAYS));
      return carried.isAfter(floor) ? carried : floor;
    }
  }

  private final CitationAlerts alerts;
  private final Map<String, Set<String>> sent;
  private final CatalogueStore catalogue;
  /** Every citation learnt of in the union of the due windows, oldest first; null without a citation store. */
  private final List<NewCitation> edges;

  /** @param sent the citing papers already mailed to each address (updated as papers are chosen) */
  CitationDigests(CitationAlerts alerts, List<Due> due, Map<String, Set<String>> sent, CatalogueStore catalogue) {
    this.alerts = alerts;
    this.sent = sent;
    this.catalogue = catalogue;
    Instant from = due.stream().map(Due::after).min(Instant::compareTo).orElseThrow();
    Instant to = due.stream().map(Due::slot).max(Instant::compareTo).orElseThrow();
    this.edges = alerts == null ? null : alerts.learntBetween(from, to);
  }

  /**
   * The alerts for one due subscription, at most {@code limit}, marked as sent to its address;
   * empty when this server cannot build them, counted by reason in {@code unavailable} (the
   * subscription's cursor then stays, so they are built once the cause is fixed).
   */
  Optional<List<CitationAlerts.Alert>> choose(Due d, int limit, Map<String, Integer> unavailable) {
    try {
      return Optional.of(choose(d, limit));
    } catch (TopicRanker.Unavailable e) {
      unavailable.merge(e.getMessage(), 1, Integer::sum);
      return Optional.empty();
    }
  }

  private List<CitationAlerts.Alert> choose(Due d, int limit) {
    if (alerts == null) {
      throw new TopicRanker.Unavailable("citation alerts need the citation store");
    }
    Subscription s = d.subscription();
    Topic.Citing topic = (Topic.Citing) s.topic();
    Instant after = d.after();
    List<NewCitation> window = edges.stream()
        .filter(e -> e.firstSeen().isAfter(after) && !e.firstSeen().isAfter(d.slot())).toList();
    Set<String> mine = sent.computeIfAbsent(s.email(), e -> new HashSet<>());
    List<CitationAlerts.Alert> chosen = window.isEmpty() ? List.of()
        : alerts.alerts(window, alerts.watched(topic, s.userId()), alerts.known(topic, s.userId()), mine, limit);
    chosen.forEach(a -> mine.add(a.citing().id().value()));
    return chosen;
  }

  /** The mail's heading: a followed paper by its title, the rest as the topic describes itself. */
  String heading(Topic topic) {
    if (topic instanceof Topic.CitingPaper p) {
      return catalogue.find(p.paper()).map(Paper::title).map(t -> "New papers citing “" + t + "”").orElse(topic.describe());
    }
    return topic.describe();
  }

  static List<DigestMail.Item> items(List<CitationAlerts.Alert> alerts) {
    return alerts.stream().map(a -> new DigestMail.Item(a.citing(), a.cited())).toList();
  }
}
