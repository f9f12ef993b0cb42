package org.paperlens.web.page;

import io.javalin.http.Context;
import org.paperlens.account.Account;
import org.paperlens.account.AccountStore;
import org.paperlens.community.CommunityStore;
import org.paperlens.web.http.Auth;

/**
 * The account changes a member makes on the account page or through the API: a new password, an
 * e-mail address, deleting the account. Each that needs the password checks it as a log-in does
 * (throttled the same way, so these forms cannot be used to guess it).
 */
public final class AccountChanges {

  private final AccountStore accounts;
  private final CommunityStore community;
  private final Auth auth;
  /** Empty when the server runs without subscriptions. */
  private final java.util.Optional<org.paperlens.digest.Subscriptions> subscriptions;

  public AccountChanges(AccountStore accounts, CommunityStore community, Auth auth,
      java.util.Optional<org.paperlens.digest.Subscriptions> subscriptions) {
    this.accounts = accounts;
    this.community = community;
    this.auth = auth;
    this.subscriptions = subscriptions;
  }

  public void changePassword(Context ctx, Account me, String current, String password) {
    auth.logIn(ctx, me.name(), current == null ? "" : current);
    accounts.changePassword(me, password, ctx.cookie(Auth.SESSION_COOKIE));
  }

  /** Sets the address (blank removes it) and returns it as stored; a malformed one is an IllegalArgumentException. */
  public String setEmail(Account me, String email) {
    String stored = email == null || email.isBlank() ? null : org.paperlens.digest.Subscriptions.normalise(email);
    accounts.setEmail(me, stored);
    return stored;
  }

  /** Deletes the account and all its data, after checking the password. */
  public void delete(Context ctx, Account me, String password) {
    auth.logIn(ctx, me.name(), password == null ? "" : password);
    accounts.delete(me); // one transaction: library, votes, comments, subscriptions and totals with it

    community.changed(); // the papers' totals changed: rankings and listings are stale
  }
}
