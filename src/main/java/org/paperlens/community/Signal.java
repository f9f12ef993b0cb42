package org.paperlens.community;

import java.time.Instant;
import org.paperlens.paper.PaperId;

/**
 * One community action on a paper, as the trending ranking weighs it.
 *
 * @param account the account that acted (trending counts its voters)
 * @param accountCreated when the account that acted was made (new accounts count only once old enough)
 */
public record Signal(PaperId paperId, Kind kind, Instant at, long account, Instant accountCreated) {

  /** The kinds of action, each with its weight in the trending score. */
  public enum Kind {
    UPVOTE(1), SAVE(2), SUBMISSION(3);

    public final int weight;

    Kind(int weight) {
      this.weight = weight;
    }
  }
}
