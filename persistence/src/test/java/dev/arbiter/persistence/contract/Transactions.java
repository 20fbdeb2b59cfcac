package dev.arbiter.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Runs work in one explicit transaction and reports how the database refused it. */
public final class Transactions {

  /** Database work that may throw. */
  @FunctionalInterface
  public interface SqlWork {
    void run(Connection c) throws SQLException;
  }

  private Transactions() {}

  /**
   * Runs {@code work} and then COMMIT in one transaction, expects the database to refuse one of
   * them, rolls back and returns the refusal.
   */
  public static SQLException refused(Connection c, SqlWork work) throws SQLException {
    c.setAutoCommit(false);
    try {
      work.run(c);
      c.commit();
    } catch (SQLException refusal) {
      c.rollback();
      return refusal;
    } finally {
      c.setAutoCommit(true);
    }
    return fail("the database accepted what it should have refused");
  }

  /**
   * Like {@link #refused}, and checks the refusal's SQLState (and constraint, when not null) and
   * that the audit chain did not grow: the transaction left nothing behind.
   */
  public static SQLException refusedLeavingNothing(
      TestDatabase db, Connection c, String sqlState, String constraintName, SqlWork work)
      throws SQLException {
    long auditBefore = auditHead(db);
    SQLException refusal = refused(c, work);
    assertThat(refusal.getSQLState()).as(refusal.getMessage()).isEqualTo(sqlState);
    if (constraintName != null) {
      assertThat(constraint(refusal)).as(refusal.getMessage()).isEqualTo(constraintName);
    }
    assertThat(auditHead(db))
        .as("audit entries left by the refused transaction")
        .isEqualTo(auditBefore);
    return refusal;
  }

  /** Runs {@code work} in a transaction that is always rolled back. */
  public static void rolledBack(Connection c, SqlWork work) throws SQLException {
    c.setAutoCommit(false);
    try {
      work.run(c);
    } finally {
      c.rollback();
      c.setAutoCommit(true);
    }
  }

  /** The constraint the server named in the error, or null. */
  public static String constraint(SQLException e) {
    ServerErrorMessage m = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
    return m == null ? null : m.getConstraint();
  }

  /** The id of the last audit entry: unchanged after a refused transaction if nothing was kept. */
  public static long auditHead(TestDatabase db) throws SQLException {
    try (Connection c = db.superuser()) {
      return ((Number) Fixtures.value(c, "SELECT last_id FROM audit_chain_head")).longValue();
    }
  }
}
