package org.paperlens.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.paperlens.account.Account;
import org.paperlens.account.AccountStore;
import org.paperlens.web.http.Auth;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.JsonBodies;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Routes;
import org.paperlens.web.page.AccountChanges;

/** {@code /me}: the caller's account, its password and e-mail address, and deleting it with all its data. */
public final class MeResource implements Feature {

  private final AccountStore accounts;
  private final AccountChanges changes;

  public MeResource(AccountStore accounts, AccountChanges changes) {
    this.accounts = accounts;
    this.changes = changes;
  }

  @Override
  public void register(Routes routes) {
    routes.api(HandlerType.GET, "/me", this::me);
    routes.api(HandlerType.DELETE, "/me", this::deleteMe);
    routes.api(HandlerType.PUT, "/me/password", this::changePassword);
    routes.api(HandlerType.PUT, "/me/email", this::changeEmail);
  }

  void me(Context ctx) {
    Account me = Auth.required(ctx);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", me.name());
    m.put("email", accounts.email(me).orElse(null));
    m.put("role", accounts.role(me).label()); // member, moderator or admin: what a script may ask of /moderation
    ctx.json(m);
  }

  /** Body {@code {"current": "...", "password": "..."}}; other sessions end, API tokens stay. */
  void changePassword(Context ctx) {
    Account me = Auth.required(ctx);
    JsonNode body = JsonBodies.body(ctx, false);
    changes.changePassword(ctx, me, JsonBodies.rawString(body, "current"), JsonBodies.rawString(body, "password"));
    ctx.status(204);
  }

  /** Body {@code {"email": "..."}}; null or empty removes the address. */
  void changeEmail(Context ctx) {
    Account me = Auth.required(ctx);
    String email;
    try {
      email = changes.setEmail(me, JsonBodies.string(JsonBodies.body(ctx, false), "email"));
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badRequest(e.getMessage());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", me.name());
    m.put("email", email);
    ctx.json(m);
  }

  /** Body {@code {"password": "..."}}: deletes the caller's account with all its data. */
  void deleteMe(Context ctx) {
    Account me = Auth.required(ctx);
    changes.delete(ctx, me, JsonBodies.rawString(JsonBodies.body(ctx, false), "password"));
    ctx.status(204);
  }
}
