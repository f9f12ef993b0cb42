package org.paperlens.live;

import java.util.Optional;
import org.paperlens.citation.Doi;
import org.paperlens.citation.Edges;
import org.paperlens.citation.LinkedWork;
import org.paperlens.citation.Work;
import org.paperlens.citation.match.ReferenceMatcher;
import org.paperlens.citation.match.Resolution;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.PaperId;

/**
 * Ties the ends of a work's edges that name no arXiv id to catalogue papers, by DOI or by title
 * and year ({@link ReferenceMatcher}): a resolved end gets the catalogue paper's arXiv id (or its
 * DOI), which is what the store links edges by. Ends with an arXiv id need nothing: the store
 * links those itself, and the matcher would not look further than the id anyway.
 */
final class ReferenceMatching {

  private final ReferenceMatcher matcher;
  private final CatalogueStore catalogue;

  ReferenceMatching(ReferenceMatcher matcher, CatalogueStore catalogue) {
    this.matcher = matcher;
    this.catalogue = catalogue;
  }

  Work resolve(Work w) {
    return new Work(w.source(), w.ids(), w.title(), w.year(), w.venue(), w.citationCount(), w.countsByYear(), w.tldr(),
        resolve(w.references()), resolve(w.citations()), w.authorships());
  }

  private Edges resolve(Edges edges) {
    return switch (edges) {
      case Edges.NotGiven n -> n;
      case Edges.Listed l -> new Edges.Listed(l.works().stream().map(this::resolve).toList());
    };
  }

  LinkedWork resolve(LinkedWork end) {
    if (end.ids().arxiv().isPresent()) {
      return end;
    }
    if (!(matcher.resolve(end) instanceof Resolution.Resolved r)) {
      return end;
    }
    PaperId paper = r.paper();
    if (paper.isArxiv()) {
      return new LinkedWork(end.ids().withArxiv(Optional.of(paper)), end.title(), end.year());
    }
    Optional<Doi> doi = catalogue.find(paper).map(p -> p.doi()).flatMap(Doi::parse);
    return doi.isEmpty() || end.ids().doi().equals(doi) ? end
        : new LinkedWork(end.ids().withDoi(doi), end.title(), end.year());
  }
}
