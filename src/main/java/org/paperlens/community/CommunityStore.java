package org.paperlens.community;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.account.Account;
import org.paperlens.account.AccountData;
import org.paperlens.account.AccountStore;
import org.paperlens.library.LibraryStore;
import org.paperlens.paper.ListingSignals;
import org.paperlens.paper.PaperId;
import org.paperlens.store.Database;
import org.paperlens.store.Generation;
import org.paperlens.store.Tx;

/**
 * Upvotes, submissions and the per-paper signal totals (tables {@code votes}, {@code submissions},
 * {@code paper_signals}, {@code community_sequence}; comments in {@link CommentStore}): the only SQL
 * about them. Each change updates the row it counts and the total in one transaction. Callers check
 * that the paper exists in the catalogue first (the foreign key would refuse it anyway).
 * Thread-safe. Names and account ages come from the account store, saves from the library's
 * (whose totals this store counts, as its {@link LibraryStore.SaveCounter}).
 *
 * <p>Longer than 300 lines because moderation (hidden submissions, suspended accounts) changes the
 * same running totals, and they are kept right only where every change to them is in sight.
 */
public final class CommunityStore implements LibraryStore.SaveCounter, AccountData {

  private final Database db;
  private final Clock clock;
  /**
   * Bumped on every change, here and in other processes on the same database (V12's
   * community_sequence), so caches of rankings that use the totals know they are stale.
   */
  private final Generation generation;

  private final CommentStore comments;

