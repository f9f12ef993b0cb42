package org.paperlens.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/**
 * Decides who gets a digest now and builds it: the papers first listed since the subscription's
 * last digest, ranked for its topic, minus every paper already mailed to that address, at most
 * {@value #MAX_PAPERS}. An empty digest is skipped (the cursor still moves on).
 *
 * <p>Each planned digest is written in one transaction with everything that depends on it: the
 * rendered outbox message, the papers it carries ({@code sent_papers}), the subscription's advanced
 * cursor and its fresh unsubscribe and manage tokens. A planning run killed at any point therefore
 * leaves each subscription either fully planned or untouched, and a rerun plans only the rest.
 */
public final class DigestPlanner {

  static final int MAX_PAPERS = 20;
  /** How deep a topic ranking goes before already-sent papers are removed. */
  static final int DEPTH = 200;

  /**
   * What a planning pass did; {@code unavailable} counts digests that could not be built, by reason;
   * {@code secondsByKind} is the time spent ranking, per topic kind (where a run's time goes).
   */
  public record Report(int due, int planned, int empty, int papers, Map<String, Integer> unavailable,
      Map<String, Double> secondsByKind) {}

  /**
   * How far before the last digest's listing day a late arrival may have been first listed and
   * still be sent: a paper harvested or indexed a few days late is news; a backfill of last year is not.
   */
  static final int LATE_DAYS = 7;

  private final SubscriptionStore subscriptions;
  private final CatalogueStore catalogue;
  private final org.paperlens.index.PaperIndex index;
  private final TopicRanker ranker;
  private final DigestMail mail;
  private final Links links;
  private final Clock clock;
  private final CommentNotices notices;
  private final CitationAlerts alerts;

  public DigestPlanner(SubscriptionStore subscriptions, org.paperlens.index.PaperIndex index, TrendingRanking trending,
      PersonalRanking personal, Links links, Clock clock) {
    this(subscriptions, index, trending, personal, links, clock, CommentNotices.NONE);
  }

  /**
   * @param notices new comments on a member's papers; each goes in the next digest of the member's
   *     oldest active subscription (so a member with several digests reads each comment once)
   */
  public DigestPlanner(SubscriptionStore subscriptions, org.paperlens.index.PaperIndex index, TrendingRanking trending,
      PersonalRanking personal, Links links, Clock clock, CommentNotices notices) {
    this(subscriptions, index, trending, personal, links, clock, notices, null);
  }

  /** @param alerts what citation alerts are made of; null: their digests are counted as not built */
  public DigestPlanner(SubscriptionStore subscriptions, org.paperlens.index.PaperIndex index, TrendingRanking trending,
      PersonalRanking personal, Links links, Clock clock, CommentNotices notices, CitationAlerts alerts) {
    this.alerts = alerts;
    this.notices = notices;
    this.subscriptions = subscriptions;
    this.catalogue = subscriptions.catalogue();
    this.index = index;
    this.ranker = new TopicRanker(index, trending, personal);
    this.mail = new DigestMail(links);
    this.links = links;
    this.clock = clock;
  }

