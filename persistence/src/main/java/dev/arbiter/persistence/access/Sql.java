package dev.arbiter.persistence.access;

import jakarta.persistence.Tuple;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/**
 * Native SQL on a session, its rows read by column name through {@link Row}: the shape for queue
 * pages, aggregates and function calls, where an entity would load more than the screen needs.
 * Parameters are JDBC-style {@code ?}, bound in order; give a NULL a type in the SQL ({@code CAST(?
 * AS bigint)}) since a bare null has none.
 */
public final class Sql {

  private Sql() {}

  /** Every row {@code sql} returns, mapped. */
  public static <T> List<T> list(
      Session session, String sql, RowMapper<T> mapper, Object... params) {
    return query(session, sql, params).getResultStream().map(t -> mapper.map(Row.of(t))).toList();
  }

  /** The first row, if any. */
  public static <T> Optional<T> first(
      Session session, String sql, RowMapper<T> mapper, Object... params) {
    return query(session, sql, params).setMaxResults(1).getResultList().stream()
        .findFirst()
        .map(t -> mapper.map(Row.of(t)));
  }

  /** The one row {@code sql} must return. */
  public static <T> T one(Session session, String sql, RowMapper<T> mapper, Object... params) {
    return first(session, sql, mapper, params)
        .orElseThrow(() -> new IllegalStateException("no row from: " + sql));
  }

  /** Runs an INSERT, UPDATE or DELETE without RETURNING and answers how many rows it changed. */
  public static int update(Session session, String sql, Object... params) {
    var query = session.createNativeMutationQuery(sql);
    for (int i = 0; i < params.length; i++) {
      query.setParameter(i + 1, params[i]);
    }
    return query.executeUpdate();
  }

  private static NativeQuery<Tuple> query(Session session, String sql, Object... params) {
    NativeQuery<Tuple> query = session.createNativeQuery(sql, Tuple.class);
    for (int i = 0; i < params.length; i++) {
      query.setParameter(i + 1, params[i]);
    }
    return query;
  }
}
