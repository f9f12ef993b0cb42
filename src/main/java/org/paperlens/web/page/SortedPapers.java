package org.paperlens.web.page;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;
import org.paperlens.search.CitationCounts;
import org.paperlens.search.SortOrder;

/**
 * One page of a list of papers known by id (a collection, a library), in the list's own order or
 * sorted as a whole: newest first (reading every paper's date) or most cited first (one count
 * look-up for the whole list). The shown papers' counts come in one look-up either way.
 */
public final class SortedPapers {

  private SortedPapers() {}

  /** How a list shows one paper; {@code paper} is null for one gone from the catalogue, {@code citations} when unknown. */
  @FunctionalInterface
  public interface Show<T> {
    T show(PaperId id, Paper paper, Integer citations);
  }

  /** Page {@code page} ({@code limit} to a page) of {@code ids}, which are in the list's own order; null shows are left out. */
  public static <T> List<T> page(List<PaperId> ids, SortOrder sort, int page, int limit, CatalogueStore catalogue, CitationCounts citations,
      Show<T> show) {
    Map<PaperId, Integer> counts = null;
    Map<PaperId, Paper> papers = null;
    List<PaperId> ordered = ids;
    switch (sort) {
      case RELEVANCE -> {}
      case CITATIONS -> {
        counts = counts(ids, citations);
        ordered = sort.order(ids, id -> id, id -> null, counts);
      }
      case DATE -> {
        Map<PaperId, Paper> all = byId(catalogue.findAll(ids));
        papers = all;
        ordered = sort.order(ids, id -> id, id -> date(all.get(id)), Map.of());
      }
    }
    List<PaperId> shown = ordered.subList(Math.min((page - 1) * limit, ordered.size()), Math.min(page * limit, ordered.size()));
    if (counts == null) {
      counts = counts(shown, citations);
    }
    if (papers == null) {
      papers = byId(catalogue.findAll(shown));
    }
    List<T> out = new ArrayList<>(shown.size());
    for (PaperId id : shown) {
      T item = show.show(id, papers.get(id), counts.get(id));
      if (item != null) {
        out.add(item);
      }
    }
    return out;
  }

  /** A paper's date in lists: first listed, else submitted. */
  static LocalDate date(Paper p) {
    if (p == null) {
      return null;
    }
    return p.firstListed() != null ? p.firstListed() : p.submitted();
  }

  private static Map<PaperId, Integer> counts(List<PaperId> ids, CitationCounts citations) {
    return ids.isEmpty() ? Map.of() : citations.of(ids);
  }

  private static Map<PaperId, Paper> byId(List<Paper> papers) {
    Map<PaperId, Paper> out = new HashMap<>();
    papers.forEach(p -> out.put(p.id(), p));
    return out;
  }
}