  /**
   * Plans every due digest. {@code now}: every active subscription is due at once, whatever its
   * schedule. {@code dryRun}: builds and renders everything, writes nothing.
   */
  public Report plan(boolean now, boolean dryRun) {
    Instant at = clock.instant();
    // Never past what the search index covers: a paper not searchable yet would be ranked out of a
    // saved search's digest, and the cursor moving past it would lose it for good.
    // With no index at all, nothing can be ahead of it: saved searches are then unavailable anyway.
    long covered = index == null ? catalogue.sequence() : index.coverage().seq();
    Optional<LocalDate> latest = catalogue.latestListing(covered);
    OutboxStore outbox = new OutboxStore(subscriptions.database());
    Map<String, Set<String>> sent = outbox.sentPapers();
    Map<String, Candidates> windows = new HashMap<>();
    Map<String, Integer> unavailable = new java.util.TreeMap<>();
    Map<String, Double> seconds = new java.util.concurrent.ConcurrentSkipListMap<>();
    ranker.newRun();
    int empty = 0;
    List<Due> due = new ArrayList<>();
    List<CitationDigests.Due> citing = new ArrayList<>();
    List<Subscription> active = subscriptions.active();
    Map<String, Long> noticeSubscription = new HashMap<>();
    for (Subscription s : active) {
      if (s.userId() != null) {
        noticeSubscription.merge(s.userId(), s.id(), Math::min);
      }
    }
    for (Subscription s : active) {
      Instant slot = now ? at : s.cadence().latestSlot(at);
      if (!isDue(s, slot, now)) {
        continue;
      }
      if (s.topic() instanceof Topic.Citing) {
        citing.add(new CitationDigests.Due(s, slot));
        continue;
      }
      if (latest.isEmpty()) {
        empty++;
        continue;
      }
      LocalDate upTo = latest.get();
      LocalDate after = s.lastListed() != null ? s.lastListed() : upTo.minusDays(s.cadence().frequency().days());
      // Late arrivals: indexed after the last digest (change number past its watermark) though
      // listed up to LATE_DAYS before its day. Papers already sent are removed below.
      long changedAfter = s.lastSeq() == null ? covered : s.lastSeq();
      LocalDate lateAfter = changedAfter < covered ? after.minusDays(LATE_DAYS) : after;
      String key = after + ".." + upTo + "@" + changedAfter;
      due.add(new Due(s, slot, windows.computeIfAbsent(key, k -> Candidates.of(lateAfter, upTo, k,
          catalogue.listedOrChanged(after, upTo, changedAfter, covered, lateAfter)))));
    }
    rankAll(due, seconds);
    Tally tally = new Tally();
    tally.empty = empty;
    for (Due d : due) {
      Subscription s = d.subscription();
      if (d.failure() != null) {
        unavailable.merge(d.failure(), 1, Integer::sum);
        continue; // the cursor stays: the digest can still be built once the cause is fixed
      }
      List<Paper> chosen = choose(d, sent.getOrDefault(s.email(), Set.of()));
      if (!chosen.isEmpty()) {
        Set<String> mine = sent.computeIfAbsent(s.email(), e -> new java.util.HashSet<>());
        chosen.forEach(p -> mine.add(p.id().value())); // two subscriptions of one address never repeat a paper
      }
      finish(s, d.slot(), d.candidates().upTo(), covered, ranker.heading(s.topic()), DigestMail.Item.of(chosen), false,
          notices(s, noticeSubscription), dryRun, at, tally);
    }
    if (!citing.isEmpty()) {
      CitationDigests citations = new CitationDigests(alerts, citing, outbox.sentCitations(), catalogue);
      for (CitationDigests.Due d : citing) {
        Subscription s = d.subscription();
        citations.choose(d, MAX_PAPERS, unavailable).ifPresent(chosen -> finish(s, d.slot(), null, covered,
            citations.heading(s.topic()), CitationDigests.items(chosen), true, notices(s, noticeSubscription), dryRun, at, tally));
      }
    }
    int dueCount = due.size() + citing.size() + (latest.isEmpty() ? empty : 0);
    return new Report(dueCount, tally.planned, tally.empty, tally.papers, unavailable, seconds);
  }

  /** What a planning pass counts as it goes, for its {@link Report}. */
  private static final class Tally {
    int planned;
    int empty;
    int papers;
  }

  /** New comments for the member's oldest active subscription only, so each comment is told once. */
  private List<CommentNotices.Notice> notices(Subscription s, Map<String, Long> noticeSubscription) {
    return s.userId() != null && noticeSubscription.get(s.userId()) == s.id()
        ? notices.since(s.userId(), s.lastSlot() != null ? s.lastSlot() : s.confirmedAt()) : List.of();
  }

  /** Writes (or in a dry run, renders) one subscription's digest, or only moves its cursor when there is nothing to say. */
  private void finish(Subscription s, Instant slot, LocalDate upTo, long covered, String title, List<DigestMail.Item> items,
      boolean citations, List<CommentNotices.Notice> comments, boolean dryRun, Instant at, Tally tally) {
    if (items.isEmpty() && comments.isEmpty()) {
      tally.empty++;
    } else {
      tally.planned++;
      tally.papers += items.size();
    }
    if (!dryRun) {
      write(s, slot, upTo, covered, title, items, citations, comments, at);
    } else if (!items.isEmpty() || !comments.isEmpty()) {
      mail.digest(s, title, items, comments, links.unsubscribe(Tokens.mint()), links.manage(Tokens.mint()));
    }
  }

