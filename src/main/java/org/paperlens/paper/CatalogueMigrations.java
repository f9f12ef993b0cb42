package org.paperlens.paper;

import java.util.List;
import org.paperlens.store.Migration;

/**
 * The schema steps written in Java, registered with the store layer by whoever opens the
 * catalogue ({@link CatalogueStore#open}): the SQL scripts of every feature live in
 * {@code db/migration/<engine>}; these need a feature's code.
 */
public final class CatalogueMigrations {

  /** Every Java step, any order (Flyway orders by version). */
  public static final List<Migration> ALL = List.of(new CodeLinksMigration());

  private CatalogueMigrations() {}
}
