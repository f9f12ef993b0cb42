package org.paperlens.paper;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.paperlens.store.Database;
import org.paperlens.store.DatabaseUrl;
import org.paperlens.store.Tx;

/**
 * The catalogue, the system of record for papers, in SQLite (embedded, the default) or PostgreSQL.
 *
 * <p>The only class that speaks SQL about papers. One {@link Database} connection, so one writer:
 * callers on several threads are serialised by it. Writes happen only inside
 * {@link #write(Work)}, which commits all or nothing; that is what lets an import killed at any
 * moment be run again to the same end state.
 */
public final class CatalogueStore implements AutoCloseable {

  /** A unit of writing, run in one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Writer writer) throws SQLException;
  }

  /**
   * Per primary category, how many upvotes and saves members gave its papers: what the
   * community reads, the daily listing's order among papers nobody has voted on yet.
   */
  // CROSS JOIN keeps the votes and saves as the outer loop (SQLite does not reorder it): with a
  // plain JOIN, SQLite 3.50 scanned all papers by category on every daily listing (200 ms at 75k).
  private static final String CATEGORY_INTEREST = "SELECT p.primary_category AS category, COUNT(*) AS interest"
      + " FROM (SELECT paper_id FROM votes UNION ALL SELECT paper_id FROM library) a CROSS JOIN papers p WHERE p.id = a.paper_id"
      + " GROUP BY p.primary_category";

  private final Database db;

  private CatalogueStore(Database db) {
    this.db = db;
  }

  /** Opens (creating if needed) the SQLite catalogue in {@code dataDir} and brings its schema up to date. */
  public static CatalogueStore open(Path dataDir) {
    return open(DatabaseUrl.inDataDir(dataDir));
  }

  /** Opens the catalogue at {@code url} and brings its schema up to date. */
  public static CatalogueStore open(DatabaseUrl url) {
    Database.migrate(url);
    return new CatalogueStore(Database.open(url));
  }

  /** A second connection to a catalogue whose schema is already up to date (one opened by {@link #open}). */
  public static CatalogueStore connect(DatabaseUrl url) {
    return new CatalogueStore(Database.open(url));
  }

  /** Where this catalogue lives; other stores open their own connections to the same database. */
  public DatabaseUrl url() {
    return db.url();
  }

  /** Runs {@code work} in one transaction: it commits if work returns, and rolls back if it throws. */
  public <T> T write(Work<T> work) {
    return db.transaction(tx -> work.run(new Writer(tx)));
  }

  public Optional<Paper> find(PaperId id) {
    return query(w -> w.find(id));
  }

  /** Those of {@code ids} in the catalogue, in the order given, read in one transaction. */
  public List<Paper> findAll(List<PaperId> ids) {
    return query(w -> {
      List<Paper> out = new ArrayList<>(ids.size());
      for (PaperId id : ids) {
        w.find(id).ifPresent(out::add);
      }
      return out;
    });
  }

