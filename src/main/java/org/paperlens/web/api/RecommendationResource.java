package org.paperlens.web.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.paperlens.account.Account;
import org.paperlens.web.http.Auth;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Routes;
import org.paperlens.web.page.ForYou;

/** {@code /recommendations}: recent papers from the caller's library (or one tag), with the reasons. */
public final class RecommendationResource implements Feature {

  private final ForYou forYou;

  public RecommendationResource(ForYou forYou) {
    this.forYou = forYou;
  }

  @Override
  public void register(Routes routes) {
    routes.api(HandlerType.GET, "/recommendations", this::recommendations);
  }

  void recommendations(Context ctx) {
    Account me = Auth.required(ctx);
    ctx.json(forYou.recommend(me, Params.text(ctx, "tag"), Params.integer(ctx, "days", 30, 1, 3650),
        Params.integer(ctx, "limit", 20, 1, 100)));
  }
}
