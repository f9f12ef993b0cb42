package org.paperlens.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.paperlens.account.Account;
import org.paperlens.account.AccountStore;
import org.paperlens.account.Role;
import org.paperlens.community.Comment;
import org.paperlens.community.CommentStore;
import org.paperlens.community.CommunityStore;
import org.paperlens.paper.PaperId;
import org.paperlens.store.Database;

/**
 * Who may moderate, and the moderators' actions: each checks the actor's role, changes what it
 * acts on and writes its audit row in one transaction ({@link ModerationStore#act}), and refuses
 * an action that would change nothing (hiding a hidden comment), so the log holds only real
 * changes. Hiding a comment, or dismissing its reports, takes it out of the queue. Only accounts
 * without a role can be suspended: staff lose their role on the command line first. Thread-safe.
 */
public final class Moderation {

  /** The actor the log names for a role granted or revoked from the command line. */
  public static final String COMMAND_LINE = "command line";
  /** The longest report or reason, in characters. */
  public static final int MAX_REASON = 500;

  private final ModerationStore store;
  private final AccountStore accounts;
  private final CommunityStore community;
  private final Clock clock;

  public Moderation(Database db, AccountStore accounts, CommunityStore community, Clock clock) {
    this.store = new ModerationStore(db);
    this.accounts = accounts;
    this.community = community;
    this.clock = clock;
  }

  public Role role(Account account) {
    return accounts.role(account);
  }

  /**
   * A member reports a comment others can see; false when they had reported it already.
   *
   * @throws IllegalArgumentException for a missing or too long reason
   * @throws ModerationException NOT_FOUND when there is no such comment (or it is hidden)
   */
  public boolean report(Account reporter, long comment, String reason) {
    String why = reason(reason, true);
    Optional<Comment> c = community.comments().find(comment);
    if (c.isEmpty() || c.get().hidden()) {
      throw notFound("no comment " + comment);
    }
    return store.report(comment, reporter.id(), why, clock.instant());
  }

  /** The paper comment {@code id} is on (hidden or not), for going back to it. */
  public String paperOf(long comment) {
    return community.comments().find(comment).map(c -> c.paperId().value()).orElseThrow(() -> notFound("no comment " + comment));
  }

  /** The reported comments, most reported first. */
  public List<ReportedComment> queue(Account moderator, int limit) {
    requireModerator(moderator);
    return store.queue(limit);
  }

  /** The audit log, newest first: administrators only. */
  public List<AuditEntry> log(Account admin, int limit, int offset) {
    if (role(admin) != Role.ADMIN) {
      throw new ModerationException(ModerationException.Kind.FORBIDDEN, "only administrators read the moderation log");
    }
    return store.log(limit, offset);
  }

  /** Hides ({@code hidden}) or shows again a comment; hiding also settles its reports. */
  public void setCommentHidden(Account moderator, long comment, boolean hidden, String reason) {
    requireModerator(moderator);
    Comment c = community.comments().find(comment).orElseThrow(() -> notFound("no comment " + comment));
    Instant now = clock.instant();
    boolean changed = store.act(now, moderator.name(), hidden ? Action.HIDE_COMMENT : Action.UNHIDE_COMMENT, target(c), reason(reason, false),
        tx -> {
          boolean done = CommentStore.setHidden(tx, comment, hidden ? now : null);
          if (done && hidden) {
            ModerationStore.clearReports(tx, comment);
          }
          return done;
        });
    settle(changed, "comment " + comment + " is " + (hidden ? "hidden" : "shown") + " already");
  }

  /** Dismisses the reports of a comment that needs no action: it leaves the queue, shown as it was. */
  public void dismissReports(Account moderator, long comment, String reason) {
    requireModerator(moderator);
    Comment c = community.comments().find(comment).orElseThrow(() -> notFound("no comment " + comment));
    boolean changed = store.act(clock.instant(), moderator.name(), Action.DISMISS_REPORTS, target(c), reason(reason, false),
        tx -> ModerationStore.clearReports(tx, comment));
    settle(changed, "comment " + comment + " has no reports");
  }

