package dev.arbiter.persistence.db;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;

/** The superuser's login on an embedded server listening on {@code port} on localhost. */
public record SuperuserLogin(int port, String password) implements SuperuserConnections {

  private static final int CONNECT_TIMEOUT_SECONDS = 10;

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database;
  }

  @Override
  public Connection open(String database) throws SQLException {
    return dataSource(database).getConnection();
  }

  @Override
  public PGSimpleDataSource dataSource(String database) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(jdbcUrl(database));
    ds.setUser(EmbeddedServer.SUPERUSER);
    ds.setPassword(password);
    ds.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
    return ds;
  }

  // Records print their fields; the password must never reach a log line.
  @Override
  public String toString() {
    return "SuperuserLogin[port=" + port + "]";
  }
}
