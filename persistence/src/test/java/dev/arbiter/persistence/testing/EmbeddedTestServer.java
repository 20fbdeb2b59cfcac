package dev.arbiter.persistence.testing;

import dev.arbiter.persistence.db.EmbeddedServer;
import dev.arbiter.persistence.db.SchemaMigrator;
import dev.arbiter.persistence.db.ServerBootstrap;
import dev.arbiter.persistence.db.StaffLogins;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The throw-away embedded server of the test JVM: its superuser does what a DBA does, the migrator
 * is that superuser switched to {@code arbiter_migrator}, and the demo logins are made as the
 * embedded console's first start makes them.
 */
final class EmbeddedTestServer implements TestServer {

  private final EmbeddedServer server;

  EmbeddedTestServer(EmbeddedServer server) {
    this.server = server;
  }

  @Override
  public String jdbcUrl(String database) {
    return server.jdbcUrl(database);
  }

  @Override
  public String templateName() {
    return "arbiter_template";
  }

  @Override
  public void migrate(String database) throws SQLException {
    ServerBootstrap.ensureDatabase(server, database);
    SchemaMigrator.migrate(server.dataSource(database), true);
    try (Connection c = migrator(database)) {
      StaffLogins.ensureDemoLogins(c);
      TestDatabase.ensureServiceLogins(c);
    }
  }

  @Override
  public Connection databaseAdmin() throws SQLException {
    return server.open("postgres");
  }

  @Override
  public Connection migrator(String database) throws SQLException {
    return TestServer.actingAsMigrator(server.superuserConnection(database));
  }

  @Override
  public Connection superuser(String database) throws SQLException {
    return server.superuserConnection(database);
  }

  @Override
  public DataSource superuserDataSource(String database) {
    return server.dataSource(database);
  }
}
