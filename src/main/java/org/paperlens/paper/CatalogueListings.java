package org.paperlens.paper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.paperlens.store.Tx;

/**
 * The catalogue's reads by listing day: what daily pages, feeds and digests read. Package-private:
 * {@link CatalogueStore} runs each in a transaction of its own.
 */
final class CatalogueListings {

  private static final String LIVE_IN_RANGE = " FROM papers WHERE first_listed BETWEEN ? AND ? AND deleted_on IS NULL";

  private CatalogueListings() {}

  /** A paper of a listing with what the community's counts order it by. */
  private record Candidate(PaperId id, String category) {}

  /**
   * The page {@code offset}, {@code limit} of the live papers first listed between {@code from}
   * and {@code to} that {@code filter} lets through, in the order {@link CatalogueStore#listed}
   * documents. SQL orders the range by the catalogue's own columns (using the first_listed index);
   * a stable sort in Java then puts the community's counts first; the page's rows are read in one
   * query. The catalogue's SQL never names a community table.
   */
  static List<Listed> listed(Tx tx, LocalDate from, LocalDate to, ListingFilter filter, int offset, int limit,
      ListingSignals signals) {
    List<Object> args = new ArrayList<>(List.of(from.toString(), to.toString()));
    args.addAll(filter.args());
    List<Candidate> candidates = tx.list("SELECT id, primary_category" + LIVE_IN_RANGE + filter.sql()
        + " ORDER BY has_code DESC, first_listed DESC, id DESC",
        r -> new Candidate(new PaperId(r.getString(1)), r.getString(2)), args.toArray());
    if (offset >= candidates.size() || limit <= 0) {
      return List.of();
    }
    Map<PaperId, Integer> upvotes = signals.upvotes();
    Map<String, Long> interest = interestPerCategory(tx, signals);
    if (!upvotes.isEmpty() || !interest.isEmpty()) {
      candidates.sort(Comparator.<Candidate>comparingInt(c -> -upvotes.getOrDefault(c.id(), 0))
          .thenComparingLong(c -> c.category() == null ? 0 : -interest.getOrDefault(c.category(), 0L)));
    }
    List<Candidate> page = candidates.subList(offset, Math.min(candidates.size(), offset + limit));
    Map<PaperId, Paper> rows = new HashMap<>();
    // One query for the page: a lookup per paper costs more in JDBC round trips than the whole range scan.
    tx.listIn("SELECT " + PaperRows.COLUMNS + " FROM papers WHERE id IN " + Tx.KEYS,
        page.stream().map(c -> c.id().value()).toList(), r -> rows.put(new PaperId(r.getString("id")), PaperRows.read(r)));
    List<Listed> out = new ArrayList<>(page.size());
    for (Candidate c : page) {
      out.add(new Listed(rows.get(c.id()), upvotes.getOrDefault(c.id(), 0)));
    }
    return out;
  }

  /** The last {@link #interestPerCategory} worked out, with the signals it came from. */
  private static volatile Object[] lastInterest = {null, Map.of()};

  /**
   * Each primary category's share of the signals' interest per paper: the sum over its papers.
   * Worked out once per signals object (the community hands out one per change of its counts).
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Long> interestPerCategory(Tx tx, ListingSignals signals) {
    Object[] last = lastInterest;
    if (last[0] == signals) {
      return (Map<String, Long>) last[1];
    }
    Map<PaperId, Integer> perPaper = signals.interest();
    Map<String, Long> out = new HashMap<>();
    List<String> ids = perPaper.keySet().stream().map(PaperId::value).toList();
    tx.listIn("SELECT id, primary_category FROM papers WHERE id IN " + Tx.KEYS, ids, r -> {
      String category = r.getString(2);
      if (category != null) {
        out.merge(category, (long) perPaper.get(new PaperId(r.getString(1))), Long::sum);
      }
      return null;
    });
    lastInterest = new Object[] {signals, out};
    return out;
  }

  /** The live papers first listed between {@code from} and {@code to}, as facts: one indexed range scan. */
  static List<ListingFact> facts(Tx tx, LocalDate from, LocalDate to) {
    return tx.list("SELECT id, first_listed, has_code" + LIVE_IN_RANGE, CatalogueListings::fact, from.toString(), to.toString());
  }

