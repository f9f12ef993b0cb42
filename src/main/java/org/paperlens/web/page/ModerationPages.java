package org.paperlens.web.page;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.paperlens.account.Account;
import org.paperlens.account.Role;
import org.paperlens.moderation.AuditEntry;
import org.paperlens.moderation.Moderation;
import org.paperlens.moderation.ReportedComment;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Routes;
import org.paperlens.web.http.Urls;

/**
 * The moderators' pages: the queue of reported comments ({@code /moderation}, most reported first,
 * with its buttons), the audit log for administrators ({@code /moderation/log}), the buttons the
 * paper page shows moderators, and the members' report form. Every form is a CSRF-checked POST
 * ({@link Routes#post}); who may do what is {@link Moderation}'s to decide. HTTP only.
 */
public final class ModerationPages implements Feature {

  static final int QUEUE = 100;
  static final int LOG_PAGE = 100;

  private final Moderation moderation;
  private final Templates templates;

  public ModerationPages(Moderation moderation, Templates templates) {
    this.moderation = moderation;
    this.templates = templates;
  }

  /** The queue page. */
  public record QueueView(List<Queued> queue, String notice, boolean admin) {
    public String title() {
      return "Moderation";
    }
  }

  /** One reported comment in the queue. */
  public record Queued(long id, String paper, String author, String bodyHtml, boolean hidden, int reports, String lastReported,
      List<ReportedComment.Report> reasons) {}

  /** The log page. */
  public record LogView(List<Logged> entries, Pager pager) {
    public String title() {
      return "Moderation log";
    }
  }

  /** One line of the log. */
  public record Logged(String at, String actor, String action, String target, String reason) {}

  void queue(Context ctx) {
    Account me = LibraryPages.member(ctx);
    if (me == null) {
      return;
    }
    List<Queued> queue = moderation.queue(me, QUEUE).stream().map(r -> new Queued(r.comment().id(), r.comment().paperId().value(),
        r.comment().author(), CommentText.html(r.comment().body()), r.comment().hidden(), r.reports(), r.lastReported().toString(),
        r.reasons())).toList();
    String notice = ctx.queryParam("done") == null ? null : "Done: " + ctx.queryParam("done").replace('-', ' ') + ".";
    ctx.html(templates.render("moderation", ctx, new QueueView(queue, notice, moderation.role(me) == Role.ADMIN)));
  }

  void log(Context ctx) {
    Account me = LibraryPages.member(ctx);
    if (me == null) {
      return;
    }
    int page = Params.integer(ctx, "page", 1, 1, 10_000);
    List<AuditEntry> entries = moderation.log(me, LOG_PAGE + 1, (page - 1) * LOG_PAGE);
    List<Logged> shown = entries.stream().limit(LOG_PAGE).map(e -> new Logged(e.at().toString(), e.actor(), e.action().label(),
        e.target(), e.reason())).toList();
    ctx.html(templates.render("moderation-log", ctx, new LogView(shown,
        Pager.of(page, entries.size() > LOG_PAGE, n -> "/moderation/log?page=" + n))));
  }

  void report(Context ctx) {
    Account me = LibraryPages.member(ctx);
    if (me == null) {
      return;
    }
    long id = Discussion.commentId(ctx);
    boolean added = moderation.report(me, id, ctx.formParam("reason"));
    String paper = moderation.paperOf(id);
    ctx.redirect("/papers/" + paper + "?done=" + (added ? "reported" : "reported-already") + "#comment-" + id, HttpStatus.SEE_OTHER);
  }

  private void comment(Context ctx, String action) {
    Account me = LibraryPages.member(ctx);
    if (me == null) {
      return;
    }
    long id = Discussion.commentId(ctx);
    String reason = ctx.formParam("reason");
    switch (action) {
      case "hide" -> moderation.setCommentHidden(me, id, true, reason);
      case "unhide" -> moderation.setCommentHidden(me, id, false, reason);
      default -> moderation.dismissReports(me, id, reason);
    }
    back(ctx, action + "-comment");
  }

  private void submission(Context ctx, boolean hidden) {
    Account me = LibraryPages.member(ctx);
    if (me == null) {
      return;
    }
    moderation.setSubmissionHidden(me, Params.paperId(required(ctx, "paper")), required(ctx, "member"), hidden, ctx.formParam("reason"));
    back(ctx, (hidden ? "hide" : "unhide") + "-submission");
  }

  private void account(Context ctx, boolean suspended) {
    Account me = LibraryPages.member(ctx);
    if (me == null) {
      return;
    }
    moderation.setSuspended(me, required(ctx, "name"), suspended, ctx.formParam("reason"));
    back(ctx, suspended ? "suspend" : "unsuspend");
  }

  /** Back to the page the button was on (a path of this site only), else the queue saying what was done. */
  private static void back(Context ctx, String done) {
    ctx.redirect(Urls.back(ctx, "/moderation?done=" + done), HttpStatus.SEE_OTHER);
  }

  private static String required(Context ctx, String field) {
    String v = ctx.formParam(field);
    if (v == null || v.isBlank()) {
      throw HttpProblem.badRequest("'" + field + "' is required");
    }
    return v.strip();
  }

  @Override
  public void register(Routes routes) {
    routes.get("/moderation", this::queue);
    routes.get("/moderation/log", this::log);
    routes.post("/comments/{cid}/report", this::report);
    routes.post("/moderation/comments/{cid}/hide", ctx -> comment(ctx, "hide"));
    routes.post("/moderation/comments/{cid}/unhide", ctx -> comment(ctx, "unhide"));
    routes.post("/moderation/comments/{cid}/dismiss", ctx -> comment(ctx, "dismiss"));
    routes.post("/moderation/submissions/hide", ctx -> submission(ctx, true));
    routes.post("/moderation/submissions/unhide", ctx -> submission(ctx, false));
    routes.post("/moderation/accounts/suspend", ctx -> account(ctx, true));
    routes.post("/moderation/accounts/unsuspend", ctx -> account(ctx, false));
  }
}
