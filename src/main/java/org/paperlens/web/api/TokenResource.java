package org.paperlens.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Map;
import org.paperlens.account.Account;
import org.paperlens.web.http.Auth;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.JsonBodies;
import org.paperlens.web.http.Routes;

/**
 * {@code /tokens}: exchanges a name and password for an API token. The log-in is rate-limited like
 * the form's, and so are new tokens; there is no session yet, so no CSRF token to check.
 */
public final class TokenResource implements Feature {

  private final Auth auth;

  public TokenResource(Auth auth) {
    this.auth = auth;
  }

  @Override
  public void register(Routes routes) {
    routes.apiWithoutSession(HandlerType.POST, "/tokens", this::token);
  }

  void token(Context ctx) {
    JsonNode body = JsonBodies.body(ctx, false);
    Account me = auth.logIn(ctx, JsonBodies.string(body, "name"), JsonBodies.string(body, "password"));
    String label = JsonBodies.string(body, "label");
    String token = auth.newApiToken(me, label == null ? "api" : label);
    ctx.status(201).json(Map.of("token", token, "name", me.name()));
  }
}
