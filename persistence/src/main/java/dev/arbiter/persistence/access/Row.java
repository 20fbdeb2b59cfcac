package dev.arbiter.persistence.access;

import dev.arbiter.model.common.DatabaseValue;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * One result row, read by column name. It is the one place that turns what the driver or Hibernate
 * hands back (a {@link Tuple}, or a {@link ResultSet} on the few streaming paths) into Java values,
 * so every query reads its columns the same way and none by position. Name each selected expression
 * ({@code AS name}) and read it under that name.
 */
public final class Row {

  /** How a source answers one column by name. */
  @FunctionalInterface
  private interface Source {
    Object get(String column) throws SQLException;
  }

  /** How a source answers one column's bytes by name (see {@link #rawBytes}). */
  @FunctionalInterface
  private interface BytesSource {
    byte[] get(String column) throws SQLException;
  }

  private final Source source;
  private final BytesSource bytesSource;

  private Row(Source source, BytesSource bytesSource) {
    this.source = source;
    this.bytesSource = bytesSource;
  }

  static Row of(Tuple tuple) {
    return new Row(tuple::get, column -> asBytes(tuple.get(column)));
  }

  /** A row of a result set positioned by the caller ({@link Jdbc} is the only one that does). */
  static Row of(ResultSet rs) {
    return new Row(rs::getObject, rs::getBytes);
  }

  private Object raw(String column) {
    try {
      return source.get(column);
    } catch (SQLException e) {
      throw new IllegalArgumentException("no column " + column + " in the row", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("no column " + column + " in the row", e);
    }
  }

  private Object required(String column) {
    Object value = raw(column);
    if (value == null) {
      throw new IllegalStateException("column " + column + " is null");
    }
    return value;
  }

  public boolean isNull(String column) {
    return raw(column) == null;
  }

  public long getLong(String column) {
    return ((Number) required(column)).longValue();
  }

  public int getInt(String column) {
    return ((Number) required(column)).intValue();
  }

  public boolean getBoolean(String column) {
    return (Boolean) required(column);
  }

  /** The value, or null for SQL NULL. */
  public Long nullableLong(String column) {
    Object value = raw(column);
    return value == null ? null : ((Number) value).longValue();
  }

  public Integer nullableInt(String column) {
    Object value = raw(column);
    return value == null ? null : ((Number) value).intValue();
  }

  public Boolean nullableBoolean(String column) {
    return (Boolean) raw(column);
  }

  public String text(String column) {
    Object value = raw(column);
    return value == null ? null : value.toString();
  }

  public BigDecimal decimal(String column) {
    Object value = raw(column);
    if (value == null || value instanceof BigDecimal) {
      return (BigDecimal) value;
    }
    return new BigDecimal(value.toString());
  }

  public double getDouble(String column) {
    return ((Number) required(column)).doubleValue();
  }

  public byte[] bytes(String column) {
    return (byte[]) raw(column);
  }

  /**
   * The column as the bytes the server sent, null for SQL NULL: a {@code bytea}'s bytes, text as
   * its UTF-8 bytes, and any other type in the form it arrived in (PostgreSQL's binary form on a
   * {@link Jdbc#scan}). For the audit chain, which hashes millions of values as bytes: decoding
   * each into a String or a date only to encode it again cost more than the hashing.
   */
  public byte[] rawBytes(String column) {
    try {
      return bytesSource.get(column);
    } catch (SQLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("no column " + column + " in the row", e);
    }
  }

  private static byte[] asBytes(Object value) {
    if (value == null || value instanceof byte[]) {
      return (byte[]) value;
    }
    return value.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A {@code timestamptz} column as an instant, or null. */
  public Instant instant(String column) {
    Object value = raw(column);
    if (value == null) {
      return null;
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof Timestamp ts) {
      return ts.toInstant();
    }
    if (value instanceof java.time.ZonedDateTime zdt) {
      return zdt.toInstant();
    }
    throw new IllegalStateException(
        "column " + column + " is a " + value.getClass().getSimpleName() + ", not a timestamp");
  }

  public LocalDate date(String column) {
    Object value = raw(column);
    if (value == null || value instanceof LocalDate) {
      return (LocalDate) value;
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    throw new IllegalStateException(
        "column " + column + " is a " + value.getClass().getSimpleName() + ", not a date");
  }

  /** A text column holding one of {@code type}'s database values, or null. */
  public <E extends Enum<E> & DatabaseValue> E value(Class<E> type, String column) {
    String text = text(column);
    return text == null ? null : DatabaseValue.fromDb(type, text);
  }

  /** A {@code bigint[]} column, empty for NULL. */
  public List<Long> longs(String column) {
    return Arrays.stream(elements(column)).map(e -> ((Number) e).longValue()).toList();
  }

  /** A {@code text[]} column, empty for NULL. */
  public List<String> texts(String column) {
    return Arrays.stream(elements(column)).map(Object::toString).toList();
  }

  private Object[] elements(String column) {
    Object value = raw(column);
    if (value == null) {
      return new Object[0];
    }
    if (value instanceof Object[] array) {
      return array;
    }
    if (value instanceof Array array) {
      try {
        return (Object[]) array.getArray();
      } catch (SQLException e) {
        throw new IllegalStateException("could not read array column " + column, e);
      }
    }
    if (value instanceof long[] longs) {
      return Arrays.stream(longs).boxed().toArray();
    }
    throw new IllegalStateException(
        "column " + column + " is a " + value.getClass().getSimpleName() + ", not an array");
  }
}
