package org.paperlens.web.page;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.paperlens.account.Account;
import org.paperlens.account.RateLimit;
import org.paperlens.digest.Cadence;
import org.paperlens.digest.Subscription;
import org.paperlens.digest.Subscriptions;
import org.paperlens.digest.Topic;
import org.paperlens.web.DigestServices;
import org.paperlens.web.http.Auth;
import org.paperlens.web.http.ClientAddresses;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Params;

/**
 * Subscribing to digests, confirming, one-click unsubscribing and managing subscriptions. HTTP
 * only; the rules live in {@link Subscriptions}. Links in mails are GET pages with a button, so a
 * mail scanner that follows links confirms or unsubscribes nothing; the button (or, for
 * unsubscribing, a mail client's RFC 8058 one-click POST) does it.
 */
public final class SubscriptionPages {

  private final DigestServices d;
  private final Templates templates;
  /**
   * Every subscribe sends a mail to an address someone typed: at most 5 per address and 20 per
   * client an hour, so the form cannot be used to flood someone's mailbox.
   */
  private final RateLimit mailsPerAddress;
  private final RateLimit mailsPerClient;

  private final ClientAddresses clients;
  private final org.paperlens.account.AccountStore accounts;

  public SubscriptionPages(DigestServices d, Templates templates, Clock clock, ClientAddresses clients,
      org.paperlens.account.AccountStore accounts) {
    this.accounts = accounts;
    this.d = d;
    this.templates = templates;
    this.clients = clients;
    this.mailsPerAddress = new RateLimit(5, Duration.ofHours(1), clock);
    this.mailsPerClient = new RateLimit(20, Duration.ofHours(1), clock);
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
      String email = Params.form(ctx, "email");
      String address = email == null ? "" : email.toLowerCase(Locale.ROOT);
      // Counted before the mail is queued, in the same step as the check: concurrent requests
      // cannot all pass the check first.
      String client = clients.of(ctx);
      Optional<Duration> wait = RateLimit.tryAcquire(mailsPerAddress.key(address), mailsPerClient.key(client));
      if (wait.isPresent()) {
        throw HttpProblem.tooMany("too many subscriptions asked for this address or from here", wait.get());
      }
      Subscriptions.Pending p;
      try {
        p = d.subscriptions().subscribe(email, me.map(a -> Long.toString(a.id())).orElse(null), topic, cadence);
      } catch (IllegalArgumentException e) {
        mailsPerAddress.release(address); // no mail was queued
        mailsPerClient.release(client);
        throw e;
      }
      d.nudge().run();
      render(ctx, kind, target, d.canSendMail()
          ? "Check your mail: we sent a confirmation link to " + p.subscription().email() + ". Nothing is sent before you confirm."
          : "Your subscription for " + p.subscription().email() + " is recorded, but this site has no mail server set up,"
              + " so no confirmation link could be sent: it goes out if the site's operator sets one up, and nothing is"
              + " sent before you confirm. Meanwhile, follow the lists by their feeds (links on each list page).", null);
    } catch (IllegalArgumentException e) {
      ctx.status(400);
      render(ctx, kind, target, null, e.getMessage());
    }
  }

  public void confirmPage(Context ctx) {
    notice(ctx, "Confirm your subscription", "Confirm that you want this digest.", ctx.path(), "Confirm subscription");
  }

  public void confirm(Context ctx) {
    Subscription s = d.subscriptions().confirm(ctx.pathParam("token"))
        .orElseThrow(() -> HttpProblem.notFound("this confirmation link is not valid (mistyped or very old)"));
    notice(ctx, "Subscription confirmed", "You will receive " + s.topic().describe() + ", " + s.cadence().describe()
        + ", at " + s.email() + ". Every mail has a link to unsubscribe.", null, null);
  }

  public void unsubscribePage(Context ctx) {
    notice(ctx, "Unsubscribe", "Stop this digest? It takes effect at once.", ctx.path(), "Unsubscribe");
  }

  /** The form's POST and the mail client's RFC 8058 one-click POST (which carries no CSRF token: the link's token is the secret). */
  public void unsubscribe(Context ctx) {
    Subscription s = d.subscriptions().unsubscribe(ctx.pathParam("token"))
        .orElseThrow(() -> HttpProblem.notFound("this unsubscribe link is not valid (mistyped?)"));
    notice(ctx, "Unsubscribed", s.email() + " will receive no more of " + s.topic().describe() + ".", null, null);
  }

  public void manage(Context ctx) {
    Subscriptions.Managed m = d.subscriptions().manage(ctx.pathParam("token"))
        .orElseThrow(() -> HttpProblem.notFound("this link to manage subscriptions is not valid (mistyped?)"));
    Map<String, Object> model = new HashMap<>();
    model.put("title", "Subscriptions of " + m.email());
    model.put("subscriptions", views(m.subscriptions(), ctx.path()));
    model.put("empty", m.subscriptions().stream().noneMatch(Subscription::active));
    ctx.html(templates.render("subscriptions-manage", ctx, model));
  }

  public void unsubscribeManaged(Context ctx) {
    long id = subscriptionId(ctx);
    String token = ctx.pathParam("token");
    if (!d.subscriptions().unsubscribeManaged(token, id)) {
      throw HttpProblem.notFound("no such subscription for this address");
    }
    ctx.redirect("/subscriptions/manage/" + token, HttpStatus.SEE_OTHER);
  }

  public void unsubscribeOwn(Context ctx) {
    Account me = LibraryPages.member(ctx);
    if (me == null) {
      return;
    }
    if (!d.subscriptions().unsubscribeOwn(Long.toString(me.id()), subscriptionId(ctx))) {
      throw HttpProblem.notFound("you have no such subscription");
    }
    ctx.redirect("/subscriptions", HttpStatus.SEE_OTHER);
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
    Map<String, Object> m = new HashMap<>();
    m.put("title", "Subscribe to a digest");
    m.put("kind_" + (kind == null ? "trending" : kind), Boolean.TRUE);
    m.put("target", target);
    m.put("done", done);
    m.put("error", error);
    m.put("signedIn", me.isPresent());
    m.put("noMail", !d.canSendMail());
    m.put("email", me.flatMap(accounts::email).orElse(null));
    m.put("subscriptions", me.map(a -> views(d.subscriptions().ofUser(Long.toString(a.id())), "/subscriptions")).orElse(List.of()));
    ctx.html(templates.render("subscriptions", ctx, m));
  }

  private static List<Map<String, Object>> views(List<Subscription> subs, String base) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Subscription s : subs) {
      if (!s.active() && s.confirmedAt() != null) {
        continue; // unsubscribed: gone from the list
      }
      Map<String, Object> v = new HashMap<>();
      v.put("id", s.id());
      v.put("what", s.topic().describe());
      v.put("when", s.cadence().describe());
      v.put("email", s.email());
      v.put("pending", s.confirmedAt() == null);
      v.put("unsubscribeAction", base + "/" + s.id() + (base.equals("/subscriptions") ? "/unsubscribe" : ""));
      out.add(v);
    }
    return out;
  }

  private void notice(Context ctx, String title, String message, String action, String button) {
    Map<String, Object> m = new HashMap<>();
    m.put("title", title);
    m.put("message", message);
    m.put("action", action);
    m.put("button", button);
    ctx.html(templates.render("notice", ctx, m));
  }
}
