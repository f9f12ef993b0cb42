package org.paperlens.store;

import java.sql.SQLException;

/**
 * Carries an {@link SQLException} out of a store's work unchecked, so no store outside this
 * package declares or sees one; {@link Database#transaction} unwraps it and maps it in one place.
 */
final class SqlFailure extends RuntimeException {
  SqlFailure(SQLException cause) {
    super(cause.getMessage(), cause);
  }

  SQLException sql() {
    return (SQLException) getCause();
  }
}
