package org.paperlens.citation.match;

import java.util.List;
import java.util.Optional;
import org.paperlens.citation.LinkedWork;
import org.paperlens.citation.match.CatalogueLookup.TitledPaper;
import org.paperlens.citation.match.Resolution.Reason;
import org.paperlens.citation.match.Resolution.Resolved;
import org.paperlens.citation.match.Resolution.Unresolved;
import org.paperlens.citation.match.Resolution.Via;
import org.paperlens.paper.PaperId;

/**
 * Resolves a reference to a catalogue paper: by arXiv id, then DOI, then normalised title with the
 * year within one (a preprint and its proceedings differ by a year; BibTeX may give either). A
 * match is taken only when it is unique, since a wrong edge misleads more than a missing one.
 * Stateless and thread-safe when the catalogue look-up is.
 */
public final class ReferenceMatcher {

  private final CatalogueLookup catalogue;

  public ReferenceMatcher(CatalogueLookup catalogue) {
    this.catalogue = catalogue;
  }

  public Resolution resolve(LinkedWork reference) {
    Optional<PaperId> arxiv = reference.ids().arxiv();
    if (arxiv.isPresent()) {
      // An arXiv id names one paper: when the catalogue lacks it, any title match would be a
      // different arXiv paper (or a duplicate submission), so there is nothing more to try.
      return catalogue.byArxivId(arxiv.get())
          .<Resolution>map(p -> new Resolved(p, Via.ARXIV_ID))
          .orElse(new Unresolved(Reason.ARXIV_ID_NOT_IN_CATALOGUE));
    }
    Optional<PaperId> byDoi = reference.ids().doi().flatMap(catalogue::byDoi);
    if (byDoi.isPresent()) {
      return new Resolved(byDoi.get(), Via.DOI);
    }
    // A DOI the catalogue lacks may be the journal version of a preprint it holds: try the title.
    Optional<TitleKey> key = reference.title().flatMap(TitleKey::of);
    if (key.isEmpty()) {
      return new Unresolved(reference.ids().isEmpty() ? Reason.TOO_LITTLE_METADATA : Reason.NO_MATCH);
    }
    List<TitledPaper> near = catalogue.byTitle(key.get()).stream()
        .filter(p -> yearsAgree(reference.year(), p.year()))
        .toList();
    return switch (near.size()) {
      case 0 -> new Unresolved(Reason.NO_MATCH);
      case 1 -> new Resolved(near.get(0).id(), Via.TITLE_YEAR);
      default -> new Unresolved(Reason.AMBIGUOUS_TITLE);
    };
  }

  /** Within one year; a side without a year cannot disagree (uniqueness still guards the match). */
  static boolean yearsAgree(Optional<Integer> reference, Optional<Integer> paper) {
    return reference.isEmpty() || paper.isEmpty() || Math.abs(reference.get() - paper.get()) <= 1;
  }
}
