package dev.arbiter.persistence.access;

/** Makes one value (usually a record) of a {@link Row}. */
@FunctionalInterface
public interface RowMapper<T> {
  T map(Row row);
}
