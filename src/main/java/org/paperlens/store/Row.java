package org.paperlens.store;

/**
 * One row of a query's result, as a {@link RowReader} sees it: valid only during that call. The
 * getters read like JDBC's (columns count from 1, or go by name) without handing out JDBC; a
 * failure to read comes out of the transaction as a {@link StoreException}.
 */
public interface Row {

  String getString(int column);

  String getString(String column);

  /** The column as a long; 0 for SQL NULL (see {@link #getLongOrNull}). */
  long getLong(int column);

  long getLong(String column);

  /** The column as a long, or null for SQL NULL. */
  Long getLongOrNull(int column);

  Long getLongOrNull(String column);

  int getInt(int column);

  int getInt(String column);

  byte[] getBytes(int column);

  /** How many columns the result has, for generic readers (dumps in tests). */
  int columnCount();

  /** The name of column {@code column} (from 1). */
  String columnName(int column);
}
