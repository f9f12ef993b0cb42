package org.paperlens.moderation;

import java.time.Instant;
import java.util.List;
import org.paperlens.community.Comment;

/**
 * A comment in the moderation queue with the reports against it, newest report first.
 *
 * @param reports how many members reported it (the queue's order, most first)
 */
public record ReportedComment(Comment comment, int reports, Instant lastReported, List<Report> reasons) {

  /** One member's report. */
  public record Report(String reporter, String reason, Instant at) {}
}
