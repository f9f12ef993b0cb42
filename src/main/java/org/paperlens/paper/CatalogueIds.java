package org.paperlens.paper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.paperlens.store.Tx;

/**
 * Which of many ids and DOIs name catalogue papers, asked inside another store's transaction: the
 * citation store ties the works at the ends of its edges to catalogue papers this way without
 * naming the catalogue's tables. One query per 512 keys, so a paper's thousand references cost a
 * few statements.
 */
public final class CatalogueIds {

  private CatalogueIds() {}

  /** Those of {@code ids} that are catalogue papers (deleted ones too: they keep their pages). */
  public static Set<PaperId> existing(Tx tx, Collection<PaperId> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    List<String> keys = ids.stream().map(PaperId::value).distinct().toList();
    return new HashSet<>(tx.listIn("SELECT id FROM papers WHERE id IN " + Tx.KEYS, keys, r -> new PaperId(r.getString(1))));
  }

  /**
   * The live catalogue papers with these DOIs, by DOI in lower case; the catalogue's DOIs compare
   * case-insensitively (as DOIs do). Where two papers share a DOI, the smaller id.
   */
  public static Map<String, PaperId> byDoi(Tx tx, Collection<String> dois) {
    if (dois.isEmpty()) {
      return Map.of();
    }
    List<String> keys = new ArrayList<>(dois.stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).distinct().toList());
    Map<String, PaperId> out = new HashMap<>();
    tx.listIn("SELECT lower(doi), id FROM papers WHERE lower(doi) IN " + Tx.KEYS + " AND deleted_on IS NULL", keys,
        r -> Map.entry(r.getString(1), new PaperId(r.getString(2))))
        .forEach(e -> out.merge(e.getKey(), e.getValue(), (a, b) -> a.compareTo(b) <= 0 ? a : b));
    return out;
  }
}
