package org.paperlens.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A schema step that needs a feature's Java code (a rule that must not be copied into SQL), written
 * against a {@link Tx} like any store's SQL. The feature that owns the rule defines it and hands it
 * to {@link Database#migrate}; it runs in order with the SQL scripts of the same version sequence,
 * inside Flyway's transaction.
 */
public abstract class Migration implements JavaMigration {

  private final MigrationVersion version;
  private final String description;

  /**
   * @param version the version in the scripts' sequence (a script folder never has the same one)
   * @param description as Flyway records it (a script {@code V9__Code_links} records "Code links")
   */
  protected Migration(String version, String description) {
    this.version = MigrationVersion.fromVersion(version);
    this.description = description;
  }

  /** The step's work; the schema before it is that of the versions below. */
  protected abstract void migrate(Tx tx);

  @Override
  public final MigrationVersion getVersion() {
    return version;
  }

  @Override
  public final String getDescription() {
    return description;
  }

  /** None, as for any Java step: Flyway checks an applied one by version and description. */
  @Override
  public final Integer getChecksum() {
    return null;
  }

  @Override
  public final boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public final void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    Dialect dialect = c.getMetaData().getURL().startsWith("jdbc:sqlite:") ? new Dialect.Sqlite() : new Dialect.Postgres();
    Tx tx = new Tx(c, dialect);
    try {
      migrate(tx);
    } catch (SqlFailure f) {
      throw f.sql();
    } finally {
      tx.closeStatements();
    }
  }
}