  /** The facts of those of {@code ids} that are live papers. */
  static List<ListingFact> facts(Tx tx, java.util.Collection<PaperId> ids) {
    return tx.listIn("SELECT id, first_listed, has_code FROM papers WHERE deleted_on IS NULL AND id IN " + Tx.KEYS,
        ids.stream().map(PaperId::value).toList(), CatalogueListings::fact);
  }

  private static ListingFact fact(org.paperlens.store.Row r) {
    String listed = r.getString(2);
    return new ListingFact(new PaperId(r.getString(1)), listed == null ? null : LocalDate.parse(listed), r.getInt(3) != 0);
  }

  static SortedMap<LocalDate, Integer> perDay(Tx tx, LocalDate from, LocalDate to, ListingFilter filter) {
    List<Object> args = new ArrayList<>(List.of(from.toString(), to.toString()));
    args.addAll(filter.args());
    SortedMap<LocalDate, Integer> out = new TreeMap<>();
    for (Object[] row : tx.list("SELECT first_listed, COUNT(*)" + LIVE_IN_RANGE + filter.sql() + " GROUP BY first_listed",
        r -> new Object[] {LocalDate.parse(r.getString(1)), r.getInt(2)}, args.toArray())) {
      out.put((LocalDate) row[0], (Integer) row[1]);
    }
    return out;
  }

  static Map<String, Integer> perCategory(Tx tx, LocalDate from, LocalDate to) {
    Map<String, Integer> counts = new HashMap<>();
    tx.forEach("SELECT categories" + LIVE_IN_RANGE, r -> {
      for (String c : r.getString(1).split(" ")) {
        if (!c.isEmpty()) {
          counts.merge(c, 1, Integer::sum);
        }
      }
    }, from.toString(), to.toString());
    Map<String, Integer> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  static Optional<LocalDate> listingDay(Tx tx, LocalDate day, boolean after) {
    Optional<String> found = day == null ? tx.text("SELECT MAX(first_listed) FROM papers")
        : after ? tx.text("SELECT MIN(first_listed) FROM papers WHERE first_listed > ?", day.toString())
        : tx.text("SELECT MAX(first_listed) FROM papers WHERE first_listed < ?", day.toString());
    return found.map(LocalDate::parse);
  }

  static List<Paper> between(Tx tx, LocalDate after, LocalDate upTo) {
    return tx.list("SELECT " + PaperRows.COLUMNS
        + " FROM papers WHERE deleted_on IS NULL AND first_listed > ? AND first_listed <= ?"
        + " ORDER BY first_listed DESC, id DESC", PaperRows::read, after == null ? "" : after.toString(), upTo.toString());
  }

  static List<Paper> listedOrChanged(Tx tx, LocalDate after, LocalDate upTo, long changedAfter, long changedUpTo,
      LocalDate lateAfter) {
    return tx.list("SELECT " + PaperRows.COLUMNS
        + " FROM papers WHERE deleted_on IS NULL AND seq <= ? AND first_listed <= ?"
        + " AND ((first_listed > ?) OR (seq > ? AND first_listed > ?))"
        + " ORDER BY first_listed DESC, id DESC", PaperRows::read, changedUpTo, upTo.toString(),
        after == null ? "" : after.toString(), changedAfter, lateAfter == null ? "" : lateAfter.toString());
  }

  static Optional<LocalDate> latest(Tx tx, long upTo) {
    return tx.text("SELECT MAX(first_listed) FROM papers WHERE deleted_on IS NULL AND seq <= ?", upTo).map(LocalDate::parse);
  }
}
