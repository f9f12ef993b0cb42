package org.paperlens.citation.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.paperlens.citation.Doi;
import org.paperlens.citation.ExternalIds;
import org.paperlens.paper.PaperId;
import org.paperlens.store.Row;
import org.paperlens.store.Tx;

/**
 * The rows of {@code citation_works} that one write touches, read in a few batched queries and then
 * found in memory by any of their ids: the arXiv id first, then the DOI, the OpenAlex id and the
 * Semantic Scholar id. Rows that turn out to be one work (an OpenAlex reference known by DOI, a
 * Semantic Scholar one by arXiv id) are merged, their edges moved to the row kept; a row is never
 * merged into one of a different catalogue paper. Changes to rows are written by {@link #flush}.
 */
final class WorkIndex {

  /** One row as this write last left it. */
  static final class WorkRow {
    final long id;
    PaperId paper;
    String arxiv;
    String doi;
    String openAlex;
    String s2;
    String title;
    Integer year;

    WorkRow(long id) {
      this.id = id;
    }
  }

  /** A work's ids in their stored spellings, each possibly null; an arXiv DOI also gives the arXiv id. */
  record Ids(String arxiv, String doi, String openAlex, String s2) {
    static Ids of(ExternalIds ids) {
      String arxiv = ids.arxiv().or(() -> ids.doi().flatMap(Doi::arxivId)).map(PaperId::value).orElse(null);
      return new Ids(Text.id(arxiv), Text.id(ids.doi().map(Doi::value).orElse(null)),
          Text.id(ids.openAlex().orElse(null)), Text.id(ids.semanticScholar().orElse(null)));
    }

    boolean isEmpty() {
      return arxiv == null && doi == null && openAlex == null && s2 == null;
    }
  }

  static final String COLUMNS = "id, paper_id, arxiv_id, doi, openalex_id, s2_id, title, year";

  private final Tx tx;
  private final Map<String, WorkRow> byArxiv = new HashMap<>();
  private final Map<String, WorkRow> byDoi = new HashMap<>();
  private final Map<String, WorkRow> byOpenAlex = new HashMap<>();
  private final Map<String, WorkRow> byS2 = new HashMap<>();
  private final Map<PaperId, WorkRow> byPaper = new HashMap<>();
  private final Set<WorkRow> dirty = new LinkedHashSet<>();
  private final Set<Long> linked = new LinkedHashSet<>();

  private WorkIndex(Tx tx) {
    this.tx = tx;
  }

  /** The rows holding any of {@code ids} or linked to any of {@code papers}. */
  static WorkIndex load(Tx tx, Collection<Ids> ids, Collection<PaperId> papers) {
    WorkIndex index = new WorkIndex(tx);
    Map<Long, WorkRow> rows = new LinkedHashMap<>();
    index.read(rows, "arxiv_id", ids, Ids::arxiv);
    index.read(rows, "doi", ids, Ids::doi);
    index.read(rows, "openalex_id", ids, Ids::openAlex);
    index.read(rows, "s2_id", ids, Ids::s2);
    List<String> paperKeys = papers.stream().map(PaperId::value).distinct().toList();
    if (!paperKeys.isEmpty()) {
      tx.listIn("SELECT " + COLUMNS + " FROM citation_works WHERE paper_id IN " + Tx.KEYS, paperKeys, WorkIndex::row)
          .forEach(r -> rows.putIfAbsent(r.id, r));
    }
    // A row linked to a catalogue paper wins its ids over unlinked duplicates; then the older row.
    rows.values().stream()
        .sorted((a, b) -> a.paper != null && b.paper == null ? -1 : a.paper == null && b.paper != null ? 1 : Long.compare(a.id, b.id))
        .forEach(index::put);
    return index;
  }

  private void read(Map<Long, WorkRow> rows, String column, Collection<Ids> ids, Function<Ids, String> key) {
    List<String> keys = ids.stream().map(key).filter(Objects::nonNull).distinct().toList();
    if (!keys.isEmpty()) {
      tx.listIn("SELECT " + COLUMNS + " FROM citation_works WHERE " + column + " IN " + Tx.KEYS, keys, WorkIndex::row)
          .forEach(r -> rows.putIfAbsent(r.id, r));
    }
  }

  static WorkRow row(Row r) {
    WorkRow w = new WorkRow(r.getLong(1));
    String paper = r.getString(2);
    w.paper = paper == null ? null : new PaperId(paper);
    w.arxiv = r.getString(3);
    w.doi = r.getString(4);
    w.openAlex = r.getString(5);
    w.s2 = r.getString(6);
    w.title = r.getString(7);
    Long year = r.getLongOrNull(8);
    w.year = year == null ? null : year.intValue();
    return w;
  }

  private void put(WorkRow w) {
    if (w.paper != null) {
      byPaper.putIfAbsent(w.paper, w);
    }
    if (w.arxiv != null) {
      byArxiv.putIfAbsent(w.arxiv, w);
    }
    if (w.doi != null) {
      byDoi.putIfAbsent(w.doi, w);
    }
    if (w.openAlex != null) {
      byOpenAlex.putIfAbsent(w.openAlex, w);
    }
    if (w.s2 != null) {
      byS2.putIfAbsent(w.s2, w);
    }
  }

