package org.paperlens.search;

import java.util.Collection;
import java.util.Map;
import org.paperlens.paper.PaperId;

/**
 * Papers' upvotes from the site's members: what sorting by votes reads. The application root
 * adapts the community store to it, so searching depends on no community code.
 */
public interface VoteCounts {

  /** The upvotes of those of {@code papers} that have any, in one look-up; a paper left out has none. */
  Map<PaperId, Integer> of(Collection<PaperId> papers);

  /** A number that grows whenever a vote may have changed: caches of lists sorted by votes key on it. */
  long generation();

  /** No community: every paper has no votes. */
  VoteCounts NONE = new VoteCounts() {
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
