package org.paperlens.citation.store;

import java.util.Optional;
import org.paperlens.citation.LinkedWork;
import org.paperlens.paper.PaperId;

/**
 * The other end of a stored citation edge: a catalogue paper where one is linked (pages link it),
 * and always the work as the source described it (pages show an external one by its DOI or arXiv
 * link, title and year).
 */
public record LinkedPaper(Optional<PaperId> paper, LinkedWork work) {}
