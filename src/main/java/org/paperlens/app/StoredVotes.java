package org.paperlens.app;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.paperlens.community.CommunityStore;
import org.paperlens.paper.PaperId;
import org.paperlens.search.VoteCounts;

/**
 * The community store's upvote totals as the counts a sort by votes orders by. They come from the
 * snapshot daily listings already read ({@link CommunityStore#listingSignals}, read again only after
 * a vote), so sorting a thousand hits costs map look-ups, not a query.
 */
record StoredVotes(Supplier<CommunityStore> store) implements VoteCounts {

  @Override
  public Map<PaperId, Integer> of(Collection<PaperId> papers) {
    Map<PaperId, Integer> all = store.get().listingSignals().upvotes();
    Map<PaperId, Integer> out = new HashMap<>();
    for (PaperId id : papers) {
      Integer n = all.get(id);
      if (n != null) {
        out.put(id, n);
      }
    }
    return out;
  }

  @Override
  public long generation() {
    return store.get().generation();
  }
}
