package org.paperlens.citation.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.paperlens.citation.ExternalIds;
import org.paperlens.citation.LinkedWork;
import org.paperlens.citation.graph.CitationGraph;
import org.paperlens.citation.graph.GraphNeighbour;
import org.paperlens.citation.graph.GraphRanker;
import org.paperlens.citation.graph.GraphVersion;
import org.paperlens.citation.store.CitationStore;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/**
 * Builds a paper's {@link CitationMap} from the stored citation graph: the paper, its most cited
 * references and citers, and its nearest catalogue neighbours by co-citation and bibliographic
 * coupling ({@link GraphRanker}), at most {@value #MAX_NODES} nodes, laid out by {@link MapLayout}.
 * The graph is the one related papers use, rebuilt off the request path when the store changes.
 * Thread-safe.
 */
public final class CitationMaps {

  /** Nodes on one map, the paper included: more would not be readable at the size a page draws it. */
  public static final int MAX_NODES = 40;
  /** Neighbours (neither reference nor citer) at most; the rest of the room goes to references and citers. */
  static final int NEIGHBOURS = 10;
  static final double WIDTH = 880;
  static final double HEIGHT = 560;
  static final double MIN_RADIUS = 7;
  static final double MAX_RADIUS = 26;
  /**
   * How much the cosine of two catalogue papers' text vectors adds to their graph similarity: a
   * little, so papers on one topic drift together, but the citation structure still shapes the map
   * (and catalogue papers, which alone have vectors, are not pulled into a clump of their own).
   */
  static final double TEXT_WEIGHT = 0.2;

  private final CitationStore store;
  private final CatalogueStore catalogue;
  private final Function<PaperId, float[]> vectors;
  private final Supplier<GraphVersion> graphs;

  /**
   * @param vectors a catalogue paper's text vector, or null when it has none
   * @param graphs the graph of every stored edge: the one related papers rank on
   *     ({@code CachedGraph}), so a server holds one copy and no page waits for a build
   */
  public CitationMaps(CitationStore store, CatalogueStore catalogue, Function<PaperId, float[]> vectors,
      Supplier<GraphVersion> graphs) {
    this.store = store;
    this.catalogue = catalogue;
    this.vectors = vectors;
    this.graphs = graphs;
  }

  /**
   * The store generation of the graph maps are now drawn from: what caches of maps key on, so a
   * map drawn while the graph lagged the store is drawn again once it has caught up.
   */
  public long graphGeneration() {
    return graphs.get().generation();
  }

  /** Whether a graph id names a catalogue paper (external works are {@code work:N}). */
  static boolean inCatalogue(PaperId id) {
    return !id.value().startsWith("work:");
  }

  /** The map of {@code paper}; {@link CitationMap#isEmpty() empty} when no stored edge touches it. */
  public CitationMap of(PaperId paper) {
    CitationGraph graph = graphs.get().graph();
    List<PaperId> references = graph.references(paper);
    List<PaperId> citers = graph.citers(paper);
    Set<PaperId> linked = new HashSet<>(references);
    linked.addAll(citers);
    List<GraphNeighbour> near = GraphRanker.Settings.DEFAULT.on(graph).neighbours(paper, NEIGHBOURS * 3, linked).stream()
        .filter(n -> inCatalogue(n.id())).limit(NEIGHBOURS).toList();

    Set<PaperId> candidates = new LinkedHashSet<>(linked);
    candidates.add(paper);
    near.forEach(n -> candidates.add(n.id()));
    Map<PaperId, Integer> sourceCounts = store.counts(candidates.stream().filter(CitationMaps::inCatalogue).toList());
    Function<PaperId, Integer> count = id -> sourceCounts.getOrDefault(id, graph.citedBy(id));
    Comparator<PaperId> mostCited = Comparator.comparing((PaperId id) -> -count.apply(id)).thenComparing(Comparator.naturalOrder());

    int room = MAX_NODES - 1 - near.size();
    int refRoom = Math.min(references.size(), Math.max(room / 2, room - citers.size()));
    int citerRoom = Math.min(citers.size(), room - refRoom);
    List<PaperId> shownRefs = references.stream().sorted(mostCited).limit(refRoom).toList();
    Set<PaperId> taken = new HashSet<>(shownRefs);
    // A paper both citing and cited (it happens with preprints) is shown once, as a reference.
    List<PaperId> shownCiters = citers.stream().filter(c -> !taken.contains(c)).sorted(mostCited).limit(citerRoom).toList();

    List<Pick> picks = new ArrayList<>();
    picks.add(new Pick(paper, CitationMap.Kind.SELF, ""));
    shownRefs.forEach(id -> picks.add(new Pick(id, CitationMap.Kind.REFERENCE, "")));
    shownCiters.forEach(id -> picks.add(new Pick(id, CitationMap.Kind.CITER, "")));
    near.forEach(n -> picks.add(new Pick(n.id(), CitationMap.Kind.NEIGHBOUR, n.reason())));
    return layOut(paper, picks, graph, count, references.size(), citers.size());
  }

