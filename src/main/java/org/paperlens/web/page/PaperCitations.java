package org.paperlens.web.page;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.citation.map.CitationMap;
import org.paperlens.citation.map.CitationMaps;
import org.paperlens.citation.store.CitationFacts;
import org.paperlens.citation.store.CitationStore;
import org.paperlens.citation.store.LinkedPaper;
import org.paperlens.citation.store.PaperAuthor;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/**
 * The read side of citation data for pages and the API: a paper's facts, the first of its
 * references and citers, its authorships and its map, each cached until the stored citation data
 * changes ({@link CitationStore#generation()}), so a value stays the same object while it holds
 * (the shared paper page is kept by identity: {@link SharedPage}). Thread-safe.
 */
public final class PaperCitations {

  /** References and citers the paper page lists; the rest are on their own pages. */
  public static final int SHOWN = 20;
  /** How far the full lists and the API page: a paper cited more often is rare, and the source's count says how often. */
  public static final int MAX_LISTED = 10_000;

  /**
   * What the paper page shows of a paper's citations.
   *
   * @param references up to {@link #SHOWN}, as {@link CitationStore#references} orders them
   * @param catalogue the catalogue papers among both lists, for their titles as the catalogue has them
   */
  public record Panel(CitationFacts facts, List<LinkedPaper> references, List<LinkedPaper> citations, List<PaperAuthor> authors,
      Map<PaperId, Paper> catalogue) {

    static final Panel NONE = new Panel(CitationFacts.NONE, List.of(), List.of(), List.of(), Map.of());

    /** Nothing stored: the page looks as it did before citation data existed. */
    public boolean isEmpty() {
      return facts.isEmpty() && references.isEmpty() && citations.isEmpty() && authors.isEmpty();
    }
  }

  private record Key(PaperId id, long generation) {}

  private record MapKey(PaperId id, long generation, long graphGeneration) {}

  private record ListKey(PaperId id, boolean references, int limit, long generation) {}

  private final CitationStore store;
  private final CatalogueStore catalogue;
  private final CitationMaps maps;
  private final Memo<Key, Panel> panels;
  /** The newest panel of each recently shown paper, least recently used out first. */
  private final Map<PaperId, Panel> latest = new java.util.LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<PaperId, Panel> eldest) {
      return size() > LATEST;
    }
  };
  private static final int LATEST = 20_000;
  private final Memo<ListKey, List<LinkedPaper>> lists;
  private final Memo<MapKey, CitationMap> mapsByPaper;

  public PaperCitations(CitationStore store, CatalogueStore catalogue, CitationMaps maps, Clock clock) {
    this.store = store;
    this.catalogue = catalogue;
    this.maps = maps;
    // Keyed by the store's generation, so a change shows at once; the time to live only bounds memory held by idle papers.
    this.panels = new Memo<>(20_000, Duration.ofHours(1), clock);
    this.lists = new Memo<>(2_000, Duration.ofHours(1), clock);
    this.mapsByPaper = new Memo<>(2_000, Duration.ofHours(1), clock);
  }

  /** The paper page's citation panel for {@code id}; {@link Panel#isEmpty() empty} when nothing is stored. */
  public Panel panel(PaperId id) {
    return panels.get(new Key(id, store.generation()), k -> {
      CitationFacts facts = store.facts(k.id());
      List<PaperAuthor> authors = store.authors(k.id());
      if (facts.isEmpty() && authors.isEmpty()) {
        return Panel.NONE;
      }
      List<LinkedPaper> refs = facts.references() == 0 ? List.of() : store.references(k.id(), SHOWN);
      List<LinkedPaper> cites = facts.citedBy() == 0 ? List.of() : store.citations(k.id(), SHOWN);
      return unchanged(k.id(), new Panel(facts, refs, cites, authors, inCatalogue(refs, cites)));
    });
  }

  /**
   * The panel last made for the same paper when it equals {@code fresh}: enrichment moves the
   * generation with every write, and most writes are about other papers, so keeping the old object
   * keeps the paper's shared page cached (it is keyed by identity).
   */
  private Panel unchanged(PaperId id, Panel fresh) {
    synchronized (latest) {
      Panel old = latest.get(id);
      if (fresh.equals(old)) {
        return old;
      }
      latest.put(id, fresh);
      return fresh;
    }
  }

  /**
   * References ({@code references} true) or citers of {@code id}, from {@code offset}, at most
   * {@code limit}, with the catalogue papers among them. The store lists from the start, so a page
   * reads everything before it too; {@link #MAX_LISTED} bounds that.
   */
  public Slice list(PaperId id, boolean references, int offset, int limit) {
    int upTo = Math.min(MAX_LISTED, offset + limit);
    List<LinkedPaper> all = lists.get(new ListKey(id, references, upTo, store.generation()),
        k -> k.references() ? store.references(k.id(), k.limit()) : store.citations(k.id(), k.limit()));
    List<LinkedPaper> page = offset >= all.size() ? List.of() : all.subList(offset, Math.min(all.size(), upTo));
    return new Slice(page, inCatalogue(page, List.of()));
  }

  /** A page of a reference or citer list, with the catalogue papers in it. */
  public record Slice(List<LinkedPaper> items, Map<PaperId, Paper> catalogue) {}

  /** The citation map of {@code id} (only the paper itself when no stored edge touches it). */
  public CitationMap map(PaperId id) {
    // Keyed by the graph's generation too: a map drawn while the graph lagged is drawn again once it has caught up.
    return mapsByPaper.get(new MapKey(id, store.generation(), maps.graphGeneration()), k -> maps.of(k.id()));
  }

  public CitationFacts facts(PaperId id) {
    return panel(id).facts();
  }

  private Map<PaperId, Paper> inCatalogue(List<LinkedPaper> a, List<LinkedPaper> b) {
    List<PaperId> ids = new ArrayList<>();
    a.forEach(l -> l.paper().ifPresent(ids::add));
    b.forEach(l -> l.paper().ifPresent(ids::add));
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<PaperId, Paper> out = new HashMap<>();
    catalogue.findAll(ids).forEach(p -> out.put(p.id(), p));
    return out;
  }
}
