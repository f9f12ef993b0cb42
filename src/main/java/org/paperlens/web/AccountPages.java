package org.paperlens.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.account.Account;
import org.paperlens.account.AccountException;

/** Sign-up, log-in, log-out and the account page with API tokens. HTTP only. */
final class AccountPages {

  private final WebServices s;
  private final Auth auth;
  private final Templates templates;

  AccountPages(WebServices s, Auth auth, Templates templates) {
    this.s = s;
    this.auth = auth;
    this.templates = templates;
  }

  void signUpForm(Context ctx) {
    form(ctx, "signup", null, null);
  }

  void logInForm(Context ctx) {
    form(ctx, "login", null, null);
  }

  void signUp(Context ctx) {
    String name = Params.form(ctx, "name");
    try {
      Account a = auth.signUp(ctx, name, ctx.formParam("password"));
      auth.startSession(ctx, a);
      ctx.redirect(Urls.back(ctx, "/library"), HttpStatus.SEE_OTHER);
    } catch (AccountException | HttpProblem e) {
      formWithError(ctx, "signup", name, e);
    }
  }

  void logIn(Context ctx) {
    String name = Params.form(ctx, "name");
    try {
      Account a = auth.logIn(ctx, name, ctx.formParam("password"));
      auth.startSession(ctx, a);
      ctx.redirect(Urls.back(ctx, "/library"), HttpStatus.SEE_OTHER);
    } catch (AccountException | HttpProblem e) {
      formWithError(ctx, "login", name, e);
    }
  }

  /** The form again, with the failure's status (and Retry-After) and its message. */
  private void formWithError(Context ctx, String which, String name, RuntimeException e) {
    Problems.Outcome o = Problems.classify(e);
    ctx.status(o.status());
    if (o.retryAfter() != null) {
      ctx.header("Retry-After", o.retryAfter());
    }
    form(ctx, which, name, e.getMessage());
  }

  void logOut(Context ctx) {
    auth.endSession(ctx);
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  void account(Context ctx) {
    Account me = Auth.account(ctx).orElse(null);
    if (me == null) {
      ctx.redirect("/login?back=/account", HttpStatus.SEE_OTHER);
      return;
    }
    page(ctx, me, null);
  }

  void newToken(Context ctx) {
    Account me = Auth.required(ctx);
    String label = Params.form(ctx, "label");
    String token = auth.newApiToken(me, label == null ? "script" : label);
    page(ctx, me, token);
  }

  void revokeToken(Context ctx) {
    Account me = Auth.required(ctx);
    s.accounts().revokeApiToken(me, ctx.formParam("token"));
    ctx.redirect("/account", HttpStatus.SEE_OTHER);
  }

  private void page(Context ctx, Account me, String newToken) {
    Map<String, Object> m = new HashMap<>();
    m.put("title", "Account " + me.name());
    m.put("name", me.name());
    m.put("newToken", newToken);
    List<Map<String, Object>> tokens = new ArrayList<>();
    s.accounts().apiTokens(me).forEach(t -> tokens.add(Map.of("label", t.label(),
        "created", t.created().toString().substring(0, 10), "id", t.hashPrefix())));
    m.put("tokens", tokens);
    ctx.html(templates.render("account", ctx, m));
  }

  private void form(Context ctx, String which, String name, String error) {
    Map<String, Object> m = new HashMap<>();
    m.put("title", which.equals("login") ? "Log in" : "Sign up");
    m.put("name", name);
    m.put("error", error);
    m.put("back", Urls.back(ctx, null));
    ctx.html(templates.render(which, ctx, m));
  }
}
