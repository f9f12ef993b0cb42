package org.paperlens.web.page;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.account.Account;
import org.paperlens.account.AccountException;
import org.paperlens.web.WebServices;
import org.paperlens.web.http.Auth;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Problems;
import org.paperlens.web.http.Urls;

/**
 * Sign-up, log-in, log-out and the account page: API tokens, password, e-mail address, deleting
 * the account with its data. HTTP only; {@link AccountChanges} does the changes both the page and
 * the API make.
 */
public final class AccountPages {

  private final WebServices s;
  private final Auth auth;
  private final Templates templates;
  private final AccountChanges changes;

  public AccountPages(WebServices s, Auth auth, Templates templates, AccountChanges changes) {
    this.s = s;
    this.auth = auth;
    this.templates = templates;
    this.changes = changes;
  }

  public void signUpForm(Context ctx) {
    form(ctx, "signup", null, null);
  }

  public void logInForm(Context ctx) {
    form(ctx, "login", null, null);
  }

  public void signUp(Context ctx) {
    String name = Params.form(ctx, "name");
    try {
      Account a = auth.signUp(ctx, name, ctx.formParam("password"));
      auth.startSession(ctx, a);
      ctx.redirect(Urls.back(ctx, "/library"), HttpStatus.SEE_OTHER);
    } catch (AccountException | HttpProblem e) {
      formWithError(ctx, "signup", name, e);
    }
  }

  public void logIn(Context ctx) {
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

  public void logOut(Context ctx) {
    auth.endSession(ctx);
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  public void account(Context ctx) {
    Account me = Auth.account(ctx).orElse(null);
    if (me == null) {
      ctx.redirect("/login?back=/account", HttpStatus.SEE_OTHER);
      return;
    }
    page(ctx, me, null);
  }

  public void newToken(Context ctx) {
    Account me = Auth.required(ctx);
    String label = Params.form(ctx, "label");
    String token = auth.newApiToken(me, label == null ? "script" : label);
    page(ctx, me, token);
  }

  public void revokeToken(Context ctx) {
    Account me = Auth.required(ctx);
    s.accounts().revokeApiToken(me, ctx.formParam("token"));
    ctx.redirect("/account", HttpStatus.SEE_OTHER);
  }

  public void changePassword(Context ctx) {
    Account me = Auth.required(ctx);
    try {
      changes.changePassword(ctx, me, ctx.formParam("current"), ctx.formParam("password"));
      page(ctx, me, null, "Your password is changed; your other sessions are logged out.", null);
    } catch (AccountException | HttpProblem e) {
      failed(ctx, me, e);
    }
  }

  public void changeEmail(Context ctx) {
    Account me = Auth.required(ctx);
    try {
      String email = changes.setEmail(me, Params.form(ctx, "email"));
      page(ctx, me, null, email == null ? "Your e-mail address is removed." : "Your e-mail address is now " + email + ".", null);
    } catch (IllegalArgumentException | HttpProblem e) {
      failed(ctx, me, e);
    }
  }

  public void delete(Context ctx) {
    Account me = Auth.required(ctx);
    try {
      changes.delete(ctx, me, ctx.formParam("password"));
    } catch (AccountException | HttpProblem e) {
      failed(ctx, me, e);
      return;
    }
    auth.endSession(ctx);
    Map<String, Object> m = new HashMap<>();
    m.put("title", "Account deleted");
    m.put("message", "The account " + me.name() + " is deleted, with its library, tags, upvotes, submissions, comments,"
        + " subscriptions, API tokens and private feed.");
    ctx.html(templates.render("notice", ctx, m));
  }

  private void failed(Context ctx, Account me, RuntimeException e) {
    Problems.Outcome o = Problems.classify(e);
    ctx.status(o.status());
    if (o.retryAfter() != null) {
      ctx.header("Retry-After", o.retryAfter());
    }
    page(ctx, me, null, null, e.getMessage());
  }

  private void page(Context ctx, Account me, String newToken) {
    page(ctx, me, newToken, null, null);
  }

  private void page(Context ctx, Account me, String newToken, String done, String error) {
    Map<String, Object> m = new HashMap<>();
    m.put("done", done);
    m.put("error", error);
    m.put("email", s.accounts().email(me).orElse(null));
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
