package org.paperlens.library;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.paperlens.account.Account;
import org.paperlens.account.AccountData;
import org.paperlens.account.AccountStore;
import org.paperlens.paper.PaperId;
import org.paperlens.store.Database;
import org.paperlens.store.Tx;

/**
 * Personal libraries: the papers each account saved, with that account's tags. Every method
 * takes the owner's account and touches only its rows: there is no way to name another person's
 * library here, which is what keeps libraries private. The one exception is explicit: a tag its
 * owner made public ({@link #setPublic}) can be read by owner name and tag
 * ({@link #publicTagged}); tags are private until then. Thread-safe.
 *
 * <p>Tables {@code library}, {@code library_tags}, {@code library_tag_settings}: the only SQL about
 * them. A save is also a community signal: the {@link SaveCounter} it is given (the community
 * store) counts each in the same transaction. Account names come from the account store.
 */
public final class LibraryStore implements AccountData {

  /**
   * What else a save changes: the community's running totals. Owned here, so the library needs no
   * community code; the community store implements it.
   */
  public interface SaveCounter {
    /** Adds {@code delta} saves to the paper's total, inside the saving transaction. */
    void counted(Tx tx, PaperId paper, int delta);

    /** After a committed change of the totals: rankings that use them are stale. */
    void changed();
  }

  /** One save, as the community's trending ranking weighs it. */
  public record Save(long accountId, PaperId paperId, Instant at) {}

  public static final int MAX_TAGS = 20;
  public static final int MAX_TAG_LENGTH = 40;

  /** One saved paper with its tags, sorted. */
  public record Entry(PaperId paperId, Instant added, List<String> tags) {}

  /** A public tag seen from outside: a collection anyone can read, share and follow. */
  public record Collection(String owner, String tag, int papers, Instant changed) {}

  private final Database db;
  private final SaveCounter community;
  private final Clock clock;

  public LibraryStore(Database db, SaveCounter community, Clock clock) {
    this.db = db;
    this.community = community;
    this.clock = clock;
  }

  /**
   * Tags as a person types them: split on commas, trimmed, lower-cased, duplicates dropped.
   *
   * @throws IllegalArgumentException when there are too many or one is too long
   */
  public static List<String> parseTags(String raw) {
    Set<String> out = new LinkedHashSet<>();
    if (raw != null) {
      for (String t : raw.split(",")) {
        String tag = t.strip().toLowerCase(Locale.ROOT);
        if (tag.isEmpty()) {
          continue;
        }
        if (tag.length() > MAX_TAG_LENGTH) {
          throw new IllegalArgumentException("a tag is at most " + MAX_TAG_LENGTH + " characters");
        }
        out.add(tag);
      }
    }
    if (out.size() > MAX_TAGS) {
      throw new IllegalArgumentException("at most " + MAX_TAGS + " tags per paper");
    }
    return List.copyOf(out);
  }

  /** Saves the paper (if not already) and sets its tags to {@code tags}. */
  public void save(Account owner, PaperId paper, List<String> tags) {
    boolean added = db.transaction(tx -> {
      int n = tx.update("INSERT INTO library (account_id, paper_id, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
          owner.id(), paper.value(), clock.instant().toString());
      if (n > 0) {
        community.counted(tx, paper, 1);
      }
      tx.update("DELETE FROM library_tags WHERE account_id = ? AND paper_id = ?", owner.id(), paper.value());
      for (String tag : tags) {
        tx.update("INSERT INTO library_tags (account_id, paper_id, tag) VALUES (?, ?, ?)", owner.id(), paper.value(), tag);
      }
      return n > 0;
    });
    if (added) {
      community.changed();
    }
  }

  /** Removes the paper from the library; returns false when it was not there. */
  public boolean remove(Account owner, PaperId paper) {
    boolean removed = db.transaction(tx -> {
      int n = tx.update("DELETE FROM library WHERE account_id = ? AND paper_id = ?", owner.id(), paper.value());
      if (n > 0) {
        community.counted(tx, paper, -1);
      }
      return n > 0;
    });
    if (removed) {
      community.changed();
    }
    return removed;
  }

  public Optional<Entry> find(Account owner, PaperId paper) {
    List<Entry> found = entries(owner, paper, null);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
  }

  /** The owner's library, newest first; only entries with {@code tag} when it is not null. */
  public List<Entry> list(Account owner, String tag) {
    return entries(owner, null, tag);
  }

  /** The owner's tags with how many papers carry each, most used first. */
  public Map<String, Integer> tags(Account owner) {
    return db.transaction(tx -> {
      Map<String, Integer> out = new LinkedHashMap<>();
      tx.forEach("SELECT tag, COUNT(*) FROM library_tags WHERE account_id = ? GROUP BY tag ORDER BY COUNT(*) DESC, tag",
          r -> out.put(r.getString(1), r.getInt(2)), owner.id());
      return out;
    });
  }

  /**
   * Makes one of the owner's tags public (its papers then have a feed anyone can read) or private
   * again. The tag need not be in use yet.
   *
   * @throws IllegalArgumentException for a tag that is not one (empty, too long, a comma)
   */
  public void setPublic(Account owner, String tag, boolean isPublic) {
    List<String> parsed = parseTags(tag);
    if (parsed.size() != 1 || !parsed.getFirst().equals(tag)) {
      throw new IllegalArgumentException("not a tag: '" + tag + "' (tags are lower case, at most " + MAX_TAG_LENGTH + " characters, no commas)");
    }
    db.transaction(tx -> tx.update("INSERT INTO library_tag_settings (account_id, tag, public, changed_at) VALUES (?, ?, ?, ?)"
        + " ON CONFLICT (account_id, tag) DO UPDATE SET public = excluded.public, changed_at = excluded.changed_at",
        owner.id(), tag, isPublic ? 1 : 0, clock.instant().toString()));
  }

