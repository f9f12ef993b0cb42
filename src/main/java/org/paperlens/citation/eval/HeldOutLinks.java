package org.paperlens.citation.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.paperlens.citation.graph.CitationEdge;
import org.paperlens.paper.PaperId;

/**
 * The held-out-link protocol: which citation links are hidden, which stay visible to build the
 * graph from, and which papers are asked about.
 *
 * <p>A link is a pair of papers with a citation between them in either direction (as eval-related
 * counts relevance), owned by its citing paper, so every link belongs to exactly one paper. For
 * each paper in id order its links (sorted, then shuffled by one generator seeded once) are cut:
 * {@code floor(share × n)} are hidden, and one more with probability equal to the fraction left
 * over, so every paper hides {@code share} of its links on average, even one with a single link.
 * A pair citing each other is one link, hidden or kept as a whole: the visible edges never hold a
 * hidden pair in either direction. The relevant papers of a query are those at the other end of
 * its hidden links, either direction.
 *
 * @param visible the edges to build the graph from, directions kept
 * @param hidden per paper with at least one hidden link, the papers at their other ends
 * @param linked per paper, the papers it is linked with by a visible edge (known links, left out of every ranking)
 */
public record HeldOutLinks(List<CitationEdge> visible, Map<PaperId, Set<PaperId>> hidden,
    Map<PaperId, Set<PaperId>> linked) {

  /** Copies everything: a protocol that could change under an evaluation would not be one. */
  public HeldOutLinks {
    visible = List.copyOf(visible);
    hidden = Collections.unmodifiableMap(new TreeMap<>(deepCopy(hidden)));
    linked = deepCopy(linked);
  }

  private static Map<PaperId, Set<PaperId>> deepCopy(Map<PaperId, Set<PaperId>> m) {
    Map<PaperId, Set<PaperId>> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, Set.copyOf(v)));
    return Map.copyOf(out);
  }

  public static HeldOutLinks split(List<CitationEdge> edges, double share, long seed) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("the hidden share must be in [0, 1], was " + share);
    }
    List<CitationEdge> sorted = new ArrayList<>(edges);
    sorted.removeIf(CitationEdge::isSelfCitation);
    sorted.sort(Comparator.comparing(CitationEdge::citing).thenComparing(CitationEdge::cited));
    Map<Set<PaperId>, PaperId> owner = new HashMap<>();
    Map<PaperId, List<PaperId>> owned = new TreeMap<>();
    for (CitationEdge e : sorted) {
      if (owner.putIfAbsent(Set.of(e.citing(), e.cited()), e.citing()) == null) {
        owned.computeIfAbsent(e.citing(), k -> new ArrayList<>()).add(e.cited());
      }
    }
    Random random = new Random(seed);
    Set<Set<PaperId>> hiddenPairs = new HashSet<>();
    for (var paper : owned.entrySet()) {
      List<PaperId> links = paper.getValue(); // sorted already: the edges were
      Collections.shuffle(links, random);
      double quota = share * links.size();
      int n = (int) Math.floor(quota);
      if (random.nextDouble() < quota - n) {
        n++;
      }
      for (PaperId other : links.subList(0, n)) {
        hiddenPairs.add(Set.of(paper.getKey(), other));
      }
    }
    List<CitationEdge> visible = new ArrayList<>();
    Map<PaperId, Set<PaperId>> hidden = new TreeMap<>();
    Map<PaperId, Set<PaperId>> linked = new HashMap<>();
    for (CitationEdge e : sorted) {
      boolean isHidden = hiddenPairs.contains(Set.of(e.citing(), e.cited()));
      if (!isHidden) {
        visible.add(e);
      }
      Map<PaperId, Set<PaperId>> into = isHidden ? hidden : linked;
      into.computeIfAbsent(e.citing(), k -> new HashSet<>()).add(e.cited());
      into.computeIfAbsent(e.cited(), k -> new HashSet<>()).add(e.citing());
    }
    return new HeldOutLinks(visible, hidden, linked);
  }

  /** The papers with at least one hidden link, in id order: the queries. */
  public List<PaperId> queries() {
    return List.copyOf(hidden.keySet());
  }

  /** The known links of {@code paper} (visible edges either way), empty when none. */
  public Set<PaperId> linkedTo(PaperId paper) {
    return linked.getOrDefault(paper, Set.of());
  }

  /**
   * The queries split in two by a seeded shuffle: the first half (the larger when odd) tunes, the
   * second is reported untouched by any choice made on the first.
   */
  public List<List<PaperId>> halves(long seed) {
    List<PaperId> all = new ArrayList<>(queries());
    Collections.shuffle(all, new Random(seed));
    int cut = (all.size() + 1) / 2;
    List<PaperId> tune = new ArrayList<>(all.subList(0, cut));
    List<PaperId> report = new ArrayList<>(all.subList(cut, all.size()));
    Collections.sort(tune);
    Collections.sort(report);
    return List.of(List.copyOf(tune), List.copyOf(report));
  }
}
