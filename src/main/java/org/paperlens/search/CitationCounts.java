package org.paperlens.search;

import java.util.Collection;
import java.util.Map;
import org.paperlens.paper.PaperId;

/**
 * Papers' citation counts, as far as they are known: what sorting by citations and the counts in
 * lists read. The application root adapts the citation store to it, so searching depends on no
 * citation code, and a deployment without citation sources simply knows no counts.
 */
public interface CitationCounts {

  /** The counts of those of {@code papers} that have one, in one look-up; a paper left out has no known count. */
  Map<PaperId, Integer> of(Collection<PaperId> papers);

  /** A number that grows whenever a count may have changed: caches of counted lists key on it. */
  long generation();

  /** Knows no count: every paper sorts as unknown. */
  CitationCounts NONE = new CitationCounts() {
    @Override
    public Map<PaperId, Integer> of(Collection<PaperId> papers) {
      return Map.of();
    }

    @Override
    public long generation() {
      return 0;
    }
  };
}
