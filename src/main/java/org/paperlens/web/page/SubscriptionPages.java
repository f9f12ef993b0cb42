package org.paperlens.web.page;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.paperlens.account.Account;
import org.paperlens.digest.Cadence;
import org.paperlens.digest.SubscribeLimits;
import org.paperlens.digest.Subscription;
import org.paperlens.digest.Subscriptions;
import org.paperlens.digest.Topic;
import org.paperlens.web.http.Auth;
import org.paperlens.web.http.ClientAddresses;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Routes;

/**
 * Subscribing to digests, confirming, one-click unsubscribing and managing subscriptions. HTTP
 * only; the rules live in {@link Subscriptions}. Links in mails are GET pages with a button, so a
 * mail scanner that follows links confirms or unsubscribes nothing; the button (or, for
 * unsubscribing, a mail client's RFC 8058 one-click POST) does it.
 */
public final class SubscriptionPages implements Feature {

  private final Subscriptions subscriptions;
  /** Asks the digest schedule to send queued mail soon; returns at once (never SMTP on a request thread). */
  private final Runnable nudge;
  /** Whether a mail server is configured; without one, the page says nothing can be mailed yet. */
  private final boolean canSendMail;
  private final Templates templates;
  /** Confirmation mails per address and per client ({@link SubscribeLimits}). */
  private final SubscribeLimits mails;

  private final ClientAddresses clients;
  private final org.paperlens.account.AccountStore accounts;

  public SubscriptionPages(Subscriptions subscriptions, Runnable nudge, boolean canSendMail, Templates templates, Clock clock, ClientAddresses clients,
      org.paperlens.account.AccountStore accounts) {
    this.accounts = accounts;
    this.subscriptions = subscriptions;
    this.nudge = nudge;
    this.canSendMail = canSendMail;
    this.templates = templates;
    this.clients = clients;
    this.mails = new SubscribeLimits(clock);
  }

  /** The subscribe form, prefilled from the query (kind, target), and a signed-in member's subscriptions. */
  public void page(Context ctx) {
    render(ctx, Params.text(ctx, "kind"), Params.text(ctx, "target"), null, null);
  }

  public void subscribe(Context ctx) {
    Optional<Account> me = Auth.account(ctx);
    String kind = Params.form(ctx, "kind");
    String target = Params.form(ctx, "target");
    try {
      Topic topic = Topic.of(kind == null ? "trending" : kind, target);
      Cadence cadence = Cadence.parse(Params.form(ctx, "frequency"), Params.form(ctx, "hour"),
          Params.form(ctx, "weekday"), Params.form(ctx, "zone"));
      Subscriptions.Pending p = subscribe(mails, clients.of(ctx), subscriptions, Params.form(ctx, "email"),
          me.map(a -> Long.toString(a.id())).orElse(null), topic, cadence);
      nudge.run();
      render(ctx, kind, target, canSendMail
          ? "Check your mail: we sent a confirmation link to " + p.subscription().email() + ". Nothing is sent before you confirm."
          : "Your subscription for " + p.subscription().email() + " is recorded, but this site has no mail server set up,"
              + " so no confirmation link could be sent: it goes out if the site's operator sets one up, and nothing is"
              + " sent before you confirm. Meanwhile, follow the lists by their feeds (links on each list page).", null);
    } catch (IllegalArgumentException e) {
      ctx.status(400);
      render(ctx, kind, target, null, e.getMessage());
    }
  }

  /**
   * Subscribes within the mail limits, for the form and the API alike: counted before the
   * confirmation mail is queued, given back when none was; a 429 problem over a limit, and
   * {@link Subscriptions#subscribe}'s IllegalArgumentException for a bad request.
   */
  public static Subscriptions.Pending subscribe(SubscribeLimits mails, String client, Subscriptions subscriptions, String email,
      String userId, Topic topic, Cadence cadence) {
    String address = email == null ? "" : email.toLowerCase(Locale.ROOT);
    Optional<Duration> wait = mails.tryAcquire(address, client);
    if (wait.isPresent()) {
      throw HttpProblem.tooMany("too many subscriptions asked for this address or from here", wait.get());
    }
    try {
      return subscriptions.subscribe(email, userId, topic, cadence);
    } catch (IllegalArgumentException e) {
      mails.release(address, client); // no mail was queued
      throw e;
    }
  }

  public void confirmPage(Context ctx) {
    notice(ctx, "Confirm your subscription", "Confirm that you want this digest.", ctx.path(), "Confirm subscription");
  }

  public void confirm(Context ctx) {
    Subscription s = subscriptions.confirm(ctx.pathParam("token"))
        .orElseThrow(() -> HttpProblem.notFound("this confirmation link is not valid (mistyped or very old)"));
    notice(ctx, "Subscription confirmed", "You will receive " + s.topic().describe() + ", " + s.cadence().describe()
        + ", at " + s.email() + ". Every mail has a link to unsubscribe.", null, null);
  }

  public void unsubscribePage(Context ctx) {
    notice(ctx, "Unsubscribe", "Stop this digest? It takes effect at once.", ctx.path(), "Unsubscribe");
  }

