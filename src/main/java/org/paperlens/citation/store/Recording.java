package org.paperlens.citation.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.paperlens.citation.CitationCount;
import org.paperlens.citation.Edges;
import org.paperlens.citation.LinkedWork;
import org.paperlens.citation.Tldr;
import org.paperlens.citation.Work;
import org.paperlens.citation.YearCount;
import org.paperlens.citation.store.WorkIndex.Ids;
import org.paperlens.citation.store.WorkIndex.WorkRow;
import org.paperlens.paper.CatalogueIds;
import org.paperlens.paper.PaperId;
import org.paperlens.store.Tx;

/**
 * The steps of {@link CitationStore#record}, inside its one transaction: the paper's work row, the
 * far ends of its edges (tied to catalogue papers through {@link CatalogueIds}), the edges, facts,
 * years, authorships and the queue entry. Every statement about many rows is batched.
 */
final class Recording {

  /** The far end of one edge as the source gave it, cleaned, with the catalogue paper it names (or null). */
  private record Far(Ids ids, String title, Integer year, PaperId paper) {}

  private record Edge(long citing, long cited) {}

  private Recording() {}

  static void record(Tx tx, PaperId paper, Work work, Instant at, Instant nextDue) {
    String when = Instants.text(at);
    String source = Codes.of(work.source());
    Ids own = ownIds(paper, work);
    List<LinkedWork> refsGiven = work.references().listed();
    List<LinkedWork> citesGiven = work.citations().listed();
    List<Far> refs = far(tx, refsGiven, paper);
    List<Far> cites = far(tx, citesGiven, paper);

    List<Ids> allIds = new ArrayList<>(List.of(own));
    Set<PaperId> papers = new HashSet<>(Set.of(paper));
    for (List<Far> list : List.of(refs, cites)) {
      for (Far f : list) {
        allIds.add(f.ids());
        if (f.paper() != null) {
          papers.add(f.paper());
        }
      }
    }
    WorkIndex index = WorkIndex.load(tx, allIds, papers);
    WorkRow self = index.resolve(own, Text.clean(work.title().orElse(null)), year(work.year()), paper, true);

    Set<Edge> edges = new LinkedHashSet<>();
    Map<String, WorkRow> idlessRefs = idless(tx, self.id, true);
    for (Far f : refs) {
      WorkRow far = end(index, idlessRefs, f);
      if (far != null && far.id != self.id) {
        edges.add(new Edge(self.id, far.id));
      }
    }
    Map<String, WorkRow> idlessCites = idless(tx, self.id, false);
    for (Far f : cites) {
      WorkRow far = end(index, idlessCites, f);
      if (far != null && far.id != self.id) {
        edges.add(new Edge(far.id, self.id));
      }
    }
    Set<Long> linked = new HashSet<>(index.flush());
    linked.add(self.id);
    List<Object[]> rows = new ArrayList<>(edges.size());
    for (Edge e : edges) {
      rows.add(new Object[] {e.citing(), e.cited(), source, when});
    }
    tx.batch("INSERT INTO citation_edges (citing_work, cited_work, source, first_seen) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", rows);
    markCatalogueEdges(tx, linked, when);

    facts(tx, paper, work);
    years(tx, paper, work.countsByYear());
    Authorships.replace(tx, paper, work.source(), work.authorships());
    tx.update("INSERT INTO enrichment (paper_id, source, outcome, attempts, last_attempt, references_read, next_due)"
        + " VALUES (?, ?, ?, 1, ?, ?, ?) ON CONFLICT (paper_id, source) DO UPDATE SET outcome = excluded.outcome,"
        + " attempts = enrichment.attempts + 1, last_attempt = excluded.last_attempt,"
        + " references_read = COALESCE(excluded.references_read, enrichment.references_read), next_due = excluded.next_due",
        paper.value(), source, Codes.of(Outcome.FOUND), when,
        work.references() instanceof Edges.Listed ? when : null, Instants.text(nextDue));
  }

