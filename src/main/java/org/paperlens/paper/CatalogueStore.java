package org.paperlens.paper;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;
import org.paperlens.store.Database;
import org.paperlens.store.DatabaseUrl;
import org.paperlens.store.Tx;

/**
 * The catalogue, the system of record for papers (tables {@code papers}, {@code paper_versions},
 * {@code paper_sources}, {@code ingest_state}, {@code catalogue_sequence}), in SQLite (embedded,
 * the default) or PostgreSQL.
 *
 * <p>The only class (with its package-private helpers) that speaks SQL about papers. Its
 * transactions come from one {@link Database}, so one writer: callers on several threads are
 * serialised by it. Writes happen only inside {@link #write(Work)}, which commits all or nothing;
 * that is what lets an import killed at any moment be run again to the same end state.
 *
 * <p>Longer than 300 lines because it is the catalogue's whole public face (its SQL lives in the helpers).
 */
public final class CatalogueStore implements AutoCloseable {

  /** A unit of writing, run in one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Writer writer);
  }

  private final Database db;

  private CatalogueStore(Database db) {
    this.db = db;
  }

  /** Opens (creating if needed) the SQLite catalogue in {@code dataDir} and brings its schema up to date. */
  public static CatalogueStore open(Path dataDir) {
    return open(DatabaseUrl.inDataDir(dataDir));
  }

