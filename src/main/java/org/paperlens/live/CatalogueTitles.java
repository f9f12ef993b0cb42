package org.paperlens.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paperlens.citation.Doi;
import org.paperlens.citation.match.CatalogueLookup;
import org.paperlens.citation.match.TitleKey;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/**
 * The catalogue as the reference matcher asks it: arXiv ids and DOIs through the catalogue's own
 * indexed look-ups, titles through a map of title keys kept in memory (the catalogue has no title
 * index; a key and an id are about a hundred bytes a paper). Filled from the whole catalogue on
 * first use and kept current by {@link #add} as the enrichment stage reads the catalogue's changes.
 * Used by the enrichment thread only.
 */
final class CatalogueTitles implements CatalogueLookup {

  private final CatalogueStore store;
  private Map<String, List<TitledPaper>> byTitle;

  CatalogueTitles(CatalogueStore store) {
    this.store = store;
  }

  @Override
  public Optional<PaperId> byArxivId(PaperId arxivId) {
    return store.findState(arxivId).filter(s -> s.live()).map(s -> s.paper().id());
  }

  @Override
  public Optional<PaperId> byDoi(Doi doi) {
    return store.findByDoi(doi.value()).map(Paper::id);
  }

  @Override
  public List<TitledPaper> byTitle(TitleKey key) {
    return titles().getOrDefault(key.value(), List.of());
  }

  /** A paper that arrived or changed: its title key joins the map (a paper already there under it is not added twice). */
  void add(Paper paper) {
    if (byTitle != null) {
      put(byTitle, paper);
    }
  }

  private Map<String, List<TitledPaper>> titles() {
    if (byTitle == null) {
      Map<String, List<TitledPaper>> map = new HashMap<>();
      store.forEachLive(p -> put(map, p));
      byTitle = map;
    }
    return byTitle;
  }

  private static void put(Map<String, List<TitledPaper>> map, Paper p) {
    TitleKey.of(p.title()).ifPresent(k -> {
      List<TitledPaper> list = map.computeIfAbsent(k.value(), x -> new ArrayList<>(1));
      if (list.stream().noneMatch(t -> t.id().equals(p.id()))) {
        list.add(new TitledPaper(p.id(), Optional.ofNullable(p.submitted()).map(d -> d.getYear())));
      }
    });
  }
}
