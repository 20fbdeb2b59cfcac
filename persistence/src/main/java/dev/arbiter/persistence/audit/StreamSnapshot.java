package dev.arbiter.persistence.audit;

import dev.arbiter.persistence.access.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A read-only REPEATABLE READ transaction on a plain connection, for the audit paths that stream
 * more entries than a Hibernate session should hold and so run without one: chain verification
 * (whose parallel ranges each need a connection of their own), export and the chain head. What they
 * read is of one moment, so entries appended meanwhile are seen whole or not at all.
 */
final class StreamSnapshot {

  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private StreamSnapshot() {}

  /** Runs {@code work} on a connection of its own. */
  static <T> T on(DataSource dataSource, Work<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return within(c, work);
    }
  }

  /** Runs {@code work} on {@code c}, which is in auto-commit mode and is left so. */
  static <T> T within(Connection c, Work<T> work) throws SQLException {
    c.setAutoCommit(false);
    try {
      Jdbc.update(c, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      return work.run(c);
    } finally {
      c.rollback();
      c.setAutoCommit(true);
    }
  }
}
