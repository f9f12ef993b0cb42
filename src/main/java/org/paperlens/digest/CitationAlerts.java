package org.paperlens.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.paperlens.citation.store.CitationStore;
import org.paperlens.citation.store.NewCitation;
import org.paperlens.index.IndexedPaper;
import org.paperlens.index.PaperIndex;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/**
 * Citation alerts: which of the citations paperlens learnt of tell a {@link Topic.Citing}
 * subscriber something. One rule for the digests and the feeds, so a feed shows what the mail says:
 *
 * <ul>
 *   <li>a citation counts when both papers are in the catalogue and the cited one is among the
 *       topic's papers (the paper; the library's or the tag's saved papers; the author's papers by
 *       name, as the author page finds them, or by identity, under every spelling);
 *   <li>the citing paper must be new: first listed (else submitted) at most {@value #NEW_DAYS} days
 *       before paperlens learnt of the citation. Enrichment finds a new paper's references within
 *       days, but a backfill (the OpenAlex snapshot, the first enrichment of an old catalogue) learns
 *       of years of old citations at once, and those are not news to mail;
 *   <li>a paper the subscriber saved is no news as a citer of their library or tag;
 *   <li>one alert per citing paper, naming every topic paper it cites, in the order paperlens learnt
 *       of its first citation.
 * </ul>
 *
 * Exactly once per citing paper and address is the planner's part ({@code sent_citations}). Thread-safe.
 */
public final class CitationAlerts {

  /** How long before the citation was learnt of its citing paper may have been listed and still be new. */
  static final int NEW_DAYS = 60;

  /** A citing paper and the topic's papers it cites; {@code firstSeen}: when paperlens learnt of its first such citation. */
  public record Alert(Paper citing, List<Paper> cited, Instant firstSeen) {
    public Alert {
      cited = List.copyOf(cited);
    }
  }

  /** A member's saved papers, of one tag or (tag null) all of them; supplied by whoever assembles the app. */
  @FunctionalInterface
  public interface SavedPapers {
    List<PaperId> saved(String userId, String tag);
  }

  private final CitationStore citations;
  private final CatalogueStore catalogue;
  private final PaperIndex index;
  private final SavedPapers saved;

  /**
   * @param index for authors by name (null: those alerts are unavailable)
   * @param saved for library and tag alerts (null: those are unavailable)
   */
  public CitationAlerts(CitationStore citations, CatalogueStore catalogue, PaperIndex index, SavedPapers saved) {
    this.citations = citations;
    this.catalogue = catalogue;
    this.index = index;
    this.saved = saved;
  }

  /** The citations between catalogue papers learnt of in {@code (after, until]}, oldest first. */
  List<NewCitation> learntBetween(Instant after, Instant until) {
    return citations.newCitations(after, until);
  }

  /**
   * The papers whose citations the topic follows.
   *
   * @throws TopicRanker.Unavailable when this server lacks what the topic needs
   */
  Set<PaperId> watched(Topic.Citing topic, String userId) {
    return switch (topic) {
      case Topic.CitingPaper p -> Set.of(p.paper());
      case Topic.CitingLibrary l -> new HashSet<>(saved(userId, null));
      case Topic.CitingTag t -> new HashSet<>(saved(userId, t.tag()));
      case Topic.CitingAuthor a when a.identity() != null -> citations.identity(a.identity())
          .map(i -> (Set<PaperId>) new HashSet<>(citations.papersOf(i))).orElse(Set.of());
      case Topic.CitingAuthor a -> {
        if (index == null) {
          throw new TopicRanker.Unavailable("citation alerts of an author by name need a search index (run paperlens reindex)");
        }
        yield index.byAuthor(a.name(), PaperIndex.MAX_AUTHOR_PAPERS).stream().map(IndexedPaper::id)
            .collect(Collectors.toCollection(HashSet::new));
      }
    };
  }

