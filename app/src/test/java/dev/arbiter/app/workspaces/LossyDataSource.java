package dev.arbiter.app.workspaces;

import dev.arbiter.persistence.testing.WrappingDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A real data source whose next commit can lose its connection: before the server got it (the
 * transaction is rolled back) or after it committed (the answer is lost). The connection is then
 * broken, as the driver reports it (08006), until it is closed.
 */
final class LossyDataSource extends WrappingDataSource {

  /** What the next commit does. */
  enum Loss {
    NONE,
    BEFORE_COMMIT,
    AFTER_COMMIT
  }

  private volatile Loss next = Loss.NONE;

  LossyDataSource(DataSource real) {
    super(real);
  }

  /** Makes the next commit, on any connection, lose its connection so. */
  void loseNextCommit(Loss loss) {
    next = loss;
  }

  @Override
  protected Connection wrap(Connection c) {
    boolean[] broken = {false};
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              String name = method.getName();
              if (name.equals("close") || name.equals("isClosed")) {
                return method.invoke(c, args);
              }
              if (broken[0]) {
                throw lost();
              }
              if (name.equals("commit") && next != Loss.NONE) {
                Loss loss = next;
                next = Loss.NONE;
                broken[0] = true;
                if (loss == Loss.AFTER_COMMIT) {
                  c.commit();
                } else {
                  c.rollback();
                }
                throw lost();
              }
              try {
                return method.invoke(c, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static SQLException lost() {
    return new SQLException("An I/O error occurred while sending to the backend.", "08006");
  }
}
