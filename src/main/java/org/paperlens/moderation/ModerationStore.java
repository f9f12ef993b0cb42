package org.paperlens.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.account.AccountStore;
import org.paperlens.community.Comment;
import org.paperlens.community.CommentStore;
import org.paperlens.store.Database;
import org.paperlens.store.Tx;

/**
 * Members' reports of comments and the moderation log (tables {@code comment_reports},
 * {@code moderation_log}): the only SQL about them. {@link #act} runs an action's change to another
 * feature's rows (through that feature's store) and its log row in one transaction, so the log
 * holds exactly the actions that happened. Thread-safe (the database serialises).
 */
final class ModerationStore {

  private final Database db;

  ModerationStore(Database db) {
    this.db = db;
  }

  /** An action's change, inside the action's transaction: true when it changed something (and so is logged). */
  @FunctionalInterface
  interface Change {
    boolean apply(Tx tx);
  }

  /** Runs {@code change} and, when it changed something, logs it in the same transaction; returns whether it did. */
  boolean act(Instant at, String actor, Action action, String target, String reason, Change change) {
    return db.transaction(tx -> {
      if (!change.apply(tx)) {
        return false;
      }
      tx.update("INSERT INTO moderation_log (at, actor, action, target, reason) VALUES (?, ?, ?, ?, ?)",
          at.toString(), actor, action.label(), target, reason);
      return true;
    });
  }

  /** A member's report of a comment; false when they had reported it already (one report per member and comment). */
  boolean report(long comment, long account, String reason, Instant at) {
    return db.transaction(tx -> tx.update("INSERT INTO comment_reports (comment_id, account_id, reason, created_at) VALUES (?, ?, ?, ?)"
        + " ON CONFLICT DO NOTHING", comment, account, reason, at.toString()) > 0);
  }

  /** Clears the comment's reports, inside an action's transaction (they are dealt with); false when it had none. */
  static boolean clearReports(Tx tx, long comment) {
    return tx.update("DELETE FROM comment_reports WHERE comment_id = ?", comment) > 0;
  }

  /** The reported comments, most reported first (then the most recently reported), at most {@code limit}. */
  List<ReportedComment> queue(int limit) {
    record Count(long comment, int reports, Instant last) {}
    record Row(long comment, long account, String reason, Instant at) {}
    return db.transaction(tx -> {
      List<Count> counts = tx.list("SELECT comment_id, COUNT(*), MAX(created_at) FROM comment_reports GROUP BY comment_id"
          + " ORDER BY COUNT(*) DESC, MAX(created_at) DESC, comment_id LIMIT ?",
          r -> new Count(r.getLong(1), r.getInt(2), Instant.parse(r.getString(3))), limit);
      List<Long> ids = counts.stream().map(Count::comment).toList();
      if (ids.isEmpty()) {
        return List.of();
      }
      Map<Long, Comment> comments = CommentStore.byIds(tx, ids);
      List<Row> rows = tx.listIn("SELECT comment_id, account_id, reason, created_at FROM comment_reports WHERE comment_id IN " + Tx.KEYS,
          ids, r -> new Row(r.getLong(1), r.getLong(2), r.getString(3), Instant.parse(r.getString(4))));
      Map<Long, String> names = AccountStore.names(tx, rows.stream().map(Row::account).toList());
      Map<Long, List<ReportedComment.Report>> reasons = new HashMap<>();
      rows.stream().sorted(java.util.Comparator.comparing(Row::at).reversed()).forEach(r -> reasons
          .computeIfAbsent(r.comment(), k -> new ArrayList<>())
          .add(new ReportedComment.Report(names.getOrDefault(r.account(), "(deleted)"), r.reason(), r.at())));
      List<ReportedComment> out = new ArrayList<>();
      for (Count c : counts) {
        if (comments.containsKey(c.comment())) { // its author's account may be going right now
          out.add(new ReportedComment(comments.get(c.comment()), c.reports(), c.last(), List.copyOf(reasons.get(c.comment()))));
        }
      }
      return out;
    });
  }

  /** The log, newest first, {@code limit} entries after skipping {@code offset}. */
  List<AuditEntry> log(int limit, int offset) {
    return db.transaction(tx -> tx.list("SELECT id, at, actor, action, target, reason FROM moderation_log ORDER BY id DESC LIMIT ? OFFSET ?",
        r -> new AuditEntry(r.getLong(1), Instant.parse(r.getString(2)), r.getString(3), Action.of(r.getString(4)), r.getString(5),
            r.getString(6)), limit, offset));
  }
}