  /** Hides ({@code hidden}) or shows again {@code member}'s submission of {@code paper}. */
  public void setSubmissionHidden(Account moderator, PaperId paper, String member, boolean hidden, String reason) {
    requireModerator(moderator);
    Instant now = clock.instant();
    String target = "submission of " + paper.value() + " by " + member;
    boolean changed = store.act(now, moderator.name(), hidden ? Action.HIDE_SUBMISSION : Action.UNHIDE_SUBMISSION, target,
        reason(reason, false), tx -> {
          AccountStore.Standing who = AccountStore.standing(tx, member).orElseThrow(() -> notFound("no member named '" + member + "'"));
          return CommunityStore.setSubmissionHidden(tx, paper, who.account().id(), hidden ? now : null);
        });
    settle(changed, "no " + (hidden ? "shown " : "hidden ") + target);
  }

  /**
   * Suspends ({@code suspended}) or restores the account named {@code name}: while suspended it
   * cannot log in, its sessions are ended and its API tokens refused, and its upvotes and
   * submissions leave the papers' counts and trending; restoring puts them back.
   */
  public void setSuspended(Account moderator, String name, boolean suspended, String reason) {
    requireModerator(moderator);
    Instant now = clock.instant();
    boolean changed = store.act(now, moderator.name(), suspended ? Action.SUSPEND : Action.UNSUSPEND, "account " + name,
        reason(reason, false), tx -> {
          AccountStore.Standing who = AccountStore.standing(tx, name).orElseThrow(() -> notFound("no member named '" + name + "'"));
          if (suspended && who.role().moderates()) {
            throw new ModerationException(ModerationException.Kind.CONFLICT,
                name + " is " + who.role().label() + ": revoke the role from the command line first");
          }
          boolean done = AccountStore.setSuspended(tx, who.account().id(), suspended ? now : null);
          if (done) {
            CommunityStore.setCounted(tx, who.account().id(), !suspended);
          }
          return done;
        });
    settle(changed, name + " is " + (suspended ? "suspended" : "not suspended") + " already");
  }

  /**
   * Gives the account named {@code name} a role (a member: none), from the command line, and logs
   * it; returns the role it had.
   *
   * @throws ModerationException NOT_FOUND when there is no such account
   */
  public Role grant(String name, Role role) {
    Action action = switch (role) {
      case ADMIN -> Action.GRANT_ADMIN;
      case MODERATOR -> Action.GRANT_MODERATOR;
      case MEMBER -> Action.REVOKE_ROLE;
    };
    Role[] before = new Role[1];
    store.act(clock.instant(), COMMAND_LINE, action, "account " + name, null, tx -> {
      before[0] = AccountStore.setRole(tx, name, role).orElseThrow(() -> notFound("no member named '" + name + "'"));
      return before[0] != role;
    });
    return before[0];
  }

  private void requireModerator(Account account) {
    if (!role(account).moderates()) {
      throw new ModerationException(ModerationException.Kind.FORBIDDEN, "only moderators and administrators may do this");
    }
  }

  /** After an action: rankings and cached pages learn of it, or the action is refused as changing nothing. */
  private void settle(boolean changed, String unchanged) {
    if (!changed) {
      throw new ModerationException(ModerationException.Kind.CONFLICT, unchanged);
    }
    community.changed();
  }

  private static String target(Comment c) {
    return "comment " + c.id() + " by " + c.author() + " on " + c.paperId().value();
  }

  private static String reason(String reason, boolean required) {
    String r = reason == null ? "" : reason.strip();
    if (r.isEmpty() && required) {
      throw new IllegalArgumentException("a report needs a reason (spam, abuse, off topic, ...)");
    }
    if (r.length() > MAX_REASON) {
      throw new IllegalArgumentException("a reason is at most " + MAX_REASON + " characters, this one is " + r.length());
    }
    return r.isEmpty() ? null : r;
  }

  private static ModerationException notFound(String message) {
    return new ModerationException(ModerationException.Kind.NOT_FOUND, message);
  }
}