  /**
   * Opens the catalogue at {@code url} and brings the schema up to date: the SQL migrations of every
   * feature and the Java ones that need a feature's code ({@link CatalogueMigrations}).
   */
  public static CatalogueStore open(DatabaseUrl url) {
    Database.migrate(url, CatalogueMigrations.ALL);
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

  /**
   * The connection this catalogue's transactions run on. The stores whose reads should queue with
   * the catalogue's (the vectors, the digests' tables) take theirs from it too; each runs only its
   * own tables' SQL on it.
   */
  public Database database() {
    return db;
  }

  /** Runs {@code work} in one transaction: it commits if work returns, and rolls back if it throws. */
  public <T> T write(Work<T> work) {
    return db.transaction(tx -> work.run(new Writer(tx)));
  }

  public Optional<Paper> find(PaperId id) {
    return db.transaction(tx -> find(tx, id));
  }

  /** Those of {@code ids} in the catalogue, in the order given, read in one transaction. */
  public List<Paper> findAll(List<PaperId> ids) {
    return db.transaction(tx -> {
      List<Paper> out = new ArrayList<>(ids.size());
      for (PaperId id : ids) {
        find(tx, id).ifPresent(out::add);
      }
      return out;
    });
  }

  static Optional<Paper> find(Tx tx, PaperId id) {
    return tx.first("SELECT " + PaperRows.COLUMNS + " FROM papers WHERE id = ?", PaperRows::read, id.value());
  }

  /** Every paper, in id order, deleted ones included. */
  public void forEach(Consumer<Paper> action) {
    scan("SELECT " + PaperRows.COLUMNS + " FROM papers ORDER BY id", action);
  }

  /** Every paper not deleted at its source, in id order: what search indexes. */
  public void forEachLive(Consumer<Paper> action) {
    scan("SELECT " + PaperRows.COLUMNS + " FROM papers WHERE deleted_on IS NULL ORDER BY id", action);
  }

  private void scan(String sql, Consumer<Paper> action) {
    db.transaction(tx -> {
      tx.forEach(sql, r -> action.accept(PaperRows.read(r)));
      return null;
    });
  }

  /**
   * Papers not deleted at the source whose first listing day is after {@code after} (null: any)
   * and on or before {@code upTo}, newest listing first: what a digest or a daily feed considers.
   */
  public List<Paper> listedBetween(LocalDate after, LocalDate upTo) {
    return db.transaction(tx -> CatalogueListings.between(tx, after, upTo));
  }

  /** The most recent first-listing day in the catalogue, if any paper has one. */
  public Optional<LocalDate> latestListing() {
    return db.transaction(tx -> tx.text("SELECT MAX(first_listed) FROM papers WHERE deleted_on IS NULL").map(LocalDate::parse));
  }

  /** The live paper with this DOI (as written, or lower-cased: DOIs ignore case), if the catalogue has one. */
  public Optional<Paper> findByDoi(String doi) {
    return db.transaction(tx -> tx.first("SELECT " + PaperRows.COLUMNS
        + " FROM papers WHERE doi IN (?, ?) AND deleted_on IS NULL LIMIT 1", PaperRows::read,
        doi.strip(), doi.strip().toLowerCase(java.util.Locale.ROOT)));
  }

  public long count() {
    return db.transaction(tx -> tx.number("SELECT COUNT(*) FROM papers"));
  }

  /** The versions a source has shown for a paper, oldest first. */
  public List<PaperVersion> versions(PaperId id) {
    return db.transaction(tx -> tx.list("SELECT * FROM paper_versions WHERE paper_id = ? ORDER BY version",
        PaperRows::readVersion, id.value()));
  }

  public Optional<LocalDate> deletedOn(PaperId id) {
    return db.transaction(tx -> tx.text("SELECT deleted_on FROM papers WHERE id = ?", id.value()).map(LocalDate::parse));
  }

  /**
   * Papers first listed between {@code from} and {@code to} (inclusive), deleted ones left out,
   * ordered by upvotes; where those tie (a new day nobody has voted on yet), by the community's
   * interest in the paper's primary category (its members' upvotes and saves of papers in that
   * category), then papers with code first, then listing day and id (newer arXiv ids are later
   * submissions). The counts come from {@code signals} (the community store answers them from its
   * own tables); the catalogue adds only its own columns.
   */
  public List<Listed> listed(LocalDate from, LocalDate to, ListingFilter filter, int offset, int limit, ListingSignals signals) {
    return db.transaction(tx -> CatalogueListings.listed(tx, from, to, filter, offset, limit, signals));
  }

  /** The live papers first listed between {@code from} and {@code to} (inclusive): their listing day and whether they link code. */
  public List<ListingFact> listingFacts(LocalDate from, LocalDate to) {
    return db.transaction(tx -> CatalogueListings.facts(tx, from, to));
  }

  /** {@link #listingFacts(LocalDate, LocalDate)} of the live papers among {@code ids}, in no particular order. */
  public List<ListingFact> listingFacts(java.util.Collection<PaperId> ids) {
    return ids.isEmpty() ? List.of() : db.transaction(tx -> CatalogueListings.facts(tx, ids));
  }

  /** How many live papers were first listed on each day between {@code from} and {@code to}, by day. */
  public SortedMap<LocalDate, Integer> listedPerDay(LocalDate from, LocalDate to) {
    return listedPerDay(from, to, ListingFilter.NONE);
  }

  /** {@link #listedPerDay(LocalDate, LocalDate)} counting only the papers {@code filter} lets through. */
  public SortedMap<LocalDate, Integer> listedPerDay(LocalDate from, LocalDate to, ListingFilter filter) {
    return db.transaction(tx -> CatalogueListings.perDay(tx, from, to, filter));
  }

  /**
   * How many live papers first listed between {@code from} and {@code to} are in each category,
   * cross-lists counted as {@link ListingFilter} matches them, most first: the choices of a
   * listing's category filter, each with the number of papers it leaves.
   */
  public Map<String, Integer> listedPerCategory(LocalDate from, LocalDate to) {
    return db.transaction(tx -> CatalogueListings.perCategory(tx, from, to));
  }

  /**
   * The nearest listing day before {@code day} ({@code after} false) or after it (true), or
   * empty when there is none; with {@code day} null, the latest listing day.
   */
  public Optional<LocalDate> listingDay(LocalDate day, boolean after) {
    return db.transaction(tx -> CatalogueListings.listingDay(tx, day, after));
  }

  /**
   * The number of the latest committed change (0 before any). Every paper or vector change
   * numbered at most this is visible to reads from now on: see the V7 migration.
   */
  public long sequence() {
    return db.transaction(tx -> tx.number("SELECT value FROM catalogue_sequence WHERE id = 1"));
  }

  /**
   * The paper as the catalogue has it now, deleted ones included (with the day the source deleted
   * it): what an index update applies.
   */
  public Optional<PaperState> findState(PaperId id) {
    return db.transaction(tx -> tx.first("SELECT " + PaperRows.COLUMNS + ", deleted_on, seq FROM papers WHERE id = ?",
        r -> new PaperState(PaperRows.read(r), PaperRows.date(r.getString("deleted_on")), r.getLong("seq")), id.value()));
  }

  /**
   * Live papers first listed between {@code after} (exclusive) and {@code upTo} (inclusive) or
   * changed in ({@code changedAfter}, {@code changedUpTo}] while first listed after {@code lateAfter}:
   * the candidates of a digest that must not go past what the index covers ({@code changedUpTo}).
   * Newest listing first.
   */
  public List<Paper> listedOrChanged(LocalDate after, LocalDate upTo, long changedAfter, long changedUpTo,
      LocalDate lateAfter) {
    return db.transaction(tx -> CatalogueListings.listedOrChanged(tx, after, upTo, changedAfter, changedUpTo, lateAfter));
  }

  /** The latest first-listing day among live papers whose change number is at most {@code upTo}. */
  public Optional<LocalDate> latestListing(long upTo) {
    return db.transaction(tx -> CatalogueListings.latest(tx, upTo));
  }

  public Optional<String> state(String name) {
    return db.transaction(tx -> CatalogueWriting.state(tx, name));
  }

  /** Papers changed in ({@code after}, {@code upTo}], in id order after {@code afterId} (null: from the start), at most {@code limit}. */
  public List<PaperId> changedPapers(long after, long upTo, PaperId afterId, int limit) {
    return db.transaction(tx -> CatalogueTx.changedPapers(tx, after, upTo, afterId, limit));
  }

  @Override
  public void close() {
    db.close();
  }

  /**
   * The operations allowed inside a catalogue transaction. Valid only during the {@link Work}
   * call. Its SQL lives in {@link CatalogueWriting}.
   */
  public static final class Writer {
    private final Tx tx;

    private Writer(Tx tx) {
      this.tx = tx;
    }

    /** This transaction's change number: see {@link CatalogueTx#changeNumber}. */
    public long changeSeq() {
      return CatalogueTx.changeNumber(tx);
    }

    public Optional<Paper> find(PaperId id) {
      return CatalogueStore.find(tx, id);
    }

    /** Inserts or replaces the paper's current row. */
    public void put(Paper paper) {
      tx.update(PaperRows.UPSERT, PaperRows.args(paper, changeSeq(), CodeLinks.hasCode(paper) ? 1 : 0));
    }

    /** Notes that {@code source} reported the paper; the paper's row must exist. */
    public void putSource(PaperId id, String source) {
      tx.update("INSERT INTO paper_sources (paper_id, source) VALUES (?, ?) ON CONFLICT (paper_id, source) DO NOTHING",
          id.value(), source);
    }

    /** Records what one version of a paper looked like; the paper's row must exist. */
    public void putVersion(PaperVersion version) {
      tx.update(PaperRows.UPSERT_VERSION, PaperRows.args(version));
    }

    /** Marks a paper deleted at the source. Returns false when the catalogue does not have it. */
    public boolean markDeleted(PaperId id, LocalDate on) {
      return tx.update("UPDATE papers SET deleted_on = ?, seq = ? WHERE id = ?", on.toString(), changeSeq(), id.value()) > 0;
    }

    public Optional<String> state(String name) {
      return CatalogueWriting.state(tx, name);
    }

    public void putState(String name, String value) {
      CatalogueWriting.putState(tx, name, value);
    }

    /**
     * Takes the lease {@code name} for {@code owner} until {@code until}, if nobody holds it at
     * {@code now}. Returns whether it was taken; see {@link CatalogueWriting#takeLease}.
     */
    public boolean takeLease(String name, String owner, Instant now, Instant until) {
      return CatalogueWriting.takeLease(tx, name, owner, now, until);
    }

    /**
     * Moves the expiry of {@code owner}'s lease to {@code until}. False when the lease is no longer
     * its own (it ran out and another process took it).
     */
    public boolean renewLease(String name, String owner, Instant until) {
      return CatalogueWriting.renewLease(tx, name, owner, until);
    }

    /** Gives up {@code owner}'s lease at once, so the next taker need not wait for it to run out. */
    public void releaseLease(String name, String owner) {
      renewLease(name, owner, Instant.EPOCH);
    }
  }
}
