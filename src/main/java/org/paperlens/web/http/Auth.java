package org.paperlens.web.http;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;
import org.paperlens.account.Account;
import org.paperlens.account.AccountLimits;
import org.paperlens.account.AccountStore;
import org.paperlens.account.Secrets;
import org.paperlens.account.SiteKey;

/**
 * Who is asking, and whether a state change is allowed.
 *
 * <ul>
 *   <li>Browsers: a session cookie ({@code pl_session}: HttpOnly, SameSite=Lax, Secure over TLS).
 *   <li>Scripts: {@code Authorization: Bearer TOKEN} with an API token; no cookies involved.
 *   <li>CSRF: a signed double-submit token bound to the session (OWASP's "signed double-submit
 *       cookie"). Every page sets {@code pl_csrf} (HttpOnly, SameSite=Lax) and puts the same value
 *       in its forms; a POST form must send it back, and an API call that authenticates with the
 *       session cookie must send it as {@code X-CSRF-Token}. The token is a random nonce and the
 *       HMAC, under the site's key, of the nonce and the session cookie (none before log-in), so a
 *       made-up cookie with a matching field is refused, and so is a token of another session;
 *       starting or ending a session issues a new one. The key is kept in the catalogue, so a token
 *       from one serve process is good on every other. A cross-site page can neither read the
 *       cookie nor set the header, and SameSite keeps the cookies away.
 *   <li>Log-in limits: a browser that logged in to a name carries {@code pl_device} for it, so its
 *       own attempts are not locked out by a stranger's failures on that name or from its address
 *       (see {@link org.paperlens.account.LoginThrottle}). Addresses come from {@link ClientAddresses}.
 * </ul>
 */
public final class Auth {