  /** Every paper, in id order, deleted ones included. */
  public void forEach(Consumer<Paper> action) {
    query(w -> {
      try (PreparedStatement st = w.tx.prepare(
          "SELECT " + PaperRows.COLUMNS + " FROM papers ORDER BY id");
          ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          action.accept(PaperRows.read(rs));
        }
      }
      return null;
    });
  }

  /** Every paper not deleted at its source, in id order: what search indexes. */
  public void forEachLive(Consumer<Paper> action) {
    query(w -> {
      try (PreparedStatement st = w.tx.prepare(
          "SELECT " + PaperRows.COLUMNS + " FROM papers WHERE deleted_on IS NULL ORDER BY id");
          ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          action.accept(PaperRows.read(rs));
        }
      }
      return null;
    });
  }

  /**
   * Papers not deleted at the source whose first listing day is after {@code after} (null: any)
   * and on or before {@code upTo}, newest listing first: what a digest or a daily feed considers.
   */
  public List<Paper> listedBetween(LocalDate after, LocalDate upTo) {
    return query(w -> {
      try (PreparedStatement st = w.tx.prepare("SELECT " + PaperRows.COLUMNS
          + " FROM papers WHERE deleted_on IS NULL AND first_listed > ? AND first_listed <= ?"
          + " ORDER BY first_listed DESC, id DESC")) {
        st.setString(1, after == null ? "" : after.toString());
        st.setString(2, upTo.toString());
        List<Paper> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            out.add(PaperRows.read(rs));
          }
        }
        return out;
      }
    });
  }

  /** The most recent first-listing day in the catalogue, if any paper has one. */
  public Optional<LocalDate> latestListing() {
    return query(w -> {
      try (PreparedStatement st = w.tx.prepare(
          "SELECT MAX(first_listed) FROM papers WHERE deleted_on IS NULL");
          ResultSet rs = st.executeQuery()) {
        return rs.next() && rs.getString(1) != null ? Optional.of(LocalDate.parse(rs.getString(1))) : Optional.empty();
      }
    });
  }

  /** The live paper with this DOI (as written, or lower-cased: DOIs ignore case), if the catalogue has one. */
  public Optional<Paper> findByDoi(String doi) {
    return query(w -> {
      try (PreparedStatement st = w.tx.prepare("SELECT " + PaperRows.COLUMNS
          + " FROM papers WHERE doi IN (?, ?) AND deleted_on IS NULL LIMIT 1")) {
        st.setString(1, doi.strip());
        st.setString(2, doi.strip().toLowerCase(java.util.Locale.ROOT));
        try (ResultSet rs = st.executeQuery()) {
          return rs.next() ? Optional.of(PaperRows.read(rs)) : Optional.empty();
        }
      }
    });
  }

  public long count() {
    return query(w -> {
      try (PreparedStatement st = w.tx.prepare("SELECT COUNT(*) FROM papers");
          ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /** The versions a source has shown for a paper, oldest first. */
  public List<PaperVersion> versions(PaperId id) {
    return query(w -> {
      try (PreparedStatement st = w.tx.prepare(
          "SELECT * FROM paper_versions WHERE paper_id = ? ORDER BY version")) {
        st.setString(1, id.value());
        List<PaperVersion> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            out.add(PaperRows.readVersion(rs));
          }
        }
        return out;
      }
    });
  }

  public Optional<LocalDate> deletedOn(PaperId id) {
    return query(w -> {
      try (PreparedStatement st = w.tx.prepare("SELECT deleted_on FROM papers WHERE id = ?")) {
        st.setString(1, id.value());
        try (ResultSet rs = st.executeQuery()) {
          return rs.next() && rs.getString(1) != null ? Optional.of(LocalDate.parse(rs.getString(1))) : Optional.empty();
        }
      }
    });
  }

  /**
   * Papers first listed between {@code from} and {@code to} (inclusive), deleted ones left out,
   * ordered by upvotes; where those tie (a new day nobody has voted on yet), by the community's
   * interest in the paper's primary category (its members' upvotes and saves of papers in that
   * category), then papers with code first, then listing day and id (newer arXiv ids are later
   * submissions). Joins the community's running totals ({@code paper_signals}, kept by the
   * community store) because the order needs them in the same query; uses the first_listed index.
   */
  public java.util.List<Listed> listed(LocalDate from, LocalDate to, int offset, int limit) {
    return listed(from, to, ListingFilter.NONE, offset, limit);
  }

  /** {@link #listed(LocalDate, LocalDate, int, int)} narrowed by {@code filter}. */
  public java.util.List<Listed> listed(LocalDate from, LocalDate to, ListingFilter filter, int offset, int limit) {
    return query(w -> {
      PreparedStatement st = w.tx.prepared("SELECT " + PaperRows.COLUMNS + ", COALESCE(s.upvotes, 0) AS upvotes"
          + " FROM papers LEFT JOIN paper_signals s ON s.paper_id = papers.id"
          + " LEFT JOIN (" + CATEGORY_INTEREST + ") i ON i.category = papers.primary_category"
          + " WHERE first_listed BETWEEN ? AND ? AND deleted_on IS NULL" + filter.sql()
          + " ORDER BY upvotes DESC, COALESCE(i.interest, 0) DESC, has_code DESC, first_listed DESC, id DESC LIMIT ? OFFSET ?");
      st.setString(1, from.toString());
      st.setString(2, to.toString());
      int next = filter.bind(st, 3);
      st.setInt(next, limit);
      st.setInt(next + 1, offset);
      List<Listed> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(new Listed(PaperRows.read(rs), rs.getInt("upvotes")));
        }
      }
      return out;
    });
  }

  /** How many live papers were first listed on each day between {@code from} and {@code to}, by day. */
  public java.util.SortedMap<LocalDate, Integer> listedPerDay(LocalDate from, LocalDate to) {
    return listedPerDay(from, to, ListingFilter.NONE);
  }

  /** {@link #listedPerDay(LocalDate, LocalDate)} counting only the papers {@code filter} lets through. */
  public java.util.SortedMap<LocalDate, Integer> listedPerDay(LocalDate from, LocalDate to, ListingFilter filter) {
    return query(w -> {
      PreparedStatement st = w.tx.prepared("SELECT first_listed, COUNT(*) FROM papers"
          + " WHERE first_listed BETWEEN ? AND ? AND deleted_on IS NULL" + filter.sql() + " GROUP BY first_listed");
      st.setString(1, from.toString());
      st.setString(2, to.toString());
      filter.bind(st, 3);
      java.util.SortedMap<LocalDate, Integer> out = new java.util.TreeMap<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.put(LocalDate.parse(rs.getString(1)), rs.getInt(2));
        }
      }
      return out;
    });
  }

  /**
   * How many live papers first listed between {@code from} and {@code to} are in each category,
   * cross-lists counted as {@link ListingFilter} matches them, most first: the choices of a
   * listing's category filter, each with the number of papers it leaves.
   */
  public java.util.Map<String, Integer> listedPerCategory(LocalDate from, LocalDate to) {
    return query(w -> {
      PreparedStatement st = w.tx.prepared("SELECT categories FROM papers WHERE first_listed BETWEEN ? AND ? AND deleted_on IS NULL");
      st.setString(1, from.toString());
      st.setString(2, to.toString());
      java.util.Map<String, Integer> counts = new java.util.HashMap<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          for (String c : rs.getString(1).split(" ")) {
            if (!c.isEmpty()) {
              counts.merge(c, 1, Integer::sum);
            }
          }
        }
      }
      java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
      counts.entrySet().stream()
          .sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(java.util.Map.Entry.comparingByKey()))
          .forEach(e -> out.put(e.getKey(), e.getValue()));
      return out;
    });
  }

  /**
   * The nearest listing day before {@code day} ({@code after} false) or after it (true), or
   * empty when there is none; with {@code day} null, the latest listing day.
   */
  public Optional<LocalDate> listingDay(LocalDate day, boolean after) {
    return query(w -> {
      String sql = day == null ? "SELECT MAX(first_listed) FROM papers"
          : after ? "SELECT MIN(first_listed) FROM papers WHERE first_listed > ?"
          : "SELECT MAX(first_listed) FROM papers WHERE first_listed < ?";
      PreparedStatement st = w.tx.prepared(sql);
      if (day != null) {
        st.setString(1, day.toString());
      }
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() && rs.getString(1) != null ? Optional.of(LocalDate.parse(rs.getString(1))) : Optional.empty();
      }
    });
  }

  /**
   * The number of the latest committed change (0 before any). Every paper or vector change
   * numbered at most this is visible to reads from now on: see the V7 migration.
   */
  public long sequence() {
    return query(w -> {
      try (PreparedStatement st = w.tx.prepare("SELECT value FROM catalogue_sequence WHERE id = 1");
          ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    });
  }

  /**
   * The paper as the catalogue has it now, deleted ones included (with the day the source deleted
   * it): what an index update applies.
   */
  public Optional<PaperState> findState(PaperId id) {
    return query(w -> {
      PreparedStatement st = w.tx.prepared("SELECT " + PaperRows.COLUMNS + ", deleted_on, seq FROM papers WHERE id = ?");
      st.setString(1, id.value());
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String deleted = rs.getString("deleted_on");
        return Optional.of(new PaperState(PaperRows.read(rs), deleted == null ? null : LocalDate.parse(deleted), rs.getLong("seq")));
      }
    });
  }

  /**
   * Live papers first listed between {@code after} (exclusive) and {@code upTo} (inclusive) or
   * changed in ({@code changedAfter}, {@code changedUpTo}] while first listed after {@code lateAfter}:
   * the candidates of a digest that must not go past what the index covers ({@code changedUpTo}).
   * Newest listing first.
   */
  public List<Paper> listedOrChanged(LocalDate after, LocalDate upTo, long changedAfter, long changedUpTo,
      LocalDate lateAfter) {
    return query(w -> {
      try (PreparedStatement st = w.tx.prepare("SELECT " + PaperRows.COLUMNS
          + " FROM papers WHERE deleted_on IS NULL AND seq <= ? AND first_listed <= ?"
          + " AND ((first_listed > ?) OR (seq > ? AND first_listed > ?))"
          + " ORDER BY first_listed DESC, id DESC")) {
        st.setLong(1, changedUpTo);
        st.setString(2, upTo.toString());
        st.setString(3, after == null ? "" : after.toString());
        st.setLong(4, changedAfter);
        st.setString(5, lateAfter == null ? "" : lateAfter.toString());
        List<Paper> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            out.add(PaperRows.read(rs));
          }
        }
        return out;
      }
    });
  }

  /** The latest first-listing day among live papers whose change number is at most {@code upTo}. */
  public Optional<LocalDate> latestListing(long upTo) {
    return query(w -> {
      try (PreparedStatement st = w.tx.prepare(
          "SELECT MAX(first_listed) FROM papers WHERE deleted_on IS NULL AND seq <= ?")) {
        st.setLong(1, upTo);
        try (ResultSet rs = st.executeQuery()) {
          return rs.next() && rs.getString(1) != null ? Optional.of(LocalDate.parse(rs.getString(1))) : Optional.empty();
        }
      }
    });
  }

  public Optional<String> state(String name) {
    return query(w -> w.state(name));
  }

  /** Runs a read-only query; exposed to the stores that share the catalogue's transactions. */
  public <T> T query(Work<T> work) {
    return write(work); // the same transaction; the name says the caller only reads
  }

  @Override
  public void close() {
    db.close();
  }

  /**
   * The operations allowed inside a transaction. Valid only during the {@link Work} call. Keeps
   * its prepared statements for the life of the store: preparing is a noticeable share of an
   * import's time.
   */
  public static final class Writer {
    private final Tx tx;

    private Writer(Tx tx) {
      this.tx = tx;
    }

    /** The transaction, for the stores that keep their tables in the catalogue's database. */
    public Tx tx() {
      return tx;
    }

    /**
     * This transaction's change number, taken from the catalogue's sequence on first use: every
     * paper or vector row the transaction writes is stamped with it (see the V7 migration). The
     * counter row stays locked until commit on both engines, so numbers commit in order: the live
     * index catches up by sequence and must never see N+1 before N.
     */
    public long changeSeq() throws SQLException {
      return tx.changeNumber("catalogue_sequence");
    }

    public Optional<Paper> find(PaperId id) throws SQLException {
      PreparedStatement st = tx.prepared("SELECT " + PaperRows.COLUMNS + " FROM papers WHERE id = ?");
      st.setString(1, id.value());
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(PaperRows.read(rs)) : Optional.empty();
      }
    }

    /** Inserts or replaces the paper's current row. */
    public void put(Paper paper) throws SQLException {
      PreparedStatement st = tx.prepared(PaperRows.UPSERT);
      PaperRows.bind(st, paper);
      st.setLong(18, changeSeq());
      st.setInt(19, CodeLinks.hasCode(paper) ? 1 : 0);
      st.executeUpdate();
    }

    /** Notes that {@code source} reported the paper; the paper's row must exist. */
    public void putSource(PaperId id, String source) throws SQLException {
      PreparedStatement st = tx.prepared("INSERT INTO paper_sources (paper_id, source) VALUES (?, ?)"
        + " ON CONFLICT (paper_id, source) DO NOTHING");
      st.setString(1, id.value());
      st.setString(2, source);
      st.executeUpdate();
    }

    /** Records what one version of a paper looked like; the paper's row must exist. */
    public void putVersion(PaperVersion version) throws SQLException {
      PreparedStatement st = tx.prepared(PaperRows.UPSERT_VERSION);
      PaperRows.bind(st, version);
      st.executeUpdate();
    }

    /** Marks a paper deleted at the source. Returns false when the catalogue does not have it. */
    public boolean markDeleted(PaperId id, LocalDate on) throws SQLException {
      PreparedStatement st = tx.prepared("UPDATE papers SET deleted_on = ?, seq = ? WHERE id = ?");
      st.setString(1, on.toString());
      st.setLong(2, changeSeq());
      st.setString(3, id.value());
      return st.executeUpdate() > 0;
    }

    public Optional<String> state(String name) throws SQLException {
      PreparedStatement st = tx.prepared("SELECT value FROM ingest_state WHERE name = ?");
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }

    public void putState(String name, String value) throws SQLException {
      PreparedStatement st = tx.prepared("INSERT INTO ingest_state (name, value) VALUES (?, ?)"
        + " ON CONFLICT (name) DO UPDATE SET value = excluded.value");
      st.setString(1, name);
      st.setString(2, value);
      st.executeUpdate();
    }

    /**
     * Takes the lease {@code name} for {@code owner} until {@code until}, if nobody holds it at
     * {@code now}. The stored value is the expiry (fixed-width, so it compares as text) and then
     * the owner, so only the owner renews or releases it. Returns whether it was taken.
     */
    public boolean takeLease(String name, String owner, Instant now, Instant until) throws SQLException {
      PreparedStatement st = tx.prepared("INSERT INTO ingest_state (name, value) VALUES (?, ?)"
          + " ON CONFLICT (name) DO UPDATE SET value = excluded.value WHERE ingest_state.value < ?");
      st.setString(1, LEASE + name);
      st.setString(2, leaseValue(until, owner));
      st.setString(3, leaseTime(now));
      return st.executeUpdate() == 1;
    }

    /**
     * Moves the expiry of {@code owner}'s lease to {@code until}. False when the lease is no longer
     * its own (it ran out and another process took it).
     */
    public boolean renewLease(String name, String owner, Instant until) throws SQLException {
      PreparedStatement st = tx.prepared("UPDATE ingest_state SET value = ? WHERE name = ? AND value LIKE ?");
      st.setString(1, leaseValue(until, owner));
      st.setString(2, LEASE + name);
      st.setString(3, "%" + OWNER_MARK + owner);
      return st.executeUpdate() == 1;
    }

    /** Gives up {@code owner}'s lease at once, so the next taker need not wait for it to run out. */
    public void releaseLease(String name, String owner) throws SQLException {
      renewLease(name, owner, Instant.EPOCH);
    }

    private static final String OWNER_MARK = " by ";

    private static String leaseValue(Instant until, String owner) {
      return leaseTime(until) + OWNER_MARK + owner;
    }

    private static final String LEASE = "lease:";

    /** Milliseconds, zero-padded: compared as text, they order as the instants do. */
    private static String leaseTime(Instant t) {
      return String.format("%015d", t.toEpochMilli());
    }
  }
}
