package dev.arbiter.persistence.audit;

import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs a read in one read-only REPEATABLE READ transaction, so multi-query reads agree. */
final class AuditReader {

  @FunctionalInterface
  interface Read<T> {
    T run(Connection c) throws SQLException;
  }

  private final DataSource dataSource;

  AuditReader(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  <T> T read(String what, Read<T> read) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      c.setReadOnly(true);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        return read.run(c);
      } finally {
        c.rollback();
        c.setReadOnly(false);
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not read " + what, e);
    }
  }
}
