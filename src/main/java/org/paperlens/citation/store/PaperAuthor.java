package org.paperlens.citation.store;

import java.util.List;
import java.util.Optional;
import org.paperlens.citation.Institution;

/** One stored authorship of a catalogue paper: the printed name, and the identity where a source gave one. */
public record PaperAuthor(int position, String name, Optional<AuthorIdentity> identity, List<Institution> institutions) {
  public PaperAuthor {
    institutions = List.copyOf(institutions);
  }
}
