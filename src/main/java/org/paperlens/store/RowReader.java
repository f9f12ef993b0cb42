package org.paperlens.store;

/** Turns the current row of a result into a value; called once per row. */
@FunctionalInterface
public interface RowReader<T> {
  T read(Row row);
}
