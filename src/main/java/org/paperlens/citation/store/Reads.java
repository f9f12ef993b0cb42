package org.paperlens.citation.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.paperlens.citation.CitationCount;
import org.paperlens.citation.Doi;
import org.paperlens.citation.ExternalIds;
import org.paperlens.citation.LinkedWork;
import org.paperlens.citation.Tldr;
import org.paperlens.citation.YearCount;
import org.paperlens.citation.graph.CitationEdge;
import org.paperlens.paper.PaperId;
import org.paperlens.store.Row;
import org.paperlens.store.Tx;

/** The reading queries of {@link CitationStore} that take more than a line. */
final class Reads {

  private static final String WORK = "w.paper_id, w.arxiv_id, w.doi, w.openalex_id, w.s2_id, w.title, w.year";

  private Reads() {}

  static CitationFacts facts(Tx tx, PaperId paper) {
    record Stored(Optional<CitationCount> count, Optional<String> countSource, Optional<String> venue, Optional<Tldr> tldr) {}
    Optional<Stored> stored = tx.first("SELECT citation_count, influential_count, counted_on, count_source, venue, tldr,"
        + " tldr_source, tldr_model FROM citation_facts WHERE paper_id = ?", r -> {
          Long count = r.getLongOrNull(1);
          Long influential = r.getLongOrNull(2);
          Optional<CitationCount> c = count == null ? Optional.empty() : Optional.of(new CitationCount(count.intValue(),
              Optional.ofNullable(influential).map(Long::intValue), LocalDate.parse(r.getString(3))));
          String tldr = r.getString(6);
          return new Stored(c, c.map(x -> r.getString(4)), Optional.ofNullable(r.getString(5)),
              tldr == null ? Optional.empty()
                  : Optional.of(new Tldr(tldr, Codes.source(r.getString(7)), Optional.ofNullable(r.getString(8)).orElse(""))));
        }, paper.value());
    List<YearCount> years = tx.list("SELECT year, citations FROM citation_years WHERE paper_id = ? ORDER BY year",
        r -> new YearCount(r.getInt(1), r.getInt(2)), paper.value());
    int references = (int) tx.number("SELECT COUNT(*) FROM citation_edges e JOIN citation_works w ON w.id = e.citing_work"
        + " WHERE w.paper_id = ?", paper.value());
    int citedBy = (int) tx.number("SELECT COUNT(*) FROM citation_edges e JOIN citation_works w ON w.id = e.cited_work"
        + " WHERE w.paper_id = ?", paper.value());
    return new CitationFacts(stored.flatMap(Stored::count), stored.flatMap(Stored::countSource).map(Codes::source), years,
        stored.flatMap(Stored::venue), stored.flatMap(Stored::tldr), references, citedBy);
  }

  /** The far ends of this paper's edges: its references ({@code references}) or its citers. */
  static List<LinkedPaper> neighbours(Tx tx, PaperId paper, boolean references, int limit) {
    String self = references ? "citing_work" : "cited_work";
    String far = references ? "cited_work" : "citing_work";
    // References: catalogue papers first, then newest; citers: newest first. A missing year sorts last.
    String order = (references ? "CASE WHEN w.paper_id IS NULL THEN 1 ELSE 0 END, " : "")
        + "CASE WHEN w.year IS NULL THEN 1 ELSE 0 END, w.year DESC, e.first_seen DESC, w.id";
    return tx.list("SELECT " + WORK + " FROM citation_works o JOIN citation_edges e ON e." + self + " = o.id"
        + " JOIN citation_works w ON w.id = e." + far + " WHERE o.paper_id = ? ORDER BY " + order + " LIMIT ?",
        Reads::linked, paper.value(), limit);
  }

