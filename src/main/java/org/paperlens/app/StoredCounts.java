package org.paperlens.app;

import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;
import org.paperlens.citation.store.CitationStore;
import org.paperlens.paper.PaperId;
import org.paperlens.search.CitationCounts;

/**
 * The citation store as the counts lists show and sort by. The store is asked for when a count is
 * first wanted, so a command that never sorts by citations opens no connection for it.
 */
record StoredCounts(Supplier<CitationStore> store) implements CitationCounts {

  @Override
  public Map<PaperId, Integer> of(Collection<PaperId> papers) {
    return store.get().counts(papers);
  }

  @Override
  public long generation() {
    return store.get().generation();
  }
}
