package org.paperlens.community;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.ArrayList;
import java.util.Map;
import org.paperlens.account.Account;
import org.paperlens.account.AccountStore;
import org.paperlens.library.LibraryStore;
import org.paperlens.store.Tx;
import org.paperlens.paper.PaperId;
import org.paperlens.store.Database;

/**
 * Comments on papers. Only their author edits or deletes a comment: every change names the
 * account, and a comment of another account is "not found" alike. Each change bumps the
 * community store's generation, so cached paper pages show it at once. Thread-safe.
 */
public final class CommentStore {

  /** The longest comment, in characters: a discussion post, not a paper. */
  public static final int MAX_LENGTH = 5_000;

  private static final String COLUMNS = "id, paper_id, account_id, body, created_at, edited_at, hidden_at";
  /** What everyone but a moderator sees: a hidden comment is kept, not shown. */
  private static final String SHOWN = " AND hidden_at IS NULL";

  private final Database db;
  private final CommunityStore community;
  private final Clock clock;

  public CommentStore(Database db, CommunityStore community, Clock clock) {
    this.db = db;
    this.community = community;
    this.clock = clock;
  }

  /**
   * Adds a comment; the caller has checked that the paper exists.
   *
   * @throws IllegalArgumentException for an empty or too long text
   */
  public Comment add(Account author, PaperId paper, String body) {
    String text = checked(body);
    Instant now = clock.instant();
    long id = db.transaction(tx -> tx.number("INSERT INTO comments (paper_id, account_id, body, created_at) VALUES (?, ?, ?, ?) RETURNING id",
        paper.value(), author.id(), text, now.toString()));
    community.changed();
    return new Comment(id, paper, author.name(), text, now, null, false);
  }

  /** Changes the author's own comment; empty when there is no such comment of theirs. */
  public Optional<Comment> edit(Account author, long id, String body) {
    String text = checked(body);
    int changed = db.transaction(tx -> tx.update("UPDATE comments SET body = ?, edited_at = ? WHERE id = ? AND account_id = ?",
        text, clock.instant().toString(), id, author.id()));
    if (changed == 0) {
      return Optional.empty();
    }
    community.changed();
    return find(id);
  }

  /** Deletes the author's own comment; false when there is no such comment of theirs. */
  public boolean delete(Account author, long id) {
    boolean deleted = db.transaction(tx -> tx.update("DELETE FROM comments WHERE id = ? AND account_id = ?", id, author.id())) > 0;
    if (deleted) {
      community.changed();
    }
    return deleted;
  }

  public Optional<Comment> find(long id) {
    return first(list("SELECT " + COLUMNS + " FROM comments WHERE id = ?", id));
  }

  /** A paper's comments but hidden ones, oldest first (a discussion reads down), at most {@code limit}. */
  public List<Comment> of(PaperId paper, int limit) {
    return list("SELECT " + COLUMNS + " FROM comments WHERE paper_id = ?" + SHOWN + " ORDER BY created_at, id LIMIT ?", paper.value(), limit);
  }

  /** As {@link #of}, hidden ones too (marked): what a moderator sees. */
  public List<Comment> ofWithHidden(PaperId paper, int limit) {
    return list("SELECT " + COLUMNS + " FROM comments WHERE paper_id = ? ORDER BY created_at, id LIMIT ?", paper.value(), limit);
  }

  /** The comments {@code ids} (hidden ones too) that still exist, inside the caller's transaction: the report queue's. */
  public static Map<Long, Comment> byIds(Tx tx, List<Long> ids) {
    Map<Long, Comment> out = new java.util.HashMap<>();
    named(tx, tx.listIn("SELECT " + COLUMNS + " FROM comments WHERE id IN " + Tx.KEYS, ids, CommentStore::read))
        .forEach(c -> out.put(c.id(), c));
    return out;
  }

  /** The id of the account that wrote comment {@code id}, inside the caller's transaction. */
  public static Optional<Long> authorOf(Tx tx, long id) {
    return tx.first("SELECT account_id FROM comments WHERE id = ?", r -> r.getLong(1), id);
  }

  /** Hides (or shows again) comment {@code id}, inside the caller's transaction; false when it already was so or is gone. */
  public static boolean setHidden(Tx tx, long id, Instant at) {
    return tx.update("UPDATE comments SET hidden_at = ? WHERE id = ? AND hidden_at IS " + (at == null ? "NOT NULL" : "NULL"),
        at == null ? null : at.toString(), id) > 0;
  }

  /**
   * Comments made after {@code since} by others on the papers {@code reader} saved or upvoted,
   * oldest first, at most {@code limit}: what a digest tells a member about their papers.
   */
  public List<Comment> onPapersOf(long reader, Instant since, int limit) {
    return db.transaction(tx -> {
      java.util.Set<String> papers = new java.util.TreeSet<>(
          tx.list("SELECT paper_id FROM votes WHERE account_id = ?", r -> r.getString(1), reader));
      LibraryStore.savedBy(tx, reader).forEach(p -> papers.add(p.value()));
      // Each chunk of papers is ordered and cut; the chunks together are ordered and cut again.
      List<Unnamed> rows = new ArrayList<>(tx.listIn("SELECT " + COLUMNS + " FROM comments WHERE created_at > ? AND account_id <> ?"
          + SHOWN + " AND paper_id IN " + Tx.KEYS + " ORDER BY created_at, id LIMIT " + limit, List.copyOf(papers), CommentStore::read,
          since.toString(), reader));
      rows.sort(java.util.Comparator.comparing(Unnamed::created).thenComparingLong(Unnamed::id));
      return named(tx, rows.subList(0, Math.min(limit, rows.size())));
    });
  }

  /**
   * The text a comment keeps of {@code body} (stripped).
   *
   * @throws IllegalArgumentException for an empty or too long text
   */
  public static String checked(String body) {
    String text = body == null ? "" : body.strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("a comment needs some text");
    }
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("a comment is at most " + MAX_LENGTH + " characters, this one is " + text.length());
    }
    return text;
  }

  private List<Comment> list(String sql, Object... args) {
    return db.transaction(tx -> named(tx, tx.list(sql, CommentStore::read, args)));
  }

  /** A comment row before its author's name is looked up. */
  private record Unnamed(long id, PaperId paper, long account, String body, Instant created, Instant edited, boolean hidden) {}

  private static Unnamed read(org.paperlens.store.Row rs) {
    String edited = rs.getString(6);
    return new Unnamed(rs.getLong(1), new PaperId(rs.getString(2)), rs.getLong(3), rs.getString(4),
        Instant.parse(rs.getString(5)), edited == null ? null : Instant.parse(edited), rs.getString(7) != null);
  }

  /** The comments with their authors' names, from the account store. */
  private static List<Comment> named(Tx tx, List<Unnamed> rows) {
    Map<Long, String> names = AccountStore.names(tx, rows.stream().map(Unnamed::account).toList());
    List<Comment> out = new ArrayList<>(rows.size());
    for (Unnamed u : rows) {
      if (names.containsKey(u.account())) {
        out.add(new Comment(u.id(), u.paper(), names.get(u.account()), u.body(), u.created(), u.edited(), u.hidden()));
      }
    }
    return out;
  }

  private static <T> Optional<T> first(List<T> list) {
    return list.isEmpty() ? Optional.empty() : Optional.of(list.getFirst());
  }
}