  private static LinkedPaper linked(Row r) {
    String paper = r.getString(1);
    Long year = r.getLongOrNull(7);
    ExternalIds ids = new ExternalIds(Optional.ofNullable(r.getString(3)).flatMap(Doi::parse),
        Optional.ofNullable(r.getString(2)).map(PaperId::new), Optional.ofNullable(r.getString(4)),
        Optional.ofNullable(r.getString(5)));
    return new LinkedPaper(Optional.ofNullable(paper).map(PaperId::new),
        new LinkedWork(ids, Optional.ofNullable(r.getString(6)), Optional.ofNullable(year).map(Long::intValue)));
  }

  /** The works of these row ids, by row id. */
  static Map<Long, LinkedWork> works(Tx tx, List<Long> rows) {
    Map<Long, LinkedWork> out = new HashMap<>();
    tx.listIn("SELECT " + WORK + ", w.id FROM citation_works w WHERE w.id IN " + Tx.KEYS, rows, r -> {
      out.put(r.getLong(8), linked(r).work());
      return null;
    });
    return out;
  }

  /**
   * Streams every edge: the works' catalogue ids are read first (one row per linked work) into an
   * array by row number, then the edges as pairs of numbers, so the scan joins nothing and looks
   * nothing up in a hash table; one {@link PaperId} per work is shared by all its edges, an
   * external one made when its first edge is read.
   */
  static void edges(Tx tx, Consumer<CitationEdge> action) {
    long max = tx.number("SELECT MAX(id) FROM citation_works");
    if (max >= Integer.MAX_VALUE) {
      throw new IllegalStateException("citation_works ids beyond an array's reach: " + max);
    }
    PaperId[] ids = new PaperId[(int) max + 1];
    tx.forEach("SELECT id, paper_id FROM citation_works WHERE paper_id IS NOT NULL",
        r -> ids[(int) r.getLong(1)] = new PaperId(r.getString(2)));
    tx.forEach("SELECT citing_work, cited_work FROM citation_edges",
        r -> action.accept(new CitationEdge(id(ids, r.getLong(1)), id(ids, r.getLong(2)))));
  }

  private static PaperId id(PaperId[] ids, long row) {
    PaperId p = ids[(int) row];
    if (p == null) {
      p = new PaperId("work:" + row); // PaperId.of("work", row) without its checks of a constant scheme
      ids[(int) row] = p;
    }
    return p;
  }

  static List<NewCitation> newCitations(Tx tx, String after, String until) {
    return tx.list("SELECT a.paper_id, b.paper_id, e.catalogue_seen FROM citation_edges e"
        + " JOIN citation_works a ON a.id = e.citing_work JOIN citation_works b ON b.id = e.cited_work"
        + " WHERE e.catalogue_seen > ? AND e.catalogue_seen <= ? AND a.paper_id IS NOT NULL AND b.paper_id IS NOT NULL"
        + " ORDER BY e.catalogue_seen, a.paper_id, b.paper_id",
        r -> new NewCitation(new PaperId(r.getString(1)), new PaperId(r.getString(2)), Instants.parse(r.getString(3))),
        after, until);
  }

  static List<AuthorIdentity> identitiesNamed(Tx tx, String name) {
    return tx.list("SELECT " + Authorships.IDENTITY + " FROM author_identities i WHERE i.name = ?"
        + " OR i.id IN (SELECT identity_id FROM paper_authorships WHERE name = ? AND identity_id IS NOT NULL) ORDER BY i.id",
        r -> Authorships.identity(r, 1), name, name);
  }

  static List<PaperId> papersOf(Tx tx, long identity) {
    List<PaperId> out = new ArrayList<>();
    tx.list("SELECT DISTINCT pa.paper_id FROM paper_authorships pa WHERE pa.identity_id IN"
        + " (SELECT i.id FROM author_identities i WHERE i.id = ?"
        + " OR i.orcid = (SELECT o.orcid FROM author_identities o WHERE o.id = ?)) ORDER BY pa.paper_id DESC",
        r -> new PaperId(r.getString(1)), identity, identity).forEach(out::add);
    return out;
  }
}
