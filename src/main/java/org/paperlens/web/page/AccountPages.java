package org.paperlens.web.page;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import org.paperlens.account.Account;
import org.paperlens.account.AccountException;
import org.paperlens.account.AccountStore;
import org.paperlens.web.http.Auth;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Problems;
import org.paperlens.web.http.Routes;
import org.paperlens.web.http.Urls;

/**
 * Sign-up, log-in, log-out and the account page: API tokens, password, e-mail address, deleting
 * the account with its data. HTTP only; {@link AccountChanges} does the changes both the page and
 * the API make.
 */
public final class AccountPages implements Feature {

  private final AccountStore accounts;
  private final Auth auth;
  private final Templates templates;
  private final AccountChanges changes;

  public AccountPages(AccountStore accounts, Auth auth, Templates templates, AccountChanges changes) {
    this.accounts = accounts;
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
    accounts.revokeApiToken(me, ctx.formParam("token"));
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
    ctx.html(templates.render("notice", ctx, NoticeView.of("Account deleted", "The account " + me.name() + " is deleted, with its"
        + " library, tags, upvotes, submissions, comments, subscriptions, API tokens and private feed.")));
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

  /**
   * The account page ({@code account.mustache}): what was just done or went wrong, the e-mail address,
   * a new API token (shown once) and the tokens by label; {@code role} (null for a member) links staff to the moderation pages.
   */
  record AccountView(String title, String name, String done, String error, String email, String newToken, List<Token> tokens,
      String role) {}

  /** An API token as the page lists it: {@code id} is the start of its hash, enough to revoke it. */
  record Token(String label, String created, String id) {}

  /** The log-in and sign-up forms ({@code login.mustache}, {@code signup.mustache}), with the name as typed. */
  record FormView(String title, String name, String error, String back) {}

  private void page(Context ctx, Account me, String newToken, String done, String error) {
    List<Token> tokens = new ArrayList<>();
    accounts.apiTokens(me).forEach(t -> tokens.add(new Token(t.label(), t.created().toString().substring(0, 10), t.hashPrefix())));
    ctx.html(templates.render("account", ctx, new AccountView("Account " + me.name(), me.name(), done, error,
        accounts.email(me).orElse(null), newToken, tokens, accounts.role(me).moderates() ? accounts.role(me).label() : null)));
  }

  private void form(Context ctx, String which, String name, String error) {
    ctx.html(templates.render(which, ctx, new FormView(which.equals("login") ? "Log in" : "Sign up", name, error, Urls.back(ctx, null))));
  }

  @Override
  public void register(Routes routes) {
    routes.get("/signup", this::signUpForm);
    routes.post("/signup", this::signUp);
    routes.get("/login", this::logInForm);
    routes.post("/login", this::logIn);
    routes.post("/logout", this::logOut);
    routes.get("/account", this::account);
    routes.post("/account/tokens", this::newToken);
    routes.post("/account/tokens/revoke", this::revokeToken);
    routes.post("/account/password", this::changePassword);
    routes.post("/account/email", this::changeEmail);
    routes.post("/account/delete", this::delete);
  }
}
