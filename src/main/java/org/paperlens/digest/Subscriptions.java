package org.paperlens.digest;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person does with subscriptions, without HTTP: subscribe (double opt-in: a confirmation
 * mail is queued, nothing else is sent before the link in it is followed), confirm, unsubscribe
 * with the token from a mail (no login, effective at once), and see an address's subscriptions
 * with a manage token. Mails are only queued here; the sender delivers them on its own thread,
 * so a slow mail server never holds up the caller.
 */
public final class Subscriptions {

  /** A subscription and the raw confirmation token mailed for it (tests and the CLI need it). */
  public record Pending(Subscription subscription, String confirmToken) {}

  /** An address's subscriptions, as a manage link shows them. */
  public record Managed(String email, List<Subscription> subscriptions) {}

  private final SubscriptionStore store;
  private final DigestMail mail;
  private final Links links;
  private final Clock clock;

  public Subscriptions(SubscriptionStore store, Links links, Clock clock) {
    this.store = store;
    this.mail = new DigestMail(links);
    this.links = links;
    this.clock = clock;
  }

  /**
   * Records an unconfirmed subscription and queues its confirmation mail.
   *
   * @param userId the signed-in account, or null for an address alone (trending only)
   * @throws IllegalArgumentException for a bad address, a topic that needs an account, a paper not in the
   *     catalogue, or a suppressed address
   */
  public Pending subscribe(String email, String userId, Topic topic, Cadence cadence) {
    String address = normalise(email);
    if (topic.needsAccount() && userId == null) {
      throw new IllegalArgumentException("sign in to subscribe to " + topic.describe().toLowerCase(Locale.ROOT)
          + "; an address alone can subscribe to the trending digest");
    }
    if (topic instanceof Topic.CitingPaper p && store.catalogue().find(p.paper()).isEmpty()) {
      throw new IllegalArgumentException("there is no paper " + p.paper() + " in the catalogue to follow the citations of");
    }
    Optional<String> suppressed = store.suppressedReason(address);
    if (suppressed.isPresent()) {
      throw new IllegalArgumentException("mail to " + address + " bounced permanently, so nothing more is sent to it");
    }
    Instant now = clock.instant();
    String token = Tokens.mint();
    long id = store.database().transaction(c -> {
      long subId = SubscriptionStore.insert(c, address, userId, topic, cadence, now);
      SubscriptionStore.putToken(c, token,
          new SubscriptionStore.TokenTarget(SubscriptionStore.Purpose.CONFIRM, subId, address, userId), now);
      Subscription s = new Subscription(subId, address, userId, topic, cadence, now, null, null, null, null, null);
      DigestMail.Rendered r = mail.confirmation(s, links.confirm(token));
      OutboxStore.insert(c, new OutboxMessage(0, subId, now.toString(), "confirm", address,
          DigestPlanner.messageId(links), r.subject(), r.text(), r.html(), null, "pending", 0), now);
      return subId;
    });
    return new Pending(store.find(id).orElseThrow(), token);
  }

  /** Confirms the subscription the token was mailed for; empty for an unknown token. */
  public Optional<Subscription> confirm(String token) {
    return store.token(token, SubscriptionStore.Purpose.CONFIRM).flatMap(t -> {
      store.confirm(t.subscriptionId(), clock.instant());
      return store.find(t.subscriptionId());
    });
  }

  /** Ends the subscription an unsubscribe link was mailed for, at once; empty for an unknown token. */
  public Optional<Subscription> unsubscribe(String token) {
    return store.token(token, SubscriptionStore.Purpose.UNSUBSCRIBE).flatMap(t -> {
      store.unsubscribe(t.subscriptionId(), clock.instant());
      return store.find(t.subscriptionId());
    });
  }

  /** The subscriptions of the address a manage link was mailed to; empty for an unknown token. */
  public Optional<Managed> manage(String token) {
    return store.token(token, SubscriptionStore.Purpose.MANAGE)
        .map(t -> new Managed(t.email(), store.byEmail(t.email())));
  }

  /** Unsubscribes one of the manage token's address's subscriptions; false when it is not theirs. */
  public boolean unsubscribeManaged(String manageToken, long subscriptionId) {
    Optional<Managed> m = manage(manageToken);
    if (m.isEmpty() || m.get().subscriptions().stream().noneMatch(s -> s.id() == subscriptionId)) {
      return false;
    }
    return store.unsubscribe(subscriptionId, clock.instant());
  }

  /** An account's own subscriptions (the signed-in manage page). */
  public List<Subscription> ofUser(String userId) {
    return store.byUser(userId);
  }

  /** Unsubscribes one of an account's subscriptions; false when it is not theirs. */
  public boolean unsubscribeOwn(String userId, long subscriptionId) {
    Optional<Subscription> s = store.find(subscriptionId);
    return s.isPresent() && userId.equals(s.get().userId()) && store.unsubscribe(subscriptionId, clock.instant());
  }

  /**
   * A new secret for an account's private feed; the previous one stops working. Only the hash is
   * kept, so the URL can be shown once, like an API token.
   */
  public String newFeedToken(String userId) {
    String token = Tokens.mint();
    Instant now = clock.instant();
    store.database().transaction(tx -> {
      SubscriptionStore.deleteTokens(tx, SubscriptionStore.Purpose.FEED, userId);
      SubscriptionStore.putToken(tx, token,
          new SubscriptionStore.TokenTarget(SubscriptionStore.Purpose.FEED, null, null, userId), now);
      return null;
    });
    return token;
  }

  /** The account a private feed token belongs to. */
  /** Forgets an account that is deleted: its subscriptions, their pending mail and tokens, its private feed. */
  public void forgetUser(String userId) {
    store.forgetUser(userId);
  }

  public Optional<String> feedOwner(String token) {
    return store.token(token, SubscriptionStore.Purpose.FEED).map(SubscriptionStore.TokenTarget::userId);
  }

  /** The address in its stored form (lower case), or an IllegalArgumentException saying what is wrong with it. */
  public static String normalise(String email) {
    if (email == null || email.isBlank()) {
      throw new IllegalArgumentException("an e-mail address is needed");
    }
    String e = email.strip();
    try {
      InternetAddress a = new InternetAddress(e, true);
      if (a.getPersonal() != null || !a.getAddress().contains("@") || a.getAddress().length() > 254) {
        throw new AddressException();
      }
      return a.getAddress().toLowerCase(Locale.ROOT);
    } catch (AddressException x) {
      throw new IllegalArgumentException("'" + e + "' is not an e-mail address");
    }
  }
}