  public CommunityStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
    this.generation = new Generation(db, "community_sequence");
    this.comments = new CommentStore(db, this, clock);
  }

  /** The discussion of papers, in the same database; its changes bump this store's generation. */
  public CommentStore comments() {
    return comments;
  }

  /**
   * A number that changes whenever the community's totals may have changed, here or in another
   * process on the same database (then within about a second). Both parts only grow, so their sum
   * never repeats: a cache keyed by it never serves a stale entry as fresh.
   */
  public long generation() {
    return generation.get();
  }

  /** Upvotes the paper once; returns false when this account had already upvoted it. */
  public boolean upvote(Account account, PaperId paper) {
    return change(tx -> {
      int added = tx.update("INSERT INTO votes (account_id, paper_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
          account.id(), paper.value(), clock.instant().toString());
      if (added > 0) {
        adjust(tx, paper, "upvotes", 1);
      }
      return added > 0;
    });
  }

  /** Takes the upvote back; returns false when there was none. */
  public boolean undoUpvote(Account account, PaperId paper) {
    return change(tx -> {
      int removed = tx.update("DELETE FROM votes WHERE account_id = ? AND paper_id = ?", account.id(), paper.value());
      if (removed > 0) {
        adjust(tx, paper, "upvotes", -1);
      }
      return removed > 0;
    });
  }

  public boolean hasUpvoted(Account account, PaperId paper) {
    return db.transaction(tx -> tx.first("SELECT 1 FROM votes WHERE account_id = ? AND paper_id = ?", r -> true,
        account.id(), paper.value()).isPresent());
  }

  /** Those of {@code papers} this account has upvoted: one query for a whole listing. */
  public java.util.Set<PaperId> upvotedAmong(Account account, List<PaperId> papers) {
    if (papers.isEmpty()) {
      return java.util.Set.of();
    }
    String marks = String.join(",", java.util.Collections.nCopies(papers.size(), "?"));
    Object[] args = new Object[papers.size() + 1];
    args[0] = account.id();
    for (int i = 0; i < papers.size(); i++) {
      args[i + 1] = papers.get(i).value();
    }
    return db.transaction(tx -> new java.util.HashSet<>(tx.list("SELECT paper_id FROM votes WHERE account_id = ? AND paper_id IN (" + marks + ")",
        r -> new PaperId(r.getString(1)), args)));
  }

  /** Records a submission; returns false when this account had already submitted the paper. */
  public boolean submit(Account account, PaperId paper, String comment) {
    return change(tx -> {
      int added = tx.update("INSERT INTO submissions (account_id, paper_id, comment, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
          account.id(), paper.value(), comment, clock.instant().toString());
      if (added > 0) {
        adjust(tx, paper, "submissions", 1);
      }
      return added > 0;
    });
  }

  /** The latest submissions but hidden ones, newest first. */
  public List<Submission> recentSubmissions(int limit) {
    return db.transaction(tx -> named(tx, tx.list("SELECT " + SUBMISSION + " FROM submissions WHERE hidden_at IS NULL"
        + " ORDER BY created_at DESC LIMIT ?", CommunityStore::submission, limit)));
  }

  /** The latest {@code limit} submissions of one paper (its comments) but hidden ones, newest first. */
  public List<Submission> submissions(PaperId paper, int limit) {
    return db.transaction(tx -> named(tx, tx.list("SELECT " + SUBMISSION + " FROM submissions"
        + " WHERE paper_id = ? AND hidden_at IS NULL ORDER BY created_at DESC LIMIT ?", CommunityStore::submission, paper.value(), limit)));
  }

  /** As {@link #submissions}, hidden ones too (marked): what a moderator sees. */
  public List<Submission> submissionsWithHidden(PaperId paper, int limit) {
    return db.transaction(tx -> named(tx, tx.list("SELECT " + SUBMISSION + " FROM submissions"
        + " WHERE paper_id = ? ORDER BY created_at DESC LIMIT ?", CommunityStore::submission, paper.value(), limit)));
  }

  private static final String SUBMISSION = "paper_id, account_id, comment, created_at, hidden_at";

  /**
   * Hides (or, with {@code at} null, shows again) {@code account}'s submission of {@code paper},
   * inside the caller's transaction, and takes it off (or puts it back on) the paper's count unless
   * a suspension already did; false when it already was so or does not exist. The caller then
   * calls {@link #changed}.
   */
  public static boolean setSubmissionHidden(Tx tx, PaperId paper, long account, Instant at) {
    int changed = tx.update("UPDATE submissions SET hidden_at = ? WHERE paper_id = ? AND account_id = ? AND hidden_at IS "
        + (at == null ? "NOT NULL" : "NULL"), at == null ? null : at.toString(), paper.value(), account);
    if (changed > 0 && !AccountStore.suspended(tx).contains(account)) {
      adjust(tx, paper, "submissions", at == null ? 1 : -1);
    }
    return changed > 0;
  }

  /**
   * Takes the account's upvotes and shown submissions off the papers' counts (a suspension) or puts
   * them back ({@code counted}), inside the caller's transaction; the caller then calls {@link #changed}.
   * Trending leaves a suspended account's signals out by itself ({@link #signalsSince}).
   */
  public static void setCounted(Tx tx, long account, boolean counted) {
    int delta = counted ? 1 : -1;
    tx.list("SELECT paper_id FROM votes WHERE account_id = ?", r -> r.getString(1), account)
        .forEach(p -> adjust(tx, new PaperId(p), "upvotes", delta));
    tx.list("SELECT paper_id FROM submissions WHERE account_id = ? AND hidden_at IS NULL", r -> r.getString(1), account)
        .forEach(p -> adjust(tx, new PaperId(p), "submissions", delta));
  }

  /**
   * The community's counts that order a daily listing (see {@link ListingSignals}), from its
   * running totals: read once per {@link #generation}, so a listing rebuilt while nothing was voted
   * costs a map lookup. Holds every paper anyone upvoted or saved.
   */
  public ListingSignals listingSignals() {
    long g = generation();
    ListingSnapshot s = listing;
    if (s == null || s.generation() != g) {
      s = db.transaction(tx -> {
        Map<PaperId, Integer> upvotes = new HashMap<>();
        Map<PaperId, Integer> interest = new HashMap<>();
        tx.forEach("SELECT paper_id, upvotes, saves FROM paper_signals WHERE upvotes > 0 OR saves > 0", r -> {
          PaperId id = new PaperId(r.getString(1));
          if (r.getInt(2) > 0) {
            upvotes.put(id, r.getInt(2));
          }
          interest.put(id, r.getInt(2) + r.getInt(3));
        });
        return new ListingSnapshot(g, Map.copyOf(upvotes), Map.copyOf(interest));
      });
      listing = s;
    }
    return s;
  }

  private record ListingSnapshot(long generation, Map<PaperId, Integer> upvotes, Map<PaperId, Integer> interest)
      implements ListingSignals {}

  private volatile ListingSnapshot listing;

  public Signals signals(PaperId paper) {
    return db.transaction(tx -> tx.first("SELECT upvotes, saves, submissions FROM paper_signals WHERE paper_id = ?",
        r -> new Signals(r.getInt(1), r.getInt(2), r.getInt(3)), paper.value()).orElse(Signals.NONE));
  }

  /** Every upvote, save and submission since {@code since}: what the trending ranking weighs. */
  public List<Signal> signalsSince(Instant since) {
    String s = since.toString();
    record Act(long account, PaperId paper, Signal.Kind kind, Instant at) {}
    return db.transaction(tx -> {
      List<Act> acts = new ArrayList<>(tx.list("SELECT account_id, paper_id, 'UPVOTE', created_at FROM votes WHERE created_at >= ?"
          + " UNION ALL SELECT account_id, paper_id, 'SUBMISSION', created_at FROM submissions WHERE created_at >= ? AND hidden_at IS NULL",
          r -> new Act(r.getLong(1), new PaperId(r.getString(2)), Signal.Kind.valueOf(r.getString(3)), Instant.parse(r.getString(4))),
          s, s));
      for (LibraryStore.Save save : LibraryStore.savesSince(tx, since)) {
        acts.add(new Act(save.accountId(), save.paperId(), Signal.Kind.SAVE, save.at()));
      }
      Map<Long, Instant> created = AccountStore.createdAt(tx, acts.stream().map(Act::account).toList());
      created.keySet().removeAll(AccountStore.suspended(tx)); // a suspended account's signals weigh nothing
      List<Signal> out = new ArrayList<>(acts.size());
      for (Act a : acts) {
        if (created.containsKey(a.account())) {
          out.add(new Signal(a.paper(), a.kind(), a.at(), a.account(), created.get(a.account())));
        }
      }
      return out;
    });
  }

  /**
   * Each paper's upvotes, saves, submissions and commenting members since {@code since}, of every
   * account (new ones too): the papers anyone touched, in one transaction.
   */
  public Map<PaperId, Interest> interestSince(Instant since) {
    String s = since.toString();
    return db.transaction(tx -> {
      Map<PaperId, int[]> counts = new HashMap<>(); // upvotes, saves, submissions, commenters
      java.util.Set<Long> suspended = AccountStore.suspended(tx);
      // Ids read from the database, never from a request: safe to write into the statement.
      String counted = suspended.isEmpty() ? "" : " AND account_id NOT IN (" + String.join(",", suspended.stream().map(String::valueOf).toList()) + ")";
      tx.forEach("SELECT paper_id, 0, COUNT(*) FROM votes WHERE created_at >= ?" + counted + " GROUP BY paper_id"
          + " UNION ALL SELECT paper_id, 2, COUNT(*) FROM submissions WHERE created_at >= ? AND hidden_at IS NULL" + counted + " GROUP BY paper_id"
          + " UNION ALL SELECT paper_id, 3, COUNT(DISTINCT account_id) FROM comments WHERE created_at >= ? AND hidden_at IS NULL" + counted
          + " GROUP BY paper_id",
          r -> counts.computeIfAbsent(new PaperId(r.getString(1)), k -> new int[4])[r.getInt(2)] += r.getInt(3), s, s, s);
      for (LibraryStore.Save save : LibraryStore.savesSince(tx, since)) {
        if (!suspended.contains(save.accountId())) {
          counts.computeIfAbsent(save.paperId(), k -> new int[4])[1]++;
        }
      }
      Map<PaperId, Interest> out = new HashMap<>();
      counts.forEach((id, c) -> out.put(id, new Interest(c[0], c[1], c[2], c[3])));
      return out;
    });
  }

  /** Saves count towards the paper's total, inside the library's transaction. */
  @Override
  public void counted(Tx tx, PaperId paper, int delta) {
    adjust(tx, paper, "saves", delta);
  }

  /**
   * Deletes the account's upvotes, submissions and comments, taking them off the papers' totals,
   * and tells other processes the totals changed, inside the account's deleting transaction.
   */
  @Override
  public void deleteOf(Tx tx, org.paperlens.account.Account account) {
    if (!AccountStore.suspended(tx).contains(account.id())) { // a suspension already took them off
      setCounted(tx, account.id(), false);
    }
    tx.update("DELETE FROM votes WHERE account_id = ?", account.id());
    tx.update("DELETE FROM submissions WHERE account_id = ?", account.id());
    tx.update("DELETE FROM comments WHERE account_id = ?", account.id());
    generation.bump(tx);
  }

  /**
   * Adds {@code delta} to one total of a paper, inside the caller's transaction.
   */
  private static void adjust(Tx tx, PaperId paper, String column, int delta) {
    if (!List.of("upvotes", "saves", "submissions").contains(column)) {
      throw new IllegalArgumentException(column);
    }
    tx.update("INSERT INTO paper_signals (paper_id, " + column + ") VALUES (?, " + tx.dialect().greatest("?", "0") + ")"
        + " ON CONFLICT (paper_id) DO UPDATE SET " + column + " = " + tx.dialect().greatest("paper_signals." + column + " + ?", "0"),
        paper.value(), delta, delta);
  }

  /**
   * Marks rankings stale, here at once and in other processes on the same database within a
   * second; called after any change to a total, by this store or the library's.
   */
  public void changed() {
    db.transaction(tx -> {
      generation.bump(tx);
      return null;
    });
    generation.changed();
  }

  /** A change to a total and the shared counter's bump commit together: one transaction, never one without the other. */
  private <T> T change(Database.Work<T> work) {
    return generation.change(work);
  }

  private record Unnamed(PaperId paper, long account, String comment, Instant at, boolean hidden) {}

  private static Unnamed submission(org.paperlens.store.Row r) {
    return new Unnamed(new PaperId(r.getString(1)), r.getLong(2), r.getString(3), Instant.parse(r.getString(4)), r.getString(5) != null);
  }

  /** The submissions with their members' names (an account deleted meanwhile has none left to name). */
  private static List<Submission> named(Tx tx, List<Unnamed> rows) {
    Map<Long, String> names = AccountStore.names(tx, rows.stream().map(Unnamed::account).toList());
    List<Submission> out = new ArrayList<>(rows.size());
    for (Unnamed u : rows) {
      if (names.containsKey(u.account())) {
        out.add(new Submission(u.paper(), names.get(u.account()), u.comment(), u.at(), u.hidden()));
      }
    }
    return out;
  }
}