  /**
   * The row of the work with these ids, tied to catalogue paper {@code paper} when that is given;
   * created when there is none and {@code create}, else null. Other rows holding its ids and no
   * catalogue paper are merged into it; missing ids, title and year are filled in.
   */
  WorkRow resolve(Ids ids, String title, Integer year, PaperId paper, boolean create) {
    List<WorkRow> matches = new ArrayList<>(Stream.of(get(byArxiv, ids.arxiv), get(byDoi, ids.doi),
        get(byOpenAlex, ids.openAlex), get(byS2, ids.s2)).filter(Objects::nonNull).distinct().toList());
    WorkRow keep;
    if (paper != null) {
      matches.removeIf(m -> m.paper != null && !m.paper.equals(paper));
      keep = byPaper.get(paper);
      if (keep == null && !matches.isEmpty()) {
        keep = matches.get(0);
      }
    } else {
      keep = matches.stream().filter(m -> m.paper != null).findFirst().orElse(matches.isEmpty() ? null : matches.get(0));
    }
    if (keep == null) {
      return create ? insert(paper, ids, title, year) : null;
    }
    for (WorkRow m : matches) {
      if (m != keep && m.paper == null) {
        merge(m, keep);
      }
    }
    if (paper != null && keep.paper == null) {
      keep.paper = paper;
      byPaper.put(paper, keep);
      linked.add(keep.id);
      dirty.add(keep);
    }
    fill(keep, ids, title, year);
    return keep;
  }

  private static WorkRow get(Map<String, WorkRow> map, String key) {
    return key == null ? null : map.get(key);
  }

  /** A new row; {@code paper} may be null (a work outside the catalogue). */
  WorkRow insert(PaperId paper, Ids ids, String title, Integer year) {
    long id = tx.number("INSERT INTO citation_works (paper_id, arxiv_id, doi, openalex_id, s2_id, title, year)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        paper == null ? null : paper.value(), ids.arxiv, ids.doi, ids.openAlex, ids.s2, title, year);
    WorkRow w = new WorkRow(id);
    w.paper = paper;
    w.arxiv = ids.arxiv;
    w.doi = ids.doi;
    w.openAlex = ids.openAlex;
    w.s2 = ids.s2;
    w.title = title;
    w.year = year;
    put(w);
    if (paper != null) {
      linked.add(id);
    }
    return w;
  }

  private void fill(WorkRow w, Ids ids, String title, Integer year) {
    boolean changed = false;
    if (w.arxiv == null && ids.arxiv != null) {
      w.arxiv = ids.arxiv;
      changed = true;
    }
    if (w.doi == null && ids.doi != null) {
      w.doi = ids.doi;
      changed = true;
    }
    if (w.openAlex == null && ids.openAlex != null) {
      w.openAlex = ids.openAlex;
      changed = true;
    }
    if (w.s2 == null && ids.s2 != null) {
      w.s2 = ids.s2;
      changed = true;
    }
    if (w.title == null && title != null) {
      w.title = title;
      changed = true;
    }
    if (w.year == null && year != null) {
      w.year = year;
      changed = true;
    }
    if (changed) {
      dirty.add(w);
      put(w);
    }
  }

  /** Moves {@code gone}'s edges to {@code keep} (an edge between the two is dropped) and deletes it. */
  private void merge(WorkRow gone, WorkRow keep) {
    tx.update("INSERT INTO citation_edges (citing_work, cited_work, source, first_seen)"
        + " SELECT CAST(? AS BIGINT), cited_work, source, first_seen FROM citation_edges WHERE citing_work = ? AND cited_work <> ?"
        + " ON CONFLICT DO NOTHING", keep.id, gone.id, keep.id);
    tx.update("INSERT INTO citation_edges (citing_work, cited_work, source, first_seen)"
        + " SELECT citing_work, CAST(? AS BIGINT), source, first_seen FROM citation_edges WHERE cited_work = ? AND citing_work <> ?"
        + " ON CONFLICT DO NOTHING", keep.id, gone.id, keep.id);
    tx.update("DELETE FROM citation_edges WHERE citing_work = ?", gone.id);
    tx.update("DELETE FROM citation_edges WHERE cited_work = ?", gone.id);
    tx.update("DELETE FROM citation_works WHERE id = ?", gone.id);
    dirty.remove(gone);
    for (Map<String, WorkRow> map : List.of(byArxiv, byDoi, byOpenAlex, byS2)) {
      map.replaceAll((k, v) -> v == gone ? keep : v);
    }
    fill(keep, new Ids(gone.arxiv, gone.doi, gone.openAlex, gone.s2), gone.title, gone.year);
    if (keep.paper != null) {
      linked.add(keep.id);
    }
  }

  /** Writes the rows changed in memory; returns the rows newly tied to a catalogue paper (their edges may now be alerts). */
  Set<Long> flush() {
    List<Object[]> rows = new ArrayList<>();
    for (WorkRow w : dirty) {
      rows.add(new Object[] {w.paper == null ? null : w.paper.value(), w.arxiv, w.doi, w.openAlex, w.s2, w.title, w.year, w.id});
    }
    tx.batch("UPDATE citation_works SET paper_id = ?, arxiv_id = ?, doi = ?, openalex_id = ?, s2_id = ?, title = ?, year = ?"
        + " WHERE id = ?", rows);
    dirty.clear();
    return Set.copyOf(linked);
  }
}
