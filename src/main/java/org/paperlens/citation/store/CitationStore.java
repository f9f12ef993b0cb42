package org.paperlens.citation.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.paperlens.citation.Doi;
import org.paperlens.citation.LinkedWork;
import org.paperlens.citation.SourceName;
import org.paperlens.citation.Work;
import org.paperlens.citation.graph.CitationEdge;
import org.paperlens.paper.PaperId;
import org.paperlens.citation.store.WorkIndex.Ids;
import org.paperlens.store.Database;
import org.paperlens.store.Generation;
import org.paperlens.store.Tx;

/**
 * The only SQL about citations (tables of migration V13). Writes come from the enrichment stage
 * and the OpenAlex snapshot importer; reads serve pages, the API, the citation graph and alerts.
 * Thread-safe (the {@link Database} serialises transactions).
 *
 * <p>A work at the far end of an edge is tied to a catalogue paper by asking the catalogue
 * ({@link org.paperlens.paper.CatalogueIds}) inside the same transaction: this class names no
 * table of another feature. Instants are stored as fixed-width text ({@link Instants}).
 */
public final class CitationStore {

  private final Database db;
  /** Moved by every write, here and in other processes on the database (table citation_sequence). */
  private final Generation generation;

  public CitationStore(Database db) {
    this.db = db;
    this.generation = new Generation(db, "citation_sequence");
  }

  // ---- writing -------------------------------------------------------------------------------

  /**
   * Stores what {@code work.source()} said of catalogue paper {@code paper}, in one transaction:
   * the paper's own work row (found by any of its ids, or created) linked to the paper; its
   * references and citations as edges (added, never removed; the far end found by any id or
   * created, and linked to a catalogue paper with that arXiv id or DOI when there is one); the
   * facts field by field (a missing field keeps what was stored; a count dated before the stored
   * one is not taken); counts by year replaced when given; authorships of this source replaced,
   * with identities upserted. Marks the paper {@link Outcome#FOUND} with that source, due again at
   * {@code nextDue}, its references read when the source listed them. Self-citations are left
   * out. Idempotent: storing the same answer twice changes nothing but the dates.
   */
  public void record(PaperId paper, Work work, Instant at, Instant nextDue) {
    change(tx -> {
      Recording.record(tx, paper, work, at, nextDue);
      return null;
    });
  }

  /** Marks an attempt that stored nothing (unknown id, bad answer), due again at {@code nextDue}. */
  public void attempted(PaperId paper, SourceName source, Outcome outcome, Instant at, Instant nextDue) {
    change(tx -> tx.update("INSERT INTO enrichment (paper_id, source, outcome, attempts, last_attempt, next_due)"
        + " VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT (paper_id, source) DO UPDATE SET outcome = excluded.outcome,"
        + " attempts = enrichment.attempts + 1, last_attempt = excluded.last_attempt, next_due = excluded.next_due",
        paper.value(), Codes.of(source), Codes.of(outcome), Instants.text(at), Instants.text(nextDue)));
  }

  /**
   * Ties works already stored under this arXiv id or DOI (external ends of earlier edges) to the
   * catalogue paper that has now arrived; returns how many were tied. Their edges with catalogue
   * papers at both ends become {@link #newCitations} as of {@code at}. Safe to repeat.
   */
  public int linkCatalogue(PaperId paper, Optional<Doi> doi, Instant at) {
    Ids ids = new Ids(paper.isArxiv() ? paper.value() : null, doi.map(Doi::value).orElse(null), null, null);
    if (ids.isEmpty()) {
      return 0;
    }
    return change(tx -> {
      WorkIndex index = WorkIndex.load(tx, List.of(ids), List.of(paper));
      index.resolve(ids, null, null, paper, false);
      Set<Long> linked = index.flush();
      Recording.linkEdges(tx, linked, at);
      return linked.size();
    });
  }

