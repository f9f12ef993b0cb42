package org.paperlens.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.account.Account;
import org.paperlens.community.Comment;
import org.paperlens.moderation.AuditEntry;
import org.paperlens.moderation.Moderation;
import org.paperlens.moderation.ReportedComment;
import org.paperlens.web.http.Auth;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.JsonBodies;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Routes;

/**
 * Moderation in the JSON API: members report comments; moderators read the queue, hide and show
 * comments and submissions, and suspend accounts; administrators read the log. A member asking
 * for a moderator's route gets 403 (problem+json, through {@code Problems}). HTTP only.
 */
public final class ModerationResource implements Feature {

  private final Moderation moderation;

  public ModerationResource(Moderation moderation) {
    this.moderation = moderation;
  }

  @Override
  public void register(Routes routes) {
    routes.api(HandlerType.POST, "/comments/{cid}/reports", this::report);
    routes.api(HandlerType.GET, "/moderation/reports", this::queue);
    routes.api(HandlerType.POST, "/moderation/comments/{cid}/hide", ctx -> comment(ctx, "hide"));
    routes.api(HandlerType.POST, "/moderation/comments/{cid}/unhide", ctx -> comment(ctx, "unhide"));
    routes.api(HandlerType.POST, "/moderation/comments/{cid}/dismiss", ctx -> comment(ctx, "dismiss"));
    routes.api(HandlerType.POST, "/moderation/submissions/hide", ctx -> submission(ctx, true));
    routes.api(HandlerType.POST, "/moderation/submissions/unhide", ctx -> submission(ctx, false));
    routes.api(HandlerType.POST, "/moderation/accounts/{name}/suspend", ctx -> account(ctx, true));
    routes.api(HandlerType.POST, "/moderation/accounts/{name}/unsuspend", ctx -> account(ctx, false));
    routes.api(HandlerType.GET, "/moderation/log", this::log);
  }

  void report(Context ctx) {
    Account me = Auth.required(ctx);
    long id = commentId(ctx);
    boolean added = moderation.report(me, id, JsonBodies.string(JsonBodies.body(ctx, false), "reason"));
    ctx.status(added ? 201 : 200).json(Map.of("comment", id, "reported", true, "new", added));
  }

  void queue(Context ctx) {
    Account me = Auth.required(ctx);
    int limit = Params.integer(ctx, "limit", 50, 1, 200);
    List<Map<String, Object>> out = moderation.queue(me, limit).stream().map(ModerationResource::queued).toList();
    ctx.json(Map.of("reports", out));
  }

  void comment(Context ctx, String action) {
    Account me = Auth.required(ctx);
    long id = commentId(ctx);
    String reason = reason(ctx);
    switch (action) {
      case "hide" -> moderation.setCommentHidden(me, id, true, reason);
      case "unhide" -> moderation.setCommentHidden(me, id, false, reason);
      default -> moderation.dismissReports(me, id, reason);
    }
    ctx.json(Map.of("comment", id, "done", action));
  }

  void submission(Context ctx, boolean hidden) {
    Account me = Auth.required(ctx);
    JsonNode body = JsonBodies.body(ctx, false);
    String paper = JsonBodies.string(body, "paper");
    String member = JsonBodies.string(body, "member");
    if (paper == null || member == null) {
      throw HttpProblem.badRequest("'paper' (its id) and 'member' (who submitted it) are required");
    }
    moderation.setSubmissionHidden(me, Params.paperId(paper), member, hidden, JsonBodies.string(body, "reason"));
    ctx.json(Map.of("paper", paper, "member", member, "hidden", hidden));
  }

  void account(Context ctx, boolean suspended) {
    Account me = Auth.required(ctx);
    String name = ctx.pathParam("name");
    moderation.setSuspended(me, name, suspended, reason(ctx));
    ctx.json(Map.of("name", name, "suspended", suspended));
  }

  void log(Context ctx) {
    Account me = Auth.required(ctx);
    int limit = Params.integer(ctx, "limit", 50, 1, 500);
    int offset = Params.integer(ctx, "offset", 0, 0, 1_000_000);
    List<Map<String, Object>> out = moderation.log(me, limit, offset).stream().map(ModerationResource::entry).toList();
    ctx.json(Map.of("entries", out));
  }

  private static Map<String, Object> queued(ReportedComment r) {
    Comment c = r.comment();
    Map<String, Object> comment = new LinkedHashMap<>();
    comment.put("id", c.id());
    comment.put("paper", c.paperId().value());
    comment.put("author", c.author());
    comment.put("body", c.body());
    comment.put("hidden", c.hidden());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("comment", comment);
    m.put("reports", r.reports());
    m.put("lastReported", r.lastReported().toString());
    m.put("reasons", r.reasons().stream().map(x -> Map.of("reporter", x.reporter(), "reason", x.reason(), "at", x.at().toString())).toList());
    return m;
  }

  private static Map<String, Object> entry(AuditEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("at", e.at().toString());
    m.put("actor", e.actor());
    m.put("action", e.action().label());
    m.put("target", e.target());
    m.put("reason", e.reason());
    return m;
  }

  /** The optional {@code reason} of a JSON body; no body at all is fine. */
  private static String reason(Context ctx) {
    return JsonBodies.string(JsonBodies.body(ctx, true), "reason");
  }

  private static long commentId(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("cid"));
    } catch (NumberFormatException e) {
      throw HttpProblem.badRequest("'" + ctx.pathParam("cid") + "' is not a comment number");
    }
  }
}
