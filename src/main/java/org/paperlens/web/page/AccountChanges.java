package org.paperlens.web.page;

import io.javalin.http.Context;
import org.paperlens.account.Account;
import org.paperlens.web.DigestServices;
import org.paperlens.web.WebServices;
import org.paperlens.web.http.Auth;

/**
 * The account changes a member makes on the account page or through the API: a new password, an
 * e-mail address, deleting the account. Each that needs the password checks it as a log-in does
 * (throttled the same way, so these forms cannot be used to guess it).
 */
public final class AccountChanges {

  private final WebServices s;
  private final Auth auth;
  /** Null when the server runs without subscriptions. */
  private final DigestServices digest;

  public AccountChanges(WebServices s, Auth auth, DigestServices digest) {
    this.s = s;
    this.auth = auth;
    this.digest = digest;
  }

  public void changePassword(Context ctx, Account me, String current, String password) {
    auth.logIn(ctx, me.name(), current == null ? "" : current);
    s.accounts().changePassword(me, password, ctx.cookie(Auth.SESSION_COOKIE));
  }

  /** Sets the address (blank removes it) and returns it as stored; a malformed one is an IllegalArgumentException. */
  public String setEmail(Account me, String email) {
    String stored = email == null || email.isBlank() ? null : org.paperlens.digest.Subscriptions.normalise(email);
    s.accounts().setEmail(me, stored);
    return stored;
  }

  /** Deletes the account and all its data, after checking the password. */
  public void delete(Context ctx, Account me, String password) {
    auth.logIn(ctx, me.name(), password == null ? "" : password);
    if (digest != null) {
      digest.subscriptions().forgetUser(Long.toString(me.id()));
    }
    s.accounts().delete(me);
    s.community().changed(); // the papers' totals changed: rankings and listings are stale
  }
}
