package org.paperlens.citation.match;

import java.util.List;
import java.util.Optional;
import org.paperlens.citation.Doi;
import org.paperlens.paper.PaperId;

/**
 * What the matcher needs of a catalogue: papers by arXiv id, by DOI, and by normalised title. A
 * store implements it with three indexed queries; tests and the measurement with maps.
 */
public interface CatalogueLookup {

  /** A catalogue paper under its title key, with the year it appeared (for arXiv, its first version's). */
  record TitledPaper(PaperId id, Optional<Integer> year) {}

  Optional<PaperId> byArxivId(PaperId arxivId);

  Optional<PaperId> byDoi(Doi doi);

  /** Every catalogue paper whose title has this key; several when titles collide. */
  List<TitledPaper> byTitle(TitleKey key);
}
