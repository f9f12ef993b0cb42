package org.paperlens.web.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paperlens.account.Account;
import org.paperlens.account.RateLimit;
import org.paperlens.community.Comment;
import org.paperlens.community.CommentStore;
import org.paperlens.paper.Paper;
import org.paperlens.web.Api;
import org.paperlens.web.WebServices;
import org.paperlens.web.http.Auth;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Params;

/**
 * The discussion of a paper: members comment (plain text, links made clickable), edit and
 * delete their own comments, from the paper page's forms or the API. Writing is rate-limited per
 * account, so one member cannot flood a page. HTTP only; {@link CommentStore} keeps the comments.
 */
public final class Discussion {

  /** Comments shown on a paper page and in the API's answer. */
  static final int SHOWN = 200;

  private final WebServices s;
  private final Listings listings;
  /** Comments and edits: 10 in 10 minutes and 60 a day per account. */
  private final RateLimit burst;
  private final RateLimit daily;

  public Discussion(WebServices s, Listings listings, Clock clock) {
    this.s = s;
    this.listings = listings;
    this.burst = new RateLimit(10, Duration.ofMinutes(10), clock);
    this.daily = new RateLimit(60, Duration.ofDays(1), clock);
  }

  /** The comments of a paper as the page and the API show them; {@code me} (or null) marks their own. */
  static List<Map<String, Object>> views(List<Comment> comments, Account me) {
    List<Map<String, Object>> out = new ArrayList<>(comments.size());
    for (Comment c : comments) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("id", c.id());
      v.put("paper", c.paperId().value());
      v.put("author", c.author());
      v.put("body", c.body());
      v.put("bodyHtml", CommentText.html(c.body()));
      v.put("created", c.created().toString());
      v.put("createdDay", c.created().toString().substring(0, 10));
      v.put("edited", c.edited() == null ? null : c.edited().toString());
      v.put("mine", me != null && me.name().equalsIgnoreCase(c.author()));
      out.add(v);
    }
    return out;
  }

  public void add(Context ctx) {
    Account me = LibraryPages.member(ctx);
    if (me == null) {
      return;
    }
    Paper p = listings.paper(Params.paperId(ctx.pathParam("id")));
    Comment c = add(me, p, ctx.formParam("body"));
    ctx.redirect("/papers/" + p.id().value() + "#comment-" + c.id(), HttpStatus.SEE_OTHER);
  }

  public void edit(Context ctx) {
    Account me = LibraryPages.member(ctx);
    if (me == null) {
      return;
    }
    Comment c = edit(me, commentId(ctx), ctx.formParam("body"));
    ctx.redirect("/papers/" + c.paperId().value() + "#comment-" + c.id(), HttpStatus.SEE_OTHER);
  }

  public void delete(Context ctx) {
    Account me = LibraryPages.member(ctx);
    if (me == null) {
      return;
    }
    long id = commentId(ctx);
    Optional<Comment> c = s.community().comments().find(id);
    if (c.isEmpty() || !s.community().comments().delete(me, id)) {
      throw HttpProblem.notFound("you have no comment " + id);
    }
    ctx.redirect("/papers/" + c.get().paperId().value() + "#discussion", HttpStatus.SEE_OTHER);
  }

  public void listApi(Context ctx) {
    Paper p = listings.paper(Params.paperId(ctx.pathParam("id")));
    ctx.json(Map.of("id", p.id().value(), "comments", views(s.community().comments().of(p.id(), SHOWN), Auth.account(ctx).orElse(null))));
  }

  public void addApi(Context ctx) {
    Account me = Auth.required(ctx);
    Paper p = listings.paper(Params.paperId(ctx.pathParam("id")));
    Comment c = add(me, p, body(ctx));
    ctx.status(201).json(views(List.of(c), me).getFirst());
  }

  public void editApi(Context ctx) {
    Account me = Auth.required(ctx);
    ctx.json(views(List.of(edit(me, commentId(ctx), body(ctx))), me).getFirst());
  }

  public void deleteApi(Context ctx) {
    Account me = Auth.required(ctx);
    long id = commentId(ctx);
    if (!s.community().comments().delete(me, id)) {
      throw HttpProblem.notFound("you have no comment " + id);
    }
    ctx.status(204);
  }

  private Comment add(Account me, Paper p, String body) {
    CommentStore.checked(body); // a refused text costs nothing of the limit
    limit(me);
    return s.community().comments().add(me, p.id(), body);
  }

  private Comment edit(Account me, long id, String body) {
    CommentStore.checked(body);
    limit(me);
    return s.community().comments().edit(me, id, body).orElseThrow(() -> HttpProblem.notFound("you have no comment " + id));
  }

  private void limit(Account me) {
    String key = Long.toString(me.id());
    Optional<Duration> wait = RateLimit.tryAcquire(burst.key(key), daily.key(key));
    if (wait.isPresent()) {
      throw HttpProblem.tooMany("too many comments in a short time", wait.get());
    }
  }

  private static String body(Context ctx) {
    JsonNode n = Api.body(ctx, false).get("body");
    if (n == null || !n.isTextual()) {
      throw HttpProblem.badRequest("'body' (the comment's text) is required");
    }
    return n.asText();
  }

  private static long commentId(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("cid"));
    } catch (NumberFormatException e) {
      throw HttpProblem.badRequest("'" + ctx.pathParam("cid") + "' is not a comment number");
    }
  }
}
