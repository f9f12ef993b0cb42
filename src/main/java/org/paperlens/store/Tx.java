package org.paperlens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One transaction of a {@link Database}: what a store's SQL runs through. Valid only inside the
 * {@link Database.Work} it was handed to; not thread-safe (its database serialises callers).
 * Arguments are bound in order ({@code null} as SQL NULL; dates and instants as ISO-8601 text,
 * converted by the caller); results come back through a {@link RowReader}, never as JDBC types.
 *
 * <p>Statements are kept for the life of the connection, one per SQL text: preparing is a
 * noticeable share of an import's time. So a {@link RowReader} of {@link #list} or {@link #first}
 * must not run the same SQL again; {@link #forEach} streams on a statement of its own, so its
 * action may run other queries (not writes to the rows it scans: SQLite may revisit them).
 */
public final class Tx {
  private final Connection c;
  private final Dialect dialect;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final Map<String, Long> changeNumbers = new HashMap<>();

  Tx(Connection c, Dialect dialect) {
    this.c = c;
    this.dialect = dialect;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** Runs an INSERT, UPDATE or DELETE; returns the row count. */
  public int update(String sql, Object... args) {
    try {
      return bound(sql, args).executeUpdate();
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  /** Runs {@code sql} once per element of {@code rows} (each its arguments) as one JDBC batch. */
  public void batch(String sql, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    try {
      PreparedStatement st = prepared(sql);
      for (Object[] args : rows) {
        bind(st, args);
        st.addBatch();
      }
      st.executeBatch();
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  /** Every row of the result, read by {@code reader}, in the result's order. */
  public <T> List<T> list(String sql, RowReader<T> reader, Object... args) {
    try (ResultSet rs = bound(sql, args).executeQuery()) {
      List<T> out = new ArrayList<>();
      Row row = new JdbcRow(rs);
      while (rs.next()) {
        out.add(reader.read(row));
      }
      return out;
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  /**
   * {@link #list} for a query about many keys: {@code sql} holds one {@value #KEYS}, which becomes
   * a list of parameters; {@code keys} are bound there, at most {@value #KEY_CHUNK} per statement,
   * after {@code args}. A chunk's list is padded with repeats of its last key up to a power of two,
   * so a handful of prepared statements serve every size. The rows of all chunks come back
   * together; repeats add no rows, as a key in an {@code IN} list matches once.
   */
  public <T> List<T> listIn(String sql, List<?> keys, RowReader<T> reader, Object... args) {
    if (!sql.contains(KEYS)) {
      throw new IllegalArgumentException("no " + KEYS + " in " + sql);
    }
    List<T> out = new ArrayList<>();
    for (int from = 0; from < keys.size(); from += KEY_CHUNK) {
      int n = Math.min(KEY_CHUNK, Integer.highestOneBit(Math.max(1, keys.size() - from) * 2 - 1));
      Object[] bound = java.util.Arrays.copyOf(args, args.length + n);
      for (int i = 0; i < n; i++) {
        bound[args.length + i] = keys.get(Math.min(from + i, keys.size() - 1));
      }
      out.addAll(list(sql.replace(KEYS, "(" + String.join(",", java.util.Collections.nCopies(n, "?")) + ")"), reader, bound));
    }
    return out;
  }

  /** The place of {@link #listIn}'s key list in its SQL. */
  public static final String KEYS = "(:keys)";
  /** Keys bound per statement of {@link #listIn}: far below either engine's parameter limit. */
  public static final int KEY_CHUNK = 512;

  /** The first row of the result, read by {@code reader}; empty when there is none. */
  public <T> Optional<T> first(String sql, RowReader<T> reader, Object... args) {
    try (ResultSet rs = bound(sql, args).executeQuery()) {
      return rs.next() ? Optional.ofNullable(reader.read(new JdbcRow(rs))) : Optional.empty();
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  /** The first column of the first row as a number (a count, a maximum); 0 when there is no row or it is NULL. */
  public long number(String sql, Object... args) {
    return first(sql, r -> r.getLong(1), args).orElse(0L);
  }

  /** The first column of the first row as text; empty when there is no row or it is NULL. */
  public Optional<String> text(String sql, Object... args) {
    return first(sql, r -> Optional.ofNullable(r.getString(1)), args).flatMap(o -> o);
  }

  /**
   * Streams the result to {@code action}, a row at a time, on a statement of its own: for scans
   * too large to hold in memory. The row is valid only during the call.
   */
  public void forEach(String sql, Consumer<Row> action, Object... args) {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      bind(st, args);
      try (ResultSet rs = st.executeQuery()) {
        Row row = new JdbcRow(rs);
        while (rs.next()) {
          action.accept(row);
        }
      }
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  /**
   * A number for "the changes of this transaction", taken from the one-row counter table
   * {@code counter} on first use and then the same until the transaction ends. Updating the row
   * locks it until commit, on SQLite (one writer) and on PostgreSQL (a row lock) alike, so two
   * transactions that take numbers commit in the order of their numbers: a reader that sees
   * number N sees every change numbered N or lower. The catalogue's index catch-up relies on that.
   */
  public long changeNumber(String counter) {
    Long n = changeNumbers.get(counter);
    if (n == null) {
      n = number("UPDATE " + counter + " SET value = value + 1 WHERE id = 1 RETURNING value");
      changeNumbers.put(counter, n);
    }
    return n;
  }

  void begin() {
    changeNumbers.clear();
  }

  private PreparedStatement bound(String sql, Object[] args) throws SQLException {
    PreparedStatement st = prepared(sql);
    bind(st, args);
    return st;
  }

  private PreparedStatement prepared(String sql) throws SQLException {
    PreparedStatement st = statements.get(sql);
    if (st == null) {
      st = c.prepareStatement(sql);
      statements.put(sql, st);
    }
    st.clearParameters();
    return st;
  }

  private static void bind(PreparedStatement st, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      st.setObject(i + 1, args[i]);
    }
  }

  void closeStatements() throws SQLException {
    for (PreparedStatement st : statements.values()) {
      st.close();
    }
    statements.clear();
  }
}
