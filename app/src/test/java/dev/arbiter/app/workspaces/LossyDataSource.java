package dev.arbiter.app.workspaces;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A real data source whose next commit can lose its connection: before the server got it (the
 * transaction is rolled back) or after it committed (the answer is lost). The connection is then
 * broken, as the driver reports it (08006), until it is closed.
 */
final class LossyDataSource implements DataSource {

  /** What the next commit does. */
  enum Loss {
    NONE,
    BEFORE_COMMIT,
    AFTER_COMMIT
  }

  private final DataSource real;
  private volatile Loss next = Loss.NONE;

  LossyDataSource(DataSource real) {
    this.real = real;
  }

  /** Makes the next commit, on any connection, lose its connection so. */
  void loseNextCommit(Loss loss) {
    next = loss;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return lossy(real.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return lossy(real.getConnection(user, password));
  }

  private Connection lossy(Connection c) {
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

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return real.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    real.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    real.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return real.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return real.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return real.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return real.isWrapperFor(type);
  }
}