  private record Pick(PaperId id, CitationMap.Kind kind, String reason) {}

  private CitationMap layOut(PaperId paper, List<Pick> picks, CitationGraph graph, Function<PaperId, Integer> count, int references,
      int citers) {
    int n = picks.size();
    List<PaperId> ids = picks.stream().map(Pick::id).toList();
    Map<PaperId, Paper> papers = new HashMap<>();
    catalogue.findAll(ids.stream().filter(CitationMaps::inCatalogue).toList()).forEach(p -> papers.put(p.id(), p));
    Map<PaperId, LinkedWork> works = store.works(ids.stream().filter(id -> !inCatalogue(id)).toList());

    double[][] similarity = similarity(ids, graph);
    int maxCount = 1;
    for (PaperId id : ids) {
      maxCount = Math.max(maxCount, count.apply(id));
    }
    double[] radii = new double[n];
    for (int i = 0; i < n; i++) {
      double share = Math.sqrt(Math.log1p(count.apply(ids.get(i))) / Math.log1p(maxCount));
      radii[i] = MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * share;
    }
    List<MapLayout.Point> at = MapLayout.place(similarity, radii, new MapLayout.Box(WIDTH, HEIGHT, 6));

    List<CitationMap.Node> nodes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      PaperId id = ids.get(i);
      Paper p = papers.get(id);
      LinkedWork w = works.get(id);
      String title = p != null && p.title() != null ? p.title() : w != null && w.title().isPresent() ? w.title().get()
          : inCatalogue(id) ? id.value() : "Untitled work";
      Optional<Integer> year = p != null ? year(p) : w != null ? w.year() : Optional.empty();
      ExternalIds extIds = w != null ? w.ids() : id.isArxiv() ? ExternalIds.NONE.withArxiv(Optional.of(id)) : ExternalIds.NONE;
      nodes.add(new CitationMap.Node(id.value(), inCatalogue(id) ? Optional.of(id) : Optional.empty(), picks.get(i).kind(), title,
          year, count.apply(id), extIds, picks.get(i).reason(), round(at.get(i).x()), round(at.get(i).y()), round(radii[i])));
    }
    List<CitationMap.Edge> edges = new ArrayList<>();
    for (PaperId a : ids) {
      for (PaperId b : ids) {
        if (!a.equals(b) && graph.cites(a, b)) {
          edges.add(new CitationMap.Edge(a.value(), b.value()));
        }
      }
    }
    return new CitationMap(paper, nodes, edges, references, citers, WIDTH, HEIGHT);
  }

  /**
   * How alike each two papers are: the cosine of their neighbourhoods in the graph (references and
   * citers, each paper counted in its own, so a direct citation counts as much as a shared paper),
   * plus a little of their text vectors' cosine where both have one.
   */
  double[][] similarity(List<PaperId> ids, CitationGraph graph) {
    int n = ids.size();
    List<Set<PaperId>> around = new ArrayList<>(n);
    List<float[]> text = new ArrayList<>(n);
    for (PaperId id : ids) {
      Set<PaperId> s = new HashSet<>(graph.references(id));
      s.addAll(graph.citers(id));
      s.add(id);
      around.add(s);
      text.add(inCatalogue(id) ? vectors.apply(id) : null);
    }
    double[][] sim = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        Set<PaperId> small = around.get(i).size() <= around.get(j).size() ? around.get(i) : around.get(j);
        Set<PaperId> large = small == around.get(i) ? around.get(j) : around.get(i);
        int shared = 0;
        for (PaperId x : small) {
          if (large.contains(x)) {
            shared++;
          }
        }
        double s = shared / Math.sqrt((double) small.size() * large.size());
        float[] a = text.get(i);
        float[] b = text.get(j);
        if (a != null && b != null && a.length == b.length) {
          s = (1 - TEXT_WEIGHT) * s + TEXT_WEIGHT * Math.max(0, cosine(a, b));
        }
        sim[i][j] = sim[j][i] = s;
      }
    }
    return sim;
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0, na = 0, nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  private static Optional<Integer> year(Paper p) {
    return Optional.ofNullable(p.submitted() != null ? p.submitted() : p.firstListed()).map(java.time.LocalDate::getYear);
  }

  /** Tenths of a pixel are plenty, and keep the page and the JSON short. */
  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
