package org.paperlens.citation.match;

import org.paperlens.paper.PaperId;

/** Whether a reference is a catalogue paper, and how that was decided. */
public sealed interface Resolution {

  enum Via { ARXIV_ID, DOI, TITLE_YEAR }

  record Resolved(PaperId paper, Via via) implements Resolution {}

  /** Not (or not surely) in the catalogue; the edge keeps the reference's own ids and title. */
  record Unresolved(Reason reason) implements Resolution {}

  enum Reason {
    /** The reference names an arXiv paper the catalogue does not hold. */
    ARXIV_ID_NOT_IN_CATALOGUE,
    /** No id matched and no title (with a year near enough) did either. */
    NO_MATCH,
    /** Several catalogue papers share the title and year: guessing would link a wrong paper. */
    AMBIGUOUS_TITLE,
    /** Nothing to match on: no ids, and a title too short or missing. */
    TOO_LITTLE_METADATA
  }
}