  /** A due subscription, its window, and (after ranking) its ranking or why there is none. */
  private static final class Due {
    private final Subscription subscription;
    private final Instant slot;
    private final Candidates candidates;
    private List<PaperId> ranking = List.of();
    private String failure;

    Due(Subscription subscription, Instant slot, Candidates candidates) {
      this.subscription = subscription;
      this.slot = slot;
      this.candidates = candidates;
    }

    Subscription subscription() { return subscription; }
    Instant slot() { return slot; }
    Candidates candidates() { return candidates; }
    String failure() { return failure; }
  }

  /**
   * Ranks every due subscription, on all cores: rankings are independent of each other (personal
   * ones each train a model), and only what follows (removing papers already sent, writing) must
   * go in order.
   */
  private void rankAll(List<Due> due, Map<String, Double> seconds) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
    try {
      pool.submit(() -> due.parallelStream().forEach(d -> {
        long start = System.nanoTime();
        try {
          d.ranking = ranker.rank(d.subscription, d.candidates, DEPTH);
        } catch (TopicRanker.Unavailable | org.paperlens.index.BadQueryException e) {
          d.failure = e.getMessage();
        } finally {
          seconds.merge(d.subscription.topic().kind(), (System.nanoTime() - start) / 1e9, Double::sum);
        }
      })).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while ranking digests", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  private static boolean isDue(Subscription s, Instant slot, boolean now) {
    if (s.lastSlot() != null && !slot.isAfter(s.lastSlot())) {
      return false;
    }
    // A slot before confirmation is not owed: the first digest goes out at the first slot after it.
    return now || !slot.isBefore(s.confirmedAt());
  }

  private static List<Paper> choose(Due d, Set<String> alreadySent) {
    List<Paper> out = new ArrayList<>();
    for (PaperId id : d.ranking) {
      Paper p = d.candidates.byId().get(id);
      if (p != null && !alreadySent.contains(id.value())) {
        out.add(p);
        if (out.size() == MAX_PAPERS) {
          break;
        }
      }
    }
    return out;
  }

  /** @param citations whether the papers are citing papers of a citation alert (kept in {@code sent_citations}) */
  private void write(Subscription s, Instant slot, LocalDate upTo, long covered, String title, List<DigestMail.Item> chosen,
      boolean citations, List<CommentNotices.Notice> comments, Instant at) {
    subscriptions.database().transaction(c -> {
      if (!chosen.isEmpty() || !comments.isEmpty()) {
        String unsubscribe = Tokens.mint();
        String manage = Tokens.mint();
        SubscriptionStore.putToken(c, unsubscribe,
            new SubscriptionStore.TokenTarget(SubscriptionStore.Purpose.UNSUBSCRIBE, s.id(), s.email(), null), at);
        SubscriptionStore.putToken(c, manage,
            new SubscriptionStore.TokenTarget(SubscriptionStore.Purpose.MANAGE, null, s.email(), null), at);
        DigestMail.Rendered r = mail.digest(s, title, chosen, comments, links.unsubscribe(unsubscribe), links.manage(manage));
        OutboxMessage m = new OutboxMessage(0, s.id(), slot.toString(), "digest", s.email(), messageId(links),
            r.subject(), r.text(), r.html(), links.unsubscribe(unsubscribe), "pending", 0);
        long id = OutboxStore.insert(c, m, at);
        if (id > 0) {
          List<PaperId> ids = chosen.stream().map(i -> i.paper().id()).toList();
          if (citations) {
            OutboxStore.recordCitations(c, s.email(), ids, id);
          } else {
            OutboxStore.recordPapers(c, s.email(), ids, id);
          }
        }
      }
      SubscriptionStore.advance(c, s.id(), slot, upTo, covered);
      return null;
    });
  }

  /** A globally unique Message-ID, fixed when the message is planned. */
  static String messageId(Links links) {
    return "<" + UUID.randomUUID() + "@" + java.net.URI.create(links.baseUrl()).getHost() + ">";
  }
}
