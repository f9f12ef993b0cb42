package org.paperlens.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paperlens.account.Account;
import org.paperlens.account.AccountStore;
import org.paperlens.digest.Cadence;
import org.paperlens.digest.SubscribeLimits;
import org.paperlens.digest.Subscription;
import org.paperlens.digest.Subscriptions;
import org.paperlens.digest.Topic;
import org.paperlens.web.http.Auth;
import org.paperlens.web.http.ClientAddresses;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.JsonBodies;
import org.paperlens.web.http.Routes;
import org.paperlens.web.page.SubscriptionPages;

/**
 * {@code /subscriptions}: the caller's e-mail digests and citation alerts, subscribing (double
 * opt-in, as on the page: a confirmation mail goes out first) and unsubscribing. HTTP only; the
 * rules live in {@link Subscriptions}.
 */
public final class SubscriptionResource implements Feature {

  private final Subscriptions subscriptions;
  private final AccountStore accounts;
  private final Runnable nudge;
  private final ClientAddresses clients;
  private final SubscribeLimits mails;

  public SubscriptionResource(Subscriptions subscriptions, AccountStore accounts, Runnable nudge, ClientAddresses clients, Clock clock) {
    this.subscriptions = subscriptions;
    this.accounts = accounts;
    this.nudge = nudge;
    this.clients = clients;
    this.mails = new SubscribeLimits(clock);
  }

  @Override
  public void register(Routes routes) {
    routes.api(HandlerType.GET, "/subscriptions", this::list);
    routes.api(HandlerType.POST, "/subscriptions", this::subscribe);
    routes.api(HandlerType.DELETE, "/subscriptions/{id}", this::unsubscribe);
  }

  void list(Context ctx) {
    Account me = Auth.required(ctx);
    List<Map<String, Object>> out = subscriptions.ofUser(Long.toString(me.id())).stream()
        .filter(s -> s.unsubscribedAt() == null).map(SubscriptionResource::view).toList();
    ctx.json(Map.of("subscriptions", out));
  }

  /**
   * Body {@code {"kind": "citing-paper", "target": "2401.01234", "email": "...", "frequency": "daily",
   * "hour": 7, "weekday": "monday", "zone": "Europe/Paris"}}; the address defaults to the account's.
   */
  void subscribe(Context ctx) {
    Account me = Auth.required(ctx);
    JsonNode body = JsonBodies.body(ctx, false);
    String email = Optional.ofNullable(JsonBodies.string(body, "email")).or(() -> accounts.email(me))
        .orElseThrow(() -> HttpProblem.badRequest("'email' is required (the account has no address)"));
    if (JsonBodies.string(body, "kind") == null) {
      throw HttpProblem.badRequest("'kind' is required: " + Topic.KINDS);
    }
    Topic topic;
    Cadence cadence;
    try {
      topic = Topic.of(JsonBodies.string(body, "kind"), JsonBodies.string(body, "target"));
      cadence = Cadence.parse(text(body, "frequency"), text(body, "hour"), text(body, "weekday"), text(body, "zone"));
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badRequest(e.getMessage());
    }
    Subscriptions.Pending p = SubscriptionPages.subscribe(mails, clients.of(ctx), subscriptions, email, Long.toString(me.id()),
        topic, cadence);
    nudge.run();
    ctx.status(201).json(view(p.subscription()));
  }

  void unsubscribe(Context ctx) {
    Account me = Auth.required(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw HttpProblem.badRequest("'" + ctx.pathParam("id") + "' is not a subscription number");
    }
    if (!subscriptions.unsubscribeOwn(Long.toString(me.id()), id)) {
      throw HttpProblem.notFound("you have no subscription " + id);
    }
    ctx.status(204);
  }

  /** A field given as a string or a number (the hour); null when absent. */
  private static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    return n == null || n.isNull() ? null : n.isNumber() ? n.asText() : JsonBodies.string(body, field);
  }

  private static Map<String, Object> view(Subscription s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("kind", s.topic().kind());
    m.put("target", s.topic().target());
    m.put("describe", s.topic().describe());
    m.put("email", s.email());
    m.put("schedule", s.cadence().describe());
    m.put("confirmed", s.confirmedAt() != null);
    return m;
  }
}
