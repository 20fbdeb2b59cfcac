package dev.arbiter.persistence.db;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Superuser connections to an embedded server. The superuser authenticates with its password like
 * every other role (scram-sha-256), so everything that connects as it goes through here.
 */
public interface SuperuserConnections {

  Connection open(String database) throws SQLException;

  /** A data source logged in as the superuser, for Flyway and pools. */
  PGSimpleDataSource dataSource(String database);
}
