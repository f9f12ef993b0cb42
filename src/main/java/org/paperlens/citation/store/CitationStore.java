package org.paperlens.citation.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paperlens.citation.Doi;
import org.paperlens.citation.SourceName;
import org.paperlens.citation.Work;
import org.paperlens.citation.graph.CitationEdge;
import org.paperlens.paper.PaperId;
import org.paperlens.store.Database;

/**
 * The only SQL about citations (tables of migration V13). Writes come from the enrichment stage
 * and the OpenAlex snapshot importer; reads serve pages, the API, the citation graph and alerts.
 * Thread-safe (the {@link Database} serialises transactions).
 *
 * <p>CONTRACT SKETCH: the lead wrote these signatures so that every helper builds against the
 * same API; the implementation replaces each body.
 */
public final class CitationStore {

  private final Database db;

  public CitationStore(Database db) {
    this.db = db;
  }

  // ---- writing -------------------------------------------------------------------------------

  /**
   * Stores what {@code work.source()} said of catalogue paper {@code paper}, in one transaction:
   * the paper's own work row (found by any of its ids, or created) linked to the paper; its
   * references and citations as edges (added, never removed; the far end found by any id or
   * created, and linked to a catalogue paper with that arXiv id or DOI when there is one); the
   * facts field by field (a missing field keeps what was stored); counts by year replaced when
   * given; authorships of this source replaced, with identities upserted. Marks the paper
   * {@link Outcome#FOUND} with that source, due again at {@code nextDue}. Idempotent: storing the
   * same answer twice changes nothing but the dates.
   */
  public void record(PaperId paper, Work work, Instant at, Instant nextDue) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Marks an attempt that stored nothing (unknown id, bad answer), due again at {@code nextDue}. */
  public void attempted(PaperId paper, SourceName source, Outcome outcome, Instant at, Instant nextDue) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Ties works already stored under this arXiv id or DOI (external ends of earlier edges) to the
   * catalogue paper that has now arrived; returns how many were tied. Safe to repeat.
   */
  public int linkCatalogue(PaperId paper, Optional<Doi> doi) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Queues papers for a source, due at {@code now}, as {@link Outcome#PENDING}; papers already queued keep their place. */
  public void enqueue(Collection<PaperId> papers, SourceName source, Instant now) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Up to {@code limit} papers due for this source at {@code now}: pending ones first, then by due time. */
  public List<PaperId> due(SourceName source, Instant now, int limit) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Whether this paper's references have been stored from this source (they are read once). */
  public boolean referencesRead(PaperId paper, SourceName source) {
    throw new UnsupportedOperationException("not yet");
  }

  public Optional<String> checkpoint(String name) {
    throw new UnsupportedOperationException("not yet");
  }

  public void checkpoint(String name, String value) {
    throw new UnsupportedOperationException("not yet");
  }

  // ---- reading -------------------------------------------------------------------------------

  /** What is stored about this paper; {@link CitationFacts#NONE} when nothing is. */
  public CitationFacts facts(PaperId paper) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Citation counts of those papers that have one (for lists and sorting); absent means unknown. */
  public Map<PaperId, Integer> counts(Collection<PaperId> papers) {
    throw new UnsupportedOperationException("not yet");
  }

  /** The papers this paper cites: catalogue ones first, then by year, newest first; at most {@code limit}. */
  public List<LinkedPaper> references(PaperId paper, int limit) {
    throw new UnsupportedOperationException("not yet");
  }

  /** The papers citing this paper, newest first; at most {@code limit}. */
  public List<LinkedPaper> citations(PaperId paper, int limit) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Every stored edge, for {@link org.paperlens.citation.graph.CitationGraph}: a catalogue end as
   * its paper id, an external end as {@code PaperId.of("work", rowId)} (co-citation counts citers
   * outside the catalogue too; callers keep only catalogue ids in what they show).
   */
  public List<CitationEdge> edges() {
    throw new UnsupportedOperationException("not yet");
  }

  /** Edges between two catalogue papers first seen in {@code (after, until]}, oldest first. */
  public List<NewCitation> newCitations(Instant after, Instant until) {
    throw new UnsupportedOperationException("not yet");
  }

  /** The paper's authorships as the sources gave them (OpenAlex's first where both did), in order; empty when none. */
  public List<PaperAuthor> authors(PaperId paper) {
    throw new UnsupportedOperationException("not yet");
  }

  public Optional<AuthorIdentity> identity(long id) {
    throw new UnsupportedOperationException("not yet");
  }

  /** The identities whose name (as a source gave it, or on one of their authorships) is {@code name}. */
  public List<AuthorIdentity> identitiesNamed(String name) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * The catalogue papers of one person: of this identity, and of every identity with the same
   * ORCID (the same person in another source, or under another spelling of the name).
   */
  public List<PaperId> papersOf(AuthorIdentity identity) {
    throw new UnsupportedOperationException("not yet");
  }

  /** A number that grows whenever stored citation data changes (caches of the graph key on it). */
  public long generation() {
    throw new UnsupportedOperationException("not yet");
  }

  // ---- the queue's figures (added by the enrichment stage's author) --------------------------

  /** How many papers stand where in this source's queue at {@code now}, for the status page. */
  public EnrichmentQueue queue(SourceName source, Instant now) {
    return db.transaction(tx -> {
      long[] byOutcome = new long[Outcome.values().length];
      tx.forEach("SELECT outcome, count(*) FROM enrichment WHERE source = ? GROUP BY outcome",
          r -> byOutcome[Outcome.valueOf(r.getString(1).toUpperCase(java.util.Locale.ROOT)).ordinal()] = r.getLong(2),
          source.name());
      long due = tx.number("SELECT count(*) FROM enrichment WHERE source = ? AND next_due <= ?", source.name(), now.toString());
      return new EnrichmentQueue(due, byOutcome[Outcome.PENDING.ordinal()], byOutcome[Outcome.FOUND.ordinal()],
          byOutcome[Outcome.UNKNOWN.ordinal()], byOutcome[Outcome.BAD.ordinal()]);
    });
  }
}
