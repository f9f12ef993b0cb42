package org.paperlens.notable;

import java.util.List;
import org.paperlens.community.Interest;
import org.paperlens.paper.PaperId;

/**
 * One paper of the new-and-notable list, with its score's parts and the reasons a reader sees.
 *
 * @param recency points for being listed recently (0 for a paper older than the window)
 * @param code whether it links code (a repository or model hub)
 * @param interest what members did with it in the window, every account counted
 * @param citations its citation count where a source gave one, else null
 * @param reasons why it is on the list, in words ("has code", "saved by 2 members", "new today")
 */
public record Notable(int rank, PaperId id, double score, double recency, boolean code, Interest interest,
    Integer citations, List<String> reasons) {

  public Notable {
    reasons = List.copyOf(reasons);
  }
}
