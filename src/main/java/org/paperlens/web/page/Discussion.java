package org.paperlens.web.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paperlens.account.Account;
import org.paperlens.community.Comment;
import org.paperlens.community.CommentLimits;
import org.paperlens.community.CommentStore;
import org.paperlens.community.CommunityStore;
import org.paperlens.paper.Paper;
import org.paperlens.web.http.Auth;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.JsonBodies;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Routes;

/**
 * The discussion of a paper: members comment (plain text, links made clickable), edit and
 * delete their own comments, from the paper page's forms or the API. Writing is rate-limited per
 * account ({@link CommentLimits}). HTTP only; {@link CommentStore} keeps the comments.
 */
public final class Discussion implements Feature {

  /** Comments shown on a paper page and in the API's answer. */
  static final int SHOWN = 200;

  private final CommunityStore community;
  private final Listings listings;
  private final CommentLimits limits;

  public Discussion(CommunityStore community, Listings listings, Clock clock) {
    this.community = community;
    this.listings = listings;
    this.limits = new CommentLimits(clock);
  }

  /**
   * A comment as the page and the API show it: its text as written and as safe HTML ({@link CommentText}); {@code mine}: the
   * viewer's own; {@code hidden}: hidden by a moderator (only moderators are shown such comments).
   */
  public record CommentView(long id, String paper, String author, String body, String bodyHtml, String created, String createdDay,
      String edited, boolean mine, boolean hidden) {}

  /** The comments of a paper as the page and the API show them; {@code me} (or null) marks their own. */
  static List<CommentView> views(List<Comment> comments, Account me) {
    List<CommentView> out = new ArrayList<>(comments.size());
    for (Comment c : comments) {
      out.add(new CommentView(c.id(), c.paperId().value(), c.author(), c.body(), CommentText.html(c.body()), c.created().toString(),
          c.created().toString().substring(0, 10), c.edited() == null ? null : c.edited().toString(),
          me != null && me.name().equalsIgnoreCase(c.author()), c.hidden()));
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
    Optional<Comment> c = community.comments().find(id);
    if (c.isEmpty() || !community.comments().delete(me, id)) {
      throw HttpProblem.notFound("you have no comment " + id);
    }
    ctx.redirect("/papers/" + c.get().paperId().value() + "#discussion", HttpStatus.SEE_OTHER);
  }

  public void listApi(Context ctx) {
    Paper p = listings.paper(Params.paperId(ctx.pathParam("id")));
    ctx.json(Map.of("id", p.id().value(), "comments", views(community.comments().of(p.id(), SHOWN), Auth.account(ctx).orElse(null))));
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
    if (!community.comments().delete(me, id)) {
      throw HttpProblem.notFound("you have no comment " + id);
    }
    ctx.status(204);
  }

  private Comment add(Account me, Paper p, String body) {
    CommentStore.checked(body); // a refused text costs nothing of the limit
    limit(me);
    return community.comments().add(me, p.id(), body);
  }

  private Comment edit(Account me, long id, String body) {
    CommentStore.checked(body);
    limit(me);
    return community.comments().edit(me, id, body).orElseThrow(() -> HttpProblem.notFound("you have no comment " + id));
  }

  private void limit(Account me) {
    Optional<Duration> wait = limits.tryAcquire(me);
    if (wait.isPresent()) {
      throw HttpProblem.tooMany("too many comments in a short time", wait.get());
    }
  }

  private static String body(Context ctx) {
    JsonNode n = JsonBodies.body(ctx, false).get("body");
    if (n == null || !n.isTextual()) {
      throw HttpProblem.badRequest("'body' (the comment's text) is required");
    }
    return n.asText();
  }

  /** The {@code {cid}} path parameter, or 400 (also the moderation pages' reader). */
  static long commentId(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("cid"));
    } catch (NumberFormatException e) {
      throw HttpProblem.badRequest("'" + ctx.pathParam("cid") + "' is not a comment number");
    }
  }

  @Override
  public void register(Routes routes) {
    routes.post("/papers/<id>/comments", this::add);
    routes.post("/comments/{cid}/edit", this::edit);
    routes.post("/comments/{cid}/delete", this::delete);
    // Before the API's bare /papers/<id> (PaperResource), whose <id> also matches slashes.
    routes.api(HandlerType.GET, "/papers/<id>/comments", this::listApi);
    routes.api(HandlerType.POST, "/papers/<id>/comments", this::addApi);
    routes.api(HandlerType.PUT, "/comments/{cid}", this::editApi);
    routes.api(HandlerType.DELETE, "/comments/{cid}", this::deleteApi);
  }
}