  private List<PaperId> saved(String userId, String tag) {
    if (saved == null || userId == null) {
      throw new TopicRanker.Unavailable("citation alerts of a library need the library and an account");
    }
    return saved.saved(userId, tag);
  }

  /**
   * The papers a topic's subscriber knows already, so no alert is about them: for a library or
   * a tag, every paper the member saved. Empty for the other topics (a paper by a followed author
   * citing another of theirs is news).
   */
  Set<PaperId> known(Topic.Citing topic, String userId) {
    return topic instanceof Topic.CitingLibrary || topic instanceof Topic.CitingTag ? new HashSet<>(saved(userId, null)) : Set.of();
  }

  /**
   * The alerts among {@code edges} (oldest first) for a topic watching {@code watched}: at most
   * {@code limit}, leaving out citing papers in {@code skip} (already mailed to the address) and
   * in {@code known} (see {@link #known}).
   */
  List<Alert> alerts(List<NewCitation> edges, Set<PaperId> watched, Set<PaperId> known, Set<String> skip, int limit) {
    Map<PaperId, List<NewCitation>> byCiting = new LinkedHashMap<>();
    for (NewCitation e : edges) {
      if (watched.contains(e.cited()) && !skip.contains(e.citing().value()) && !e.citing().equals(e.cited())
          && !known.contains(e.citing())) {
        byCiting.computeIfAbsent(e.citing(), k -> new ArrayList<>()).add(e);
      }
    }
    Map<PaperId, Paper> papers = papers(byCiting.values().stream().flatMap(List::stream)
        .flatMap(e -> java.util.stream.Stream.of(e.citing(), e.cited())).toList());
    List<Alert> out = new ArrayList<>();
    for (Map.Entry<PaperId, List<NewCitation>> c : byCiting.entrySet()) {
      Paper citing = papers.get(c.getKey());
      Instant first = c.getValue().getFirst().firstSeen();
      if (citing == null || !isNew(citing, first)) {
        continue;
      }
      List<Paper> cited = c.getValue().stream().map(e -> papers.get(e.cited())).filter(java.util.Objects::nonNull)
          .distinct().toList();
      if (!cited.isEmpty()) {
        out.add(new Alert(citing, cited, first));
        if (out.size() == limit) {
          break;
        }
      }
    }
    return out;
  }

  /**
   * The topic's latest alerts, the one paperlens learnt of last first: what its feed shows. Reads
   * the newest citations of the topic's papers ({@code 4 × limit} edges: a citing paper often cites
   * several of one author's or library's papers).
   *
   * @throws TopicRanker.Unavailable when this server lacks what the topic needs
   */
  public List<Alert> latest(Topic.Citing topic, String userId, int limit) {
    Set<PaperId> watched = watched(topic, userId);
    List<NewCitation> newestFirst = citations.citing(watched, 4 * limit);
    List<NewCitation> oldestFirst = new ArrayList<>(newestFirst).reversed();
    List<Alert> alerts = new ArrayList<>(alerts(oldestFirst, watched, known(topic, userId), Set.of(), Integer.MAX_VALUE));
    alerts.sort(java.util.Comparator.comparing(Alert::firstSeen).reversed());
    return alerts.subList(0, Math.min(limit, alerts.size()));
  }

  /** Whether the citing paper was new when paperlens learnt that it cites: see the class comment. */
  static boolean isNew(Paper citing, Instant learnt) {
    LocalDate listed = citing.firstListed() != null ? citing.firstListed() : citing.submitted();
    return listed != null && !listed.isBefore(learnt.atZone(ZoneOffset.UTC).toLocalDate().minusDays(NEW_DAYS));
  }

  private Map<PaperId, Paper> papers(Collection<PaperId> ids) {
    return catalogue.findAll(new ArrayList<>(new LinkedHashSet<>(ids))).stream()
        .collect(Collectors.toMap(Paper::id, Function.identity()));
  }
}
