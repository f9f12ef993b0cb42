package org.paperlens.citation;

import java.util.Optional;
import org.paperlens.paper.PaperId;

/**
 * The identifiers a work has outside paperlens, any of which may be missing. They are what links
 * an edge to a catalogue paper that arrives later, so each is kept in one spelling: the DOI
 * normalised ({@link Doi}), the arXiv id without version, the OpenAlex id short ({@code W…}),
 * the Semantic Scholar paper id as its 40 hex digits.
 */
public record ExternalIds(Optional<Doi> doi, Optional<PaperId> arxiv, Optional<String> openAlex,
    Optional<String> semanticScholar) {

  public static final ExternalIds NONE = new ExternalIds(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public ExternalIds {
    arxiv.ifPresent(a -> {
      if (!a.isArxiv()) {
        throw new IllegalArgumentException("not an arXiv id: " + a);
      }
    });
  }

  public boolean isEmpty() {
    return doi.isEmpty() && arxiv.isEmpty() && openAlex.isEmpty() && semanticScholar.isEmpty();
  }

  public ExternalIds withDoi(Optional<Doi> d) {
    return new ExternalIds(d, arxiv, openAlex, semanticScholar);
  }

  public ExternalIds withArxiv(Optional<PaperId> a) {
    return new ExternalIds(doi, a, openAlex, semanticScholar);
  }

  public ExternalIds withOpenAlex(Optional<String> w) {
    return new ExternalIds(doi, arxiv, w, semanticScholar);
  }

  public ExternalIds withSemanticScholar(Optional<String> s) {
    return new ExternalIds(doi, arxiv, openAlex, s);
  }
}
