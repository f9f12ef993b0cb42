package org.paperlens.digest;

import java.time.Instant;
import java.util.List;
import org.paperlens.paper.PaperId;

/**
 * Where a digest finds what members said about a subscriber's papers: comments by others, since
 * an instant, on the papers the subscriber's account saved or upvoted.
 */
@FunctionalInterface
public interface CommentNotices {

  /** A comment to tell a subscriber about. */
  record Notice(PaperId paper, String paperTitle, String author, String excerpt, long commentId) {}

  CommentNotices NONE = (account, since) -> List.of();

  /** At most a handful, oldest first; {@code account} is the subscription's user id. */
  List<Notice> since(String account, Instant since);
}
