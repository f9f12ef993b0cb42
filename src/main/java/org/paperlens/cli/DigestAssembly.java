package org.paperlens.cli;

import java.util.function.Consumer;
import java.time.Clock;
import org.paperlens.config.MailSettings;
import org.paperlens.digest.CommunityTrending;
import org.paperlens.digest.DigestPlanner;
import org.paperlens.digest.DigestRun;
import org.paperlens.digest.DigestScheduler;
import org.paperlens.digest.LibraryRecommendations;
import org.paperlens.digest.Links;
import org.paperlens.digest.OutboxStore;
import org.paperlens.digest.SmtpMailer;
import org.paperlens.digest.SubscriptionStore;
import org.paperlens.digest.Subscriptions;
import org.paperlens.index.PaperIndex;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.web.DigestServices;
import org.paperlens.web.WebServices;

/** Assembles the digest schedule and the subscription services that {@code serve} runs beside the web app. */
final class DigestAssembly {

  private DigestAssembly() {}

  /** One digest run (plan, then send) over the live index and the community's rankings. */
  static DigestRun run(MailSettings mail, CatalogueStore store, PaperIndex index, WebServices services, Clock clock) {
    Links links = new Links(mail.baseUrl());
    DigestPlanner planner = new DigestPlanner(new SubscriptionStore(store), index, new CommunityTrending(services.trending()),
        new LibraryRecommendations(services.library(), services.recommender(), index), links, clock, notices(services, store));
    return new DigestRun(planner, new OutboxStore(store), mail, () -> new SmtpMailer(mail), clock);
  }

  /** Comments on a member's saved and upvoted papers, for their digest: at most 20 a digest, each cut to 300 characters. */
  static org.paperlens.digest.CommentNotices notices(WebServices services, CatalogueStore store) {
    return (account, since) -> {
      long id;
      try {
        id = Long.parseLong(account);
      } catch (NumberFormatException e) {
        return java.util.List.of(); // a subscription made for a name with no account here (digest subscribe --user)
      }
      return services.community().comments().onPapersOf(id, since, 20).stream()
        .map(c -> new org.paperlens.digest.CommentNotices.Notice(c.paperId(),
            store.find(c.paperId()).map(org.paperlens.paper.Paper::title).orElse(c.paperId().value()), c.author(),
            c.body().length() <= 300 ? c.body() : c.body().substring(0, 300) + " …", c.id()))
        .toList();
    };
  }

  /**
   * The schedule for {@code run}, on its own thread, not started: the caller starts it when a mail
   * server is configured; without one, nothing is planned (so nothing piles up to be sent late)
   * and subscribing still works.
   */
  static DigestScheduler scheduler(DigestRun run, Consumer<String> log) {
    return new DigestScheduler(run, log);
  }

  static DigestServices web(MailSettings mail, CatalogueStore store, DigestScheduler scheduler, Clock clock) {
    Subscriptions subscriptions = new Subscriptions(new SubscriptionStore(store), new Links(mail.baseUrl()), clock);
    return new DigestServices(subscriptions, new Links(mail.baseUrl()), mail.canSend() ? scheduler::nudge : () -> {},
        mail.canSend());
  }
}
