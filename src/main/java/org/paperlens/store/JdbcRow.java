package org.paperlens.store;

import java.sql.ResultSet;
import java.sql.SQLException;

/** A {@link Row} over a JDBC result; an {@link SQLException} leaves as {@link SqlFailure}. */
final class JdbcRow implements Row {
  private final ResultSet rs;

  JdbcRow(ResultSet rs) {
    this.rs = rs;
  }

  @Override
  public String getString(int column) {
    try {
      return rs.getString(column);
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  @Override
  public String getString(String column) {
    try {
      return rs.getString(column);
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  @Override
  public long getLong(int column) {
    try {
      return rs.getLong(column);
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  @Override
  public long getLong(String column) {
    try {
      return rs.getLong(column);
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  @Override
  public Long getLongOrNull(int column) {
    try {
      long v = rs.getLong(column);
      return rs.wasNull() ? null : v;
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  @Override
  public Long getLongOrNull(String column) {
    try {
      long v = rs.getLong(column);
      return rs.wasNull() ? null : v;
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  @Override
  public int getInt(int column) {
    try {
      return rs.getInt(column);
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  @Override
  public int getInt(String column) {
    try {
      return rs.getInt(column);
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  @Override
  public byte[] getBytes(int column) {
    try {
      return rs.getBytes(column);
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  @Override
  public int columnCount() {
    try {
      return rs.getMetaData().getColumnCount();
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  @Override
  public String columnName(int column) {
    try {
      return rs.getMetaData().getColumnName(column);
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }
}