  /** The paper's own ids: an arXiv paper is known by its catalogue id whatever the source said. */
  private static Ids ownIds(PaperId paper, Work work) {
    Ids given = Ids.of(work.ids());
    return paper.isArxiv() ? new Ids(paper.value(), given.doi(), given.openAlex(), given.s2()) : given;
  }

  /**
   * The far ends, cleaned, each with the catalogue paper its arXiv id or DOI names: two batched
   * questions to the catalogue. Self-citations and works with neither id nor title are left out.
   */
  private static List<Far> far(Tx tx, List<LinkedWork> works, PaperId paper) {
    List<Far> out = new ArrayList<>(works.size());
    Set<PaperId> arxivIds = new HashSet<>();
    Set<String> dois = new HashSet<>();
    for (LinkedWork w : works) {
      Ids ids = Ids.of(w.ids());
      String title = Text.clean(w.title().orElse(null));
      if (ids.isEmpty() && title == null) {
        continue;
      }
      out.add(new Far(ids, title, year(w.year()), null));
      if (ids.arxiv() != null) {
        arxivIds.add(new PaperId(ids.arxiv()));
      }
      if (ids.doi() != null) {
        dois.add(ids.doi());
      }
    }
    Set<PaperId> known = CatalogueIds.existing(tx, arxivIds);
    Map<String, PaperId> byDoi = CatalogueIds.byDoi(tx, dois);
    List<Far> tied = new ArrayList<>(out.size());
    for (Far f : out) {
      PaperId p = f.ids().arxiv() != null && known.contains(new PaperId(f.ids().arxiv())) ? new PaperId(f.ids().arxiv())
          : f.ids().doi() != null ? byDoi.get(f.ids().doi()) : null;
      if (!paper.equals(p)) {
        tied.add(new Far(f.ids(), f.title(), f.year(), p));
      }
    }
    return tied;
  }

  /** The far end's row; a work known only by its title is the one already at that end of this paper's edges, if any. */
  private static WorkRow end(WorkIndex index, Map<String, WorkRow> idless, Far f) {
    if (!f.ids().isEmpty()) {
      return index.resolve(f.ids(), f.title(), f.year(), f.paper(), true);
    }
    return idless.computeIfAbsent(titleKey(f.title(), f.year()), k -> index.insert(null, f.ids(), f.title(), f.year()));
  }

  /** This paper's neighbours without any id (on its references' side, or its citers'), by title and year. */
  private static Map<String, WorkRow> idless(Tx tx, long self, boolean references) {
    String near = references ? "cited_work" : "citing_work";
    String from = references ? "citing_work" : "cited_work";
    Map<String, WorkRow> out = new HashMap<>();
    tx.list("SELECT " + WorkIndex.COLUMNS.replaceAll("(\\w+)", "w.$1") + " FROM citation_edges e JOIN citation_works w ON w.id = e." + near
        + " WHERE e." + from + " = ? AND w.arxiv_id IS NULL AND w.doi IS NULL AND w.openalex_id IS NULL AND w.s2_id IS NULL"
        + " AND w.paper_id IS NULL", WorkIndex::row, self)
        .forEach(w -> out.putIfAbsent(titleKey(w.title, w.year), w));
    return out;
  }

  private static String titleKey(String title, Integer year) {
    return String.valueOf(title).toLowerCase(Locale.ROOT) + "\u0001" + year;
  }

  /** Edges at these rows whose ends are now both catalogue papers become alerts as of {@code when}. */
  private static void markCatalogueEdges(Tx tx, Set<Long> rows, String when) {
    String both = " AND EXISTS (SELECT 1 FROM citation_works a WHERE a.id = citation_edges.citing_work AND a.paper_id IS NOT NULL)"
        + " AND EXISTS (SELECT 1 FROM citation_works b WHERE b.id = citation_edges.cited_work AND b.paper_id IS NOT NULL)";
    List<Object[]> args = rows.stream().sorted().map(r -> new Object[] {when, r}).toList();
    tx.batch("UPDATE citation_edges SET catalogue_seen = ? WHERE catalogue_seen IS NULL AND citing_work = ?" + both, args);
    tx.batch("UPDATE citation_edges SET catalogue_seen = ? WHERE catalogue_seen IS NULL AND cited_work = ?" + both, args);
  }