  public static final String SESSION_COOKIE = "pl_session";
  public static final String CSRF_COOKIE = "pl_csrf";
  public static final String CSRF_FIELD = "csrf";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  public static final String DEVICE_COOKIE = "pl_device";
  private static final String ACCOUNT = "paperlens.account";
  private static final String CSRF = "paperlens.csrf";
  private static final String BEARER = "paperlens.bearer";
  private static final String CSRF_KEY = "paperlens.csrf-key";
  /** The session cookie this request set or cleared, when it did: tokens issued after that are bound to it. */
  private static final String NEW_SESSION = "paperlens.new-session";
  private static final java.util.regex.Pattern CSRF_FORM = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}");

  private final AccountStore accounts;
  private final AccountLimits limits;
  private final ClientAddresses clients;
  private final SiteKey csrfKey;

  /** @param csrfKey signs CSRF tokens: the site's, from the catalogue, so every process accepts the others' */
  public Auth(AccountStore accounts, AccountLimits limits, ClientAddresses clients, SiteKey csrfKey) {
    this.accounts = accounts;
    this.limits = limits;
    this.clients = clients;
    this.csrfKey = csrfKey;
  }

  /** The client's address, for per-address limits (honours a trusted proxy). */
  public String address(Context ctx) {
    return clients.of(ctx);
  }

  /** Runs before every request: resolves the account from a bearer token or the session cookie. */
  public void identify(Context ctx) {
    ctx.attribute(CSRF_KEY, csrfKey);
    String header = ctx.header("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Account a = accounts.byApiToken(header.substring(7).strip())
          .orElseThrow(HttpProblem::invalidToken);
      ctx.attribute(ACCOUNT, a);
      ctx.attribute(BEARER, Boolean.TRUE);
      return;
    }
    String session = ctx.cookie(SESSION_COOKIE);
    if (session != null) {
      accounts.bySession(session).ifPresent(a -> ctx.attribute(ACCOUNT, a));
    }
  }

  public static Optional<Account> account(Context ctx) {
    return Optional.ofNullable(ctx.attribute(ACCOUNT));
  }

  public static Account required(Context ctx) {
    return account(ctx).orElseThrow(HttpProblem::unauthorized);
  }

  /** The CSRF token for this browser and session, set as a cookie when it has none valid yet. */
  public static String csrfToken(Context ctx) {
    String t = ctx.attribute(CSRF);
    if (t != null) {
      return t;
    }
    SiteKey key = ctx.attribute(CSRF_KEY);
    if (key == null) {
      return ""; // a request answered before it was identified (an error page): its forms cannot post
    }
    t = ctx.cookie(CSRF_COOKIE);
    if (!signedFor(key, t, session(ctx))) {
      t = issueCsrf(ctx, key);
    }
    ctx.attribute(CSRF, t);
    return t;
  }

  /** A new token bound to the session this request ends with, set as the cookie. */
  private static String issueCsrf(Context ctx, SiteKey key) {
    String nonce = Secrets.newToken().substring(0, 22);
    String t = nonce + "." + key.sign("csrf\n" + nonce + "\n" + session(ctx));
    setCookie(ctx, CSRF_COOKIE, t, null);
    ctx.attribute(CSRF, t);
    return t;
  }

  private static boolean signedFor(SiteKey key, String token, String session) {
    if (token == null || !CSRF_FORM.matcher(token).matches()) {
      return false;
    }
    return key.verifies("csrf\n" + token.substring(0, 22) + "\n" + session, token.substring(23));
  }

  /** The session cookie in effect: one this request set or cleared, else the one it came with ("" for none). */
  private static String session(Context ctx) {
    String s = ctx.attribute(NEW_SESSION);
    if (s == null) {
      s = ctx.cookie(SESSION_COOKIE);
    }
    return s == null ? "" : s;
  }

  /**
   * Refuses a state change without the right CSRF token. Only a logged-in cookie session can be
   * forged by another site, so an API call without one needs no token: a bearer-token call carries
   * no cookies, and an anonymous one acts as nobody (a member-only route then answers 401 with a
   * Bearer challenge, which tells a script what is missing, instead of a 403 about reloading a page).
   * Forms keep the check whoever sends them (a forged log-in form would sign a visitor in as someone else).
   */
  public static void checkCsrf(Context ctx) {
    if (Boolean.TRUE.equals(ctx.attribute(BEARER)) || Problems.isApi(ctx) && account(ctx).isEmpty()) {
      return;
    }
    String sent = Problems.isApi(ctx) ? ctx.header(CSRF_HEADER) : ctx.formParam(CSRF_FIELD);
    SiteKey key = ctx.attribute(CSRF_KEY);
    if (key == null || !Secrets.same(sent, ctx.cookie(CSRF_COOKIE)) || !signedFor(key, sent, session(ctx))) {
      throw HttpProblem.forbidden("missing or wrong CSRF token: reload the page and try again");
    }
  }

  /** Logs in, or throws: 429 with Retry-After when this name or address failed too often. */
  public Account logIn(Context ctx, String name, String password) {
    String address = address(ctx);
    String device = ctx.cookie(DEVICE_COOKIE);
    Optional<Duration> wait = limits.logIns().tryAttempt(name, address, device);
    if (wait.isPresent()) {
      throw HttpProblem.tooMany("too many failed log-ins", wait.get());
    }
    Account a = accounts.logIn(name, password); // a wrong password stays counted
    limits.logIns().succeeded(name, address, device);
    trustDevice(ctx, a);
    return a;
  }

  /** This browser proved it knows the password of {@code a}: later log-ins from it skip the stranger limits. */
  private void trustDevice(Context ctx, Account a) {
    setCookie(ctx, DEVICE_COOKIE, limits.logIns().deviceToken(a.name()), org.paperlens.account.LoginThrottle.DEVICE_LIFETIME);
  }

  /** Signs up, or throws: 429 with Retry-After when this address signed up too many accounts lately. */
  public Account signUp(Context ctx, String name, String password) {
    String address = address(ctx);
    Optional<Duration> wait = limits.signUps().tryAcquire(address);
    if (wait.isPresent()) {
      throw HttpProblem.tooMany("too many sign-ups from your address", wait.get());
    }
    try {
      Account a = accounts.signUp(name, password);
      trustDevice(ctx, a);
      return a;
    } catch (org.paperlens.account.AccountException e) {
      if (e.kind() == org.paperlens.account.AccountException.Kind.INVALID) {
        limits.signUps().release(address); // refused before any work: a typo should not cost an attempt
      }
      throw e;
    }
  }

  /** Makes an API token for {@code a}, or throws 429 with Retry-After when it made too many lately. */
  public String newApiToken(Account a, String label) {
    Optional<Duration> wait = limits.apiTokens().tryAcquire(Long.toString(a.id()));
    if (wait.isPresent()) {
      throw HttpProblem.tooMany("too many new API tokens for this account", wait.get());
    }
    return accounts.newApiToken(a, label);
  }

  /** Starts a session for {@code a} and sets its cookie, replacing any earlier one. */
  public void startSession(Context ctx, Account a) {
    String old = ctx.cookie(SESSION_COOKIE);
    if (old != null) {
      accounts.endSession(old);
    }
    String session = accounts.newSession(a);
    setCookie(ctx, SESSION_COOKIE, session, AccountStore.SESSION_LIFETIME);
    ctx.attribute(NEW_SESSION, session);
    issueCsrf(ctx, csrfKey); // the token before log-in was bound to no session
  }

  public void endSession(Context ctx) {
    accounts.endSession(ctx.cookie(SESSION_COOKIE));
    ctx.attribute(ACCOUNT, null); // a page rendered by this same request shows nobody logged in
    ctx.res().addHeader("Set-Cookie", SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (secure(ctx) ? "; Secure" : ""));
    ctx.attribute(NEW_SESSION, "");
    issueCsrf(ctx, csrfKey);
  }

  private static void setCookie(Context ctx, String name, String value, Duration maxAge) {
    ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; HttpOnly; SameSite=Lax"
        + (maxAge == null ? "" : "; Max-Age=" + maxAge.toSeconds()) + (secure(ctx) ? "; Secure" : ""));
  }

  /** TLS directly, or behind a proxy that says so (serve binds to localhost unless told otherwise). */
  private static boolean secure(Context ctx) {
    return ctx.req().isSecure() || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
  }
}