  /** The owner's tags that are public, sorted. */
  public Set<String> publicTags(Account owner) {
    return db.transaction(tx -> new java.util.TreeSet<>(
        tx.list("SELECT tag FROM library_tag_settings WHERE account_id = ? AND public = 1", r -> r.getString(1), owner.id())));
  }

  /** Public tags of every member, most recently made public (or changed) first, with their paper counts. */
  public List<Collection> publicCollections(int limit) {
    return db.transaction(tx -> {
      List<Collection> all = collections(tx, "", List.of());
      all.sort(java.util.Comparator.comparing(Collection::changed).reversed()
          .thenComparing(Collection::owner, String.CASE_INSENSITIVE_ORDER).thenComparing(Collection::tag));
      return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    });
  }

  /** The public tag {@code tag} of the member named {@code ownerName}; empty when there is none or it is private. */
  public Optional<Collection> publicCollection(String ownerName, String tag) {
    return db.transaction(tx -> AccountStore.idByName(tx, ownerName)
        .flatMap(owner -> collections(tx, " AND s.account_id = ? AND s.tag = ?", List.of(owner, tag)).stream().findFirst()));
  }

  private static List<Collection> collections(Tx tx, String where, List<Object> args) {
    record Row(long owner, String tag, String changed, int papers) {}
    List<Row> rows = tx.list("SELECT s.account_id, s.tag, s.changed_at,"
        + " (SELECT COUNT(*) FROM library_tags t WHERE t.account_id = s.account_id AND t.tag = s.tag)"
        + " FROM library_tag_settings s WHERE s.public = 1" + where,
        r -> new Row(r.getLong(1), r.getString(2), r.getString(3), r.getInt(4)), args.toArray());
    Map<Long, String> names = AccountStore.names(tx, rows.stream().map(Row::owner).toList());
    List<Collection> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(new Collection(names.get(r.owner()), r.tag(), r.papers(), Instant.parse(r.changed())));
    }
    return out;
  }

  /**
   * The papers the member named {@code ownerName} saved under {@code tag}, most recently saved
   * first, when that tag is public; empty when there is no such member or the tag is private,
   * alike, so the answer does not tell which.
   */
  public Optional<List<PaperId>> publicTagged(String ownerName, String tag, int limit) {
    return db.transaction(tx -> AccountStore.idByName(tx, ownerName)
        .flatMap(id -> tx.first("SELECT account_id FROM library_tag_settings WHERE account_id = ? AND tag = ? AND public = 1",
            r -> r.getLong(1), id, tag))
        .map(owner -> tx.list("SELECT l.paper_id FROM library_tags t JOIN library l"
            + " ON l.account_id = t.account_id AND l.paper_id = t.paper_id WHERE t.account_id = ? AND t.tag = ?"
            + " ORDER BY l.added_at DESC, l.paper_id LIMIT ?", r -> new PaperId(r.getString(1)), owner, tag, limit)));
  }

  /** Every save made at or after {@code since}, inside the caller's transaction: what trending weighs. */
  public static List<Save> savesSince(Tx tx, Instant since) {
    return tx.list("SELECT account_id, paper_id, added_at FROM library WHERE added_at >= ?",
        r -> new Save(r.getLong(1), new PaperId(r.getString(2)), Instant.parse(r.getString(3))), since.toString());
  }

  /** The papers account {@code accountId} saved, inside the caller's transaction. */
  public static List<PaperId> savedBy(Tx tx, long accountId) {
    return tx.list("SELECT paper_id FROM library WHERE account_id = ?", r -> new PaperId(r.getString(1)), accountId);
  }

  /**
   * Deletes the account's library, tags and tag settings, taking its saves off the papers' totals,
   * inside the account's deleting transaction.
   */
  @Override
  public void deleteOf(Tx tx, Account account) {
    for (PaperId paper : savedBy(tx, account.id())) {
      community.counted(tx, paper, -1);
    }
    tx.update("DELETE FROM library_tags WHERE account_id = ?", account.id());
    tx.update("DELETE FROM library WHERE account_id = ?", account.id());
    tx.update("DELETE FROM library_tag_settings WHERE account_id = ?", account.id());
  }

  private List<Entry> entries(Account owner, PaperId paper, String tag) {
    return db.transaction(tx -> {
      StringBuilder sql = new StringBuilder("SELECT l.paper_id, l.added_at,"
          + " (SELECT " + tx.dialect().joined("tag", (char) 31) + " FROM (SELECT tag FROM library_tags t WHERE t.account_id = l.account_id AND t.paper_id = l.paper_id ORDER BY tag) sorted)"
          + " FROM library l WHERE l.account_id = ?");
      List<Object> args = new ArrayList<>(List.of(owner.id()));
      if (paper != null) {
        sql.append(" AND l.paper_id = ?");
        args.add(paper.value());
      }
      if (tag != null) {
        sql.append(" AND EXISTS (SELECT 1 FROM library_tags t WHERE t.account_id = l.account_id AND t.paper_id = l.paper_id AND t.tag = ?)");
        args.add(tag);
      }
      sql.append(" ORDER BY l.added_at DESC, l.paper_id");
      return tx.list(sql.toString(), r -> {
        String tags = r.getString(3);
        return new Entry(new PaperId(r.getString(1)), Instant.parse(r.getString(2)),
            tags == null ? List.of() : List.of(tags.split("\u001f")));
      }, args.toArray());
    });
  }
}
