package org.paperlens.paper;

import java.time.LocalDate;
import java.util.List;

/** The metadata of one version of a paper, as a source showed it. */
public record PaperVersion(
    PaperId id, int version, LocalDate dated, String title, String abstractText,
    List<String> authors, String comment, String journalRef, String doi) {

  public PaperVersion {
    authors = List.copyOf(authors);
  }

  public static PaperVersion of(Paper p) {
    return new PaperVersion(p.id(), p.version(), p.updated() != null ? p.updated() : p.submitted(),
        p.title(), p.abstractText(), p.authors(), p.comment(), p.journalRef(), p.doi());
  }
}
