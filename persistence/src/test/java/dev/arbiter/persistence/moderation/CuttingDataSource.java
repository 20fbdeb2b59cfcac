package dev.arbiter.persistence.moderation;

import dev.arbiter.persistence.testing.TestDatabase;
import dev.arbiter.persistence.testing.WrappingDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * A real data source whose session the server really ends (pg_terminate_backend, from a superuser
 * session) at a chosen commit: just before it, so the transaction dies uncommitted, or just after
 * it, so it is committed but its answer is lost as if the network went first.
 */
final class CuttingDataSource extends WrappingDataSource {

  /** Where the chosen commit is cut. */
  enum Cut {
    BEFORE_COMMIT,
    AFTER_COMMIT
  }

  private final TestDatabase db;
  private final AtomicInteger commits = new AtomicInteger();
  private volatile int cutAt = -1;
  private volatile Cut cut;

  CuttingDataSource(DataSource real, TestDatabase db) {
    super(real);
    this.db = db;
  }

  /** Cuts the {@code n}th commit from now (1 is the next), on whichever connection makes it. */
  void cutCommit(int n, Cut where) {
    cut = where;
    cutAt = commits.get() + n;
  }

  @Override
  protected Connection wrap(Connection c) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("commit") && commits.incrementAndGet() == cutAt) {
                if (cut == Cut.AFTER_COMMIT) {
                  c.commit();
                  terminate(c);
                  // The driver would see the broken session only at its next call; make the pool
                  // see it too, so that it does not hand this connection out again.
                  try (Statement s = c.createStatement()) {
                    s.execute("SELECT 1");
                  } catch (SQLException expected) {
                    // Broken, as the driver reports it.
                  }
                  throw new SQLException(
                      "An I/O error occurred while sending to the backend.", "08006");
                }
                // The real COMMIT then meets the ended session, and the driver says so.
                terminate(c);
              }
              try {
                return method.invoke(c, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  // Ends the session and waits until it is gone.
  private void terminate(Connection c) throws SQLException {
    int pid = c.unwrap(PGConnection.class).getBackendPID();
    try (Connection su = db.superuser();
        PreparedStatement kill = su.prepareStatement("SELECT pg_terminate_backend(?, 10000)");
        ResultSet rs = executed(kill, pid)) {
      if (!rs.next() || !rs.getBoolean(1)) {
        throw new AssertionError("session " + pid + " outlived pg_terminate_backend");
      }
    }
  }

  private static ResultSet executed(PreparedStatement s, int pid) throws SQLException {
    s.setInt(1, pid);
    return s.executeQuery();
  }
}