  /** The form's POST and the mail client's RFC 8058 one-click POST (which carries no CSRF token: the link's token is the secret). */
  public void unsubscribe(Context ctx) {
    Subscription s = subscriptions.unsubscribe(ctx.pathParam("token"))
        .orElseThrow(() -> HttpProblem.notFound("this unsubscribe link is not valid (mistyped?)"));
    notice(ctx, "Unsubscribed", s.email() + " will receive no more of " + s.topic().describe() + ".", null, null);
  }

  public void manage(Context ctx) {
    Subscriptions.Managed m = subscriptions.manage(ctx.pathParam("token"))
        .orElseThrow(() -> HttpProblem.notFound("this link to manage subscriptions is not valid (mistyped?)"));
    ctx.html(templates.render("subscriptions-manage", ctx, new ManageView("Subscriptions of " + m.email(),
        views(m.subscriptions(), ctx.path()), m.subscriptions().stream().noneMatch(Subscription::active))));
  }

  public void unsubscribeManaged(Context ctx) {
    long id = subscriptionId(ctx);
    String token = ctx.pathParam("token");
    if (!subscriptions.unsubscribeManaged(token, id)) {
      throw HttpProblem.notFound("no such subscription for this address");
    }
    ctx.redirect("/subscriptions/manage/" + token, HttpStatus.SEE_OTHER);
  }

  public void unsubscribeOwn(Context ctx) {
    Account me = LibraryPages.member(ctx);
    if (me == null) {
      return;
    }
    if (!subscriptions.unsubscribeOwn(Long.toString(me.id()), subscriptionId(ctx))) {
      throw HttpProblem.notFound("you have no such subscription");
    }
    ctx.redirect("/subscriptions", HttpStatus.SEE_OTHER);
  }

  /** The subscribe page with its form set to {@code kind} and {@code target} (null: none), for a page's "alert me" link. */
  static String prefilled(String kind, String target) {
    java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
    params.put("kind", kind);
    if (target != null) {
      params.put("target", target);
    }
    return org.paperlens.web.http.Urls.of("/subscriptions", params);
  }

  private static long subscriptionId(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw HttpProblem.badRequest("'" + ctx.pathParam("id") + "' is not a subscription number");
    }
  }

  private void render(Context ctx, String kind, String target, String done, String error) {
    Optional<Account> me = Auth.account(ctx);
    ctx.html(templates.render("subscriptions", ctx, new SubscribeView("Subscribe to a digest", new Choice(kind == null ? "trending" : kind),
        target, done, error, me.isPresent(), !canSendMail, me.flatMap(accounts::email).orElse(null),
        me.map(a -> views(subscriptions.ofUser(Long.toString(a.id())), "/subscriptions")).orElse(List.of()))));
  }

  /**
   * The subscribe page ({@code subscriptions.mustache}): the form, prefilled ({@code kind}, {@code target}),
   * what was just done or went wrong, and a signed-in member's subscriptions.
   *
   * @param noMail the site has no mail server, so nothing can be mailed yet
   */
  record SubscribeView(String title, Choice kind, String target, String done, String error, boolean signedIn, boolean noMail,
      String email, List<Line> subscriptions) {}

  /** The page that manages one address's subscriptions from a mail's link ({@code subscriptions-manage.mustache}). */
  record ManageView(String title, List<Line> subscriptions, boolean empty) {}

  /** A subscription as the pages list it, with the form action that ends it. */
  record Line(long id, String what, String when, String email, boolean pending, String unsubscribeAction) {}

  private static List<Line> views(List<Subscription> subs, String base) {
    List<Line> out = new ArrayList<>();
    for (Subscription s : subs) {
      if (!s.active() && s.confirmedAt() != null) {
        continue; // unsubscribed: gone from the list
      }
      out.add(new Line(s.id(), s.topic().describe(), s.cadence().describe(), s.email(), s.confirmedAt() == null,
          base + "/" + s.id() + (base.equals("/subscriptions") ? "/unsubscribe" : "")));
    }
    return out;
  }

  private void notice(Context ctx, String title, String message, String action, String button) {
    ctx.html(templates.render("notice", ctx, new NoticeView(title, message, action, button, null)));
  }

  @Override
  public void register(Routes routes) {
    routes.get("/subscriptions", this::page);
    routes.post("/subscriptions", this::subscribe);
    routes.post("/subscriptions/<id>/unsubscribe", this::unsubscribeOwn);
    routes.get("/subscriptions/confirm/<token>", this::confirmPage);
    routes.post("/subscriptions/confirm/<token>", this::confirm);
    routes.get("/subscriptions/manage/<token>", this::manage);
    routes.post("/subscriptions/manage/<token>/<id>", this::unsubscribeManaged);
    routes.get("/unsubscribe/<token>", this::unsubscribePage);
    // No CSRF check: one-click unsubscribe (RFC 8058) is a POST from the recipient's mail system,
    // which has no CSRF cookie; the unguessable token in the URL is what authorises it.
    routes.postWithoutCsrf("/unsubscribe/<token>", this::unsubscribe);
  }
}
