package org.paperlens.citation;

import org.paperlens.paper.PaperId;

/** How a paper is asked for: by its arXiv id or by its DOI. */
public sealed interface WorkKey {

  /** An arXiv paper, by its id without version. */
  record ByArxiv(PaperId id) implements WorkKey {
    public ByArxiv {
      if (!id.isArxiv()) {
        throw new IllegalArgumentException("not an arXiv id: " + id);
      }
    }
  }

  record ByDoi(Doi doi) implements WorkKey {}

  static WorkKey arxiv(String id) {
    return new ByArxiv(new PaperId(id));
  }

  static WorkKey doi(String doi) {
    return new ByDoi(Doi.parse(doi).orElseThrow(() -> new IllegalArgumentException("not a DOI: '" + doi + "'")));
  }

  /** The DOI this key is looked up by where a source finds papers by DOI only (OpenAlex). */
  default Doi asDoi() {
    return switch (this) {
      case ByArxiv a -> Doi.ofArxiv(a.id());
      case ByDoi d -> d.doi();
    };
  }
}
