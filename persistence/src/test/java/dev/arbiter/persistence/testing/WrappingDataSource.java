package dev.arbiter.persistence.testing;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A real data source whose connections a test wraps, to make a chosen call fail the way a lost
 * network does. Everything else goes to the real one.
 */
public abstract class WrappingDataSource implements DataSource {

  private final DataSource real;

  protected WrappingDataSource(DataSource real) {
    this.real = real;
  }

  /** The connection the caller gets in place of {@code connection}. */
  protected abstract Connection wrap(Connection connection);

  @Override
  public final Connection getConnection() throws SQLException {
    return wrap(real.getConnection());
  }

  @Override
  public final Connection getConnection(String user, String password) throws SQLException {
    return wrap(real.getConnection(user, password));
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
