package org.paperlens.live;

import java.time.Duration;
import java.util.List;
import org.paperlens.citation.CitationSource;
import org.paperlens.citation.RefreshCadence;
import org.paperlens.citation.store.CitationStore;

/**
 * What the pipeline's enrichment stage works with: the citation store (on a connection of its
 * own), the configured sources (none: it only ties stored edges to papers as they arrive), the
 * refresh cadence, and how long it rests when nothing is due.
 */
public record Enrichment(CitationStore store, List<CitationSource> sources, RefreshCadence cadence, Duration idle) {

  public Enrichment {
    sources = List.copyOf(sources);
  }
}
