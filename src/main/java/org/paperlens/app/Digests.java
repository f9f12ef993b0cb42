package org.paperlens.app;

import java.util.OptionalLong;
import java.util.function.Consumer;
import org.paperlens.account.Account;
import org.paperlens.config.MailSettings;
import org.paperlens.digest.CitationAlerts;
import org.paperlens.digest.CommentNotices;
import org.paperlens.digest.CommunityTrending;
import org.paperlens.digest.DigestPlanner;
import org.paperlens.digest.DigestRun;
import org.paperlens.digest.DigestScheduler;
import org.paperlens.digest.LibraryRecommendations;
import org.paperlens.digest.Links;
import org.paperlens.digest.OutboxStore;
import org.paperlens.digest.PersonalRanking;
import org.paperlens.digest.SmtpMailer;
import org.paperlens.digest.SubscriptionStore;
import org.paperlens.digest.Subscriptions;
import org.paperlens.index.PaperIndex;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.Paper;

/**
 * The digests of one root: planning (with the community's trending, library recommendations and
 * comment notices), sending, subscriptions and the schedule. {@code paperlens digest run} and
 * {@code serve} both plan through {@link #run}, so what one sends the other sends too.
 */
public final class Digests {

  /** Comments told in one digest at most, and the characters kept of each. */
  static final int NOTICES_PER_DIGEST = 20;
  static final int NOTICE_CHARS = 300;

  private final PaperLens root;
  private final MailSettings mail;
  private final Links links;
  private Subscriptions subscriptions;
  private DigestRun run;
  private DigestScheduler scheduler;

  Digests(PaperLens root) {
    this.root = root;
    this.mail = root.mail();
    this.links = new Links(mail.baseUrl());
  }

  /** The site's absolute URLs (mails and feeds carry absolute links). */
  public Links links() {
    return links;
  }

  public boolean canSendMail() {
    return mail.canSend();
  }

  public synchronized Subscriptions subscriptions() {
    if (subscriptions == null) {
      subscriptions = new Subscriptions(new SubscriptionStore(root.catalogue()), links, root.clock());
    }
    return subscriptions;
  }

  /**
   * One digest run (plan, then send) over the index; without one built, personal digests are
   * counted as not built and the rest are planned.
   */
  public synchronized DigestRun run() {
    if (run == null) {
      PaperIndex index = root.indexIfBuilt().orElse(null);
      PersonalRanking personal = index == null ? null : new LibraryRecommendations(root.library(), root.recommender(), index);
      DigestPlanner planner = new DigestPlanner(new SubscriptionStore(root.catalogue()), index,
          new CommunityTrending(root.trendingOrNotable()), personal, links, root.clock(), notices(), citationAlerts(index));
      run = new DigestRun(planner, new OutboxStore(root.catalogue()), mail, () -> new SmtpMailer(mail), root.clock());
    }
    return run;
  }

  /**
   * Citation alerts over the root's citation store, library, and {@code index} (null: none built,
   * and alerts of an author by name are counted as not built).
   */
  public CitationAlerts citationAlerts(PaperIndex index) {
    return new CitationAlerts(root.citations(), root.catalogue(), index, savedPapers());
  }

  /** A member's saved papers (one tag's, or all), by the account number a subscription stores. */
  private CitationAlerts.SavedPapers savedPapers() {
    return (account, tag) -> accountId(account).stream().boxed()
        .flatMap(id -> root.library().list(new Account(id, ""), tag).stream())
        .map(LibraryStore.Entry::paperId).toList();
  }

  /** Comments by others on a member's saved and upvoted papers: at most 20 a digest, each cut to 300 characters. */
  CommentNotices notices() {
    return (account, since) -> accountId(account).stream().boxed()
        .flatMap(id -> root.community().comments().onPapersOf(id, since, NOTICES_PER_DIGEST).stream())
        .map(c -> new CommentNotices.Notice(c.paperId(),
            root.catalogue().find(c.paperId()).map(Paper::title).orElse(c.paperId().value()), c.author(),
            c.body().length() <= NOTICE_CHARS ? c.body() : c.body().substring(0, NOTICE_CHARS) + " …", c.id()))
        .toList();
  }

  /** A subscription's account as the community stores number it; empty for one made another way (a name, a test). */
  private static OptionalLong accountId(String account) {
    try {
      return account == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(account.strip()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * The schedule of {@link #run}, on its own thread, not started: the server starts it when a mail
   * server is configured; without one, nothing is planned (so nothing piles up to be sent late)
   * and subscribing still works.
   */
  public synchronized DigestScheduler scheduler(Consumer<String> log) {
    if (scheduler == null) {
      scheduler = root.own(new DigestScheduler(run(), log));
    }
    return scheduler;
  }

  /** Asks the schedule to send queued mail soon (returns at once); nothing without a mail server. */
  Runnable nudge() {
    DigestScheduler s = scheduler;
    return mail.canSend() && s != null ? s::nudge : () -> {};
  }
}
