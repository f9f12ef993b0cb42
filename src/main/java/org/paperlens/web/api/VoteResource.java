package org.paperlens.web.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Map;
import org.paperlens.account.Account;
import org.paperlens.community.CommunityStore;
import org.paperlens.paper.Paper;
import org.paperlens.web.http.Auth;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Routes;
import org.paperlens.web.page.Listings;

/** {@code /papers/{id}/vote}: the caller's upvote, put or taken back; answers with the new count. */
public final class VoteResource implements Feature {

  private final Listings listings;
  private final CommunityStore community;

  public VoteResource(Listings listings, CommunityStore community) {
    this.listings = listings;
    this.community = community;
  }

  @Override
  public void register(Routes routes) {
    routes.api(HandlerType.PUT, "/papers/<id>/vote", this::upvote);
    routes.api(HandlerType.DELETE, "/papers/<id>/vote", this::undoUpvote);
  }

  void upvote(Context ctx) {
    Account me = Auth.required(ctx);
    Paper p = listings.paper(Params.paperId(ctx.pathParam("id")));
    boolean changed = community.upvote(me, p.id());
    ctx.json(Map.of("id", p.id().value(), "upvoted", true, "changed", changed, "upvotes", community.signals(p.id()).upvotes()));
  }

  void undoUpvote(Context ctx) {
    Account me = Auth.required(ctx);
    Paper p = listings.paper(Params.paperId(ctx.pathParam("id")));
    boolean changed = community.undoUpvote(me, p.id());
    ctx.json(Map.of("id", p.id().value(), "upvoted", false, "changed", changed, "upvotes", community.signals(p.id()).upvotes()));
  }
}
