package org.paperlens.paper;

import java.util.LinkedHashMap;
import java.util.Map;
import org.paperlens.store.Tx;

/**
 * What the catalogue holds, in aggregate: the figures behind {@code paperlens stats}.
 *
 * @param byMonth papers per month of first listing (or of submission when never listed)
 * @param byVersion papers per latest version number (0: no source said)
 * @param multiSource papers reported by more than one source (ids seen twice)
 */
public record CatalogueStats(
    long papers, long deleted, long versionRows, long multiSource,
    Map<String, Long> bySource, Map<String, Long> byPrimaryCategory, Map<String, Long> byCategory,
    Map<String, Long> byMonth, Map<String, Long> byVersion) {

  /** Computes the figures in one read transaction. */
  public static CatalogueStats of(CatalogueStore store) {
    return store.database().transaction(c -> {
      return new CatalogueStats(
          count(c, "SELECT COUNT(*) FROM papers"),
          count(c, "SELECT COUNT(*) FROM papers WHERE deleted_on IS NOT NULL"),
          count(c, "SELECT COUNT(*) FROM paper_versions"),
          count(c, "SELECT COUNT(*) FROM (SELECT paper_id FROM paper_sources GROUP BY paper_id HAVING COUNT(*) > 1) t"),
          groups(c, "SELECT source, COUNT(*) FROM paper_sources GROUP BY source ORDER BY 2 DESC"),
          groups(c, "SELECT COALESCE(primary_category, '(none)'), COUNT(*) FROM papers GROUP BY 1 ORDER BY 2 DESC, 1"),
          categories(c),
          groups(c, "SELECT COALESCE(SUBSTR(COALESCE(first_listed, submitted), 1, 7), '(unknown)'), COUNT(*)"
              + " FROM papers GROUP BY 1 ORDER BY 1"),
          groups(c, "SELECT CAST(version AS TEXT), COUNT(*) FROM papers GROUP BY version ORDER BY version"));
    });
  }

  private static long count(Tx c, String sql) {
    return c.number(sql);
  }

  private static Map<String, Long> groups(Tx c, String sql) {
    Map<String, Long> out = new LinkedHashMap<>();
    c.forEach(sql, r -> out.put(r.getString(1), r.getLong(2)));
    return out;
  }

  /** Every category a paper is in, cross-lists included; split in Java to keep the SQL portable. */
  private static Map<String, Long> categories(Tx c) {
    Map<String, Long> counts = new java.util.HashMap<>();
    c.forEach("SELECT categories FROM papers", r -> {
      for (String cat : r.getString(1).split(" ")) {
        if (!cat.isEmpty()) {
          counts.merge(cat, 1L, Long::sum);
        }
      }
    });
    Map<String, Long> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }
}