  static void linkEdges(Tx tx, Set<Long> rows, Instant at) {
    markCatalogueEdges(tx, rows, Instants.text(at));
  }

  /** Count, venue and TLDR, each kept as stored when this answer lacks it; an older count never replaces a newer one. */
  private static void facts(Tx tx, PaperId paper, Work work) {
    Optional<CitationCount> count = work.citationCount();
    String venue = Text.clean(work.venue().orElse(null));
    Optional<Tldr> tldr = work.tldr().filter(t -> Text.clean(t.text()) != null);
    if (count.isEmpty() && venue == null && tldr.isEmpty()) {
      return;
    }
    String keepCount = "(excluded.citation_count IS NULL OR excluded.counted_on < citation_facts.counted_on)";
    tx.update("INSERT INTO citation_facts (paper_id, citation_count, influential_count, counted_on, count_source,"
        + " venue, venue_source, tldr, tldr_source, tldr_model) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (paper_id) DO UPDATE SET"
        + " citation_count = CASE WHEN " + keepCount + " THEN citation_facts.citation_count ELSE excluded.citation_count END,"
        + " influential_count = CASE WHEN " + keepCount + " THEN citation_facts.influential_count ELSE excluded.influential_count END,"
        + " count_source = CASE WHEN " + keepCount + " THEN citation_facts.count_source ELSE excluded.count_source END,"
        + " counted_on = CASE WHEN " + keepCount + " THEN citation_facts.counted_on ELSE excluded.counted_on END,"
        + " venue_source = CASE WHEN excluded.venue IS NULL THEN citation_facts.venue_source ELSE excluded.venue_source END,"
        + " venue = COALESCE(excluded.venue, citation_facts.venue),"
        + " tldr_source = CASE WHEN excluded.tldr IS NULL THEN citation_facts.tldr_source ELSE excluded.tldr_source END,"
        + " tldr_model = CASE WHEN excluded.tldr IS NULL THEN citation_facts.tldr_model ELSE excluded.tldr_model END,"
        + " tldr = COALESCE(excluded.tldr, citation_facts.tldr)",
        paper.value(),
        count.map(CitationCount::total).orElse(null),
        count.flatMap(CitationCount::influential).orElse(null),
        count.map(c -> c.asOf().toString()).orElse(null),
        count.isPresent() ? Codes.of(work.source()) : null,
        venue,
        venue == null ? null : Codes.of(work.source()),
        tldr.map(t -> Text.clean(t.text())).orElse(null),
        tldr.map(t -> Codes.of(t.source())).orElse(null),
        tldr.map(t -> Text.id(t.model())).orElse(null));
  }

  /** Counts by year replace the stored ones when given (a year once listed with 0 may drop out of the source's window). */
  private static void years(Tx tx, PaperId paper, List<YearCount> given) {
    if (given.isEmpty()) {
      return;
    }
    Map<Integer, Integer> byYear = new TreeMap<>();
    for (YearCount y : given) {
      if (year(Optional.of(y.year())) != null && y.citations() >= 0) {
        byYear.putIfAbsent(y.year(), y.citations());
      }
    }
    tx.update("DELETE FROM citation_years WHERE paper_id = ?", paper.value());
    List<Object[]> rows = new ArrayList<>();
    byYear.forEach((y, c) -> rows.add(new Object[] {paper.value(), y, c}));
    tx.batch("INSERT INTO citation_years (paper_id, year, citations) VALUES (?, ?, ?)", rows);
  }

  /** A plausible publication year, or null. */
  static Integer year(Optional<Integer> year) {
    return year.filter(y -> y >= 1000 && y <= 3000).orElse(null);
  }
}