  /** Queues papers for a source, due at {@code now}, as {@link Outcome#PENDING}; papers already queued keep their place. */
  public void enqueue(Collection<PaperId> papers, SourceName source, Instant now) {
    if (papers.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>(papers.size());
    for (PaperId p : papers) {
      rows.add(new Object[] {p.value(), Codes.of(source), Codes.of(Outcome.PENDING), Instants.text(now)});
    }
    change(tx -> {
      tx.batch("INSERT INTO enrichment (paper_id, source, outcome, attempts, next_due) VALUES (?, ?, ?, 0, ?)"
          + " ON CONFLICT (paper_id, source) DO NOTHING", rows);
      return null;
    });
  }

  /** Up to {@code limit} papers due for this source at {@code now}: pending ones first, then by due time. */
  public List<PaperId> due(SourceName source, Instant now, int limit) {
    return db.transaction(tx -> tx.list("SELECT paper_id FROM enrichment WHERE source = ? AND next_due <= ?"
        + " ORDER BY CASE WHEN outcome = ? THEN 0 ELSE 1 END, next_due, paper_id LIMIT ?",
        r -> new PaperId(r.getString(1)), Codes.of(source), Instants.text(now), Codes.of(Outcome.PENDING), limit));
  }

  /** Whether this paper's references have been stored from this source (they are read once). */
  public boolean referencesRead(PaperId paper, SourceName source) {
    return db.transaction(tx -> tx.text("SELECT references_read FROM enrichment WHERE paper_id = ? AND source = ?",
        paper.value(), Codes.of(source)).isPresent());
  }

  public Optional<String> checkpoint(String name) {
    return db.transaction(tx -> tx.text("SELECT value FROM citation_state WHERE name = ?", name));
  }

  public void checkpoint(String name, String value) {
    db.transaction(tx -> tx.update("INSERT INTO citation_state (name, value) VALUES (?, ?)"
        + " ON CONFLICT (name) DO UPDATE SET value = excluded.value", name, value));
  }

  // ---- reading -------------------------------------------------------------------------------

  /** What is stored about this paper; {@link CitationFacts#NONE} when nothing is. */
  public CitationFacts facts(PaperId paper) {
    return db.transaction(tx -> Reads.facts(tx, paper));
  }

  /** Citation counts of those papers that have one (for lists and sorting); absent means unknown. */
  public Map<PaperId, Integer> counts(Collection<PaperId> papers) {
    List<String> keys = papers.stream().map(PaperId::value).distinct().toList();
    if (keys.isEmpty()) {
      return Map.of();
    }
    Map<PaperId, Integer> out = new HashMap<>();
    db.transaction(tx -> tx.listIn("SELECT paper_id, citation_count FROM citation_facts WHERE citation_count IS NOT NULL"
        + " AND paper_id IN " + Tx.KEYS, keys, r -> Map.entry(new PaperId(r.getString(1)), r.getInt(2))))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** The papers this paper cites: catalogue ones first, then by year, newest first; at most {@code limit}. */
  public List<LinkedPaper> references(PaperId paper, int limit) {
    return db.transaction(tx -> Reads.neighbours(tx, paper, true, limit));
  }

  /** The papers citing this paper, newest first; at most {@code limit}. */
  public List<LinkedPaper> citations(PaperId paper, int limit) {
    return db.transaction(tx -> Reads.neighbours(tx, paper, false, limit));
  }

  /**
   * Every stored edge, for {@link org.paperlens.citation.graph.CitationGraph}: a catalogue end as
   * its paper id, an external end as {@code PaperId.of("work", rowId)} (co-citation counts citers
   * outside the catalogue too; callers keep only catalogue ids in what they show).
   */
  public List<CitationEdge> edges() {
    List<CitationEdge> out = new ArrayList<>();
    forEachEdge(out::add);
    return out;
  }

  /**
   * The works behind graph ids of external ends ({@code work:ROWID}, as {@link #edges} names them),
   * for labelling them on a citation map; ids of any other form are left out, as are unknown rows.
   */
  public Map<PaperId, LinkedWork> works(Collection<PaperId> graphIds) {
    List<Long> rows = new ArrayList<>();
    for (PaperId id : graphIds) {
      if (id.value().startsWith(WORK_PREFIX)) {
        try {
          rows.add(Long.parseLong(id.value().substring(WORK_PREFIX.length())));
        } catch (NumberFormatException e) {
          // not a graph id of ours: left out, as documented
        }
      }
    }
    if (rows.isEmpty()) {
      return Map.of();
    }
    Map<PaperId, LinkedWork> out = new java.util.LinkedHashMap<>();
    db.transaction(tx -> Reads.works(tx, rows)).forEach((row, work) -> out.put(PaperId.of("work", Long.toString(row)), work));
    return out;
  }

  /** How {@link #edges} and {@link #works} name a work outside the catalogue: this, then its row id. */
  private static final String WORK_PREFIX = "work:";

  /** {@link #edges} streamed, one at a time, in one read transaction: for graphs built without the list. */
  public void forEachEdge(Consumer<CitationEdge> action) {
    db.transaction(tx -> {
      Reads.edges(tx, action);
      return null;
    });
  }

  /** Edges between two catalogue papers that became so in {@code (after, until]} (learnt, or tied when a paper arrived), oldest first. */
  public List<NewCitation> newCitations(Instant after, Instant until) {
    return db.transaction(tx -> Reads.newCitations(tx, Instants.text(after), Instants.text(until)));
  }

  /**
   * Edges between catalogue papers whose cited end is one of {@code cited}, those that became so
   * most recently first (then by citing paper), at most {@code limit}, each dated as in
   * {@link #newCitations}: the citation alert feeds of a paper, a library, a tag or an author.
   * Written by the alerts helper (one query per 512 cited papers).
   */
  public List<NewCitation> citing(Collection<PaperId> cited, int limit) {
    if (cited.isEmpty() || limit <= 0) {
      return List.of();
    }
    List<String> keys = cited.stream().map(PaperId::value).distinct().toList();
    List<NewCitation> all = db.transaction(tx -> tx.listIn("SELECT a.paper_id, b.paper_id, e.catalogue_seen"
        + " FROM citation_edges e JOIN citation_works b ON b.id = e.cited_work JOIN citation_works a ON a.id = e.citing_work"
        + " WHERE b.paper_id IN " + org.paperlens.store.Tx.KEYS + " AND a.paper_id IS NOT NULL AND e.catalogue_seen IS NOT NULL", keys,
        r -> new NewCitation(new PaperId(r.getString(1)), new PaperId(r.getString(2)), Instants.parse(r.getString(3)))));
    return all.stream()
        .sorted(java.util.Comparator.comparing(NewCitation::firstSeen).reversed()
            .thenComparing(NewCitation::citing).thenComparing(NewCitation::cited))
        .limit(limit).toList();
  }

  /** The paper's authorships as the sources gave them (OpenAlex's first where both did), in order from 0; empty when none. */
  public List<PaperAuthor> authors(PaperId paper) {
    return db.transaction(tx -> Authorships.of(tx, paper));
  }

  public Optional<AuthorIdentity> identity(long id) {
    return db.transaction(tx -> tx.first("SELECT " + Authorships.IDENTITY + " FROM author_identities i WHERE i.id = ?",
        r -> Authorships.identity(r, 1), id));
  }

  /** The identities whose name (as a source gave it, or on one of their authorships) is {@code name}. */
  public List<AuthorIdentity> identitiesNamed(String name) {
    return db.transaction(tx -> Reads.identitiesNamed(tx, name));
  }

  /**
   * The catalogue papers of one person: of this identity, and of every identity with the same
   * ORCID (the same person in another source, or under another spelling of the name); highest id
   * (for arXiv, newest) first.
   */
  public List<PaperId> papersOf(AuthorIdentity identity) {
    return db.transaction(tx -> Reads.papersOf(tx, identity.id()));
  }

  /**
   * A number that grows whenever stored citation data changes, here or in another process on the
   * same database (then within about a second): caches of the graph key on it. Both parts only
   * grow, so their sum never repeats.
   */
  public long generation() {
    return generation.get();
  }

  private <T> T change(Database.Work<T> work) {
    return generation.change(work);
  }

  // ---- the queue's figures (added by the enrichment stage's author) --------------------------

  /** How many papers stand where in this source's queue at {@code now}, for the status page. */
  public EnrichmentQueue queue(SourceName source, Instant now) {
    return db.transaction(tx -> {
      long[] byOutcome = new long[Outcome.values().length];
      tx.forEach("SELECT outcome, count(*) FROM enrichment WHERE source = ? GROUP BY outcome",
          r -> byOutcome[Outcome.valueOf(r.getString(1).toUpperCase(java.util.Locale.ROOT)).ordinal()] = r.getLong(2),
          Codes.of(source));
      long due = tx.number("SELECT count(*) FROM enrichment WHERE source = ? AND next_due <= ?", Codes.of(source), Instants.text(now));
      return new EnrichmentQueue(due, byOutcome[Outcome.PENDING.ordinal()], byOutcome[Outcome.FOUND.ordinal()],
          byOutcome[Outcome.UNKNOWN.ordinal()], byOutcome[Outcome.BAD.ordinal()]);
    });
  }
}
