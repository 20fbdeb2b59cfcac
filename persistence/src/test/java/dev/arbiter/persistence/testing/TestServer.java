package dev.arbiter.persistence.testing;

import dev.arbiter.persistence.db.ServerBootstrap;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The PostgreSQL server the test databases live on: the embedded one by default ({@link
 * EmbeddedTestServer}), or a shared server a DBA set up ({@link SharedTestServer}, in the
 * shared-server run). {@link TestDatabase} asks it for what differs between the two; everything
 * else (copying the template, dropping a class's databases) is the same on both.
 */
interface TestServer {

  /** The system property that picks the shared server; see {@link #current()}. */
  String PROPERTY = "arbiter.test.server";

  /** The shared server when {@code -Darbiter.test.server=shared}, otherwise the embedded one. */
  static TestServer current() {
    return "shared".equals(System.getProperty(PROPERTY))
        ? SharedTestServer.fromEnvironment(System.getenv())
        : new EmbeddedTestServer(TestDatabase.server());
  }

  String jdbcUrl(String database);

  /**
   * The database every {@link TestDatabase#fresh()} is copied from; {@link #migrate} prepares it.
   */
  String templateName();

  /**
   * Makes {@code database} (when missing), applies every migration to it and gives it the demo
   * logins, as the product does on this kind of server.
   */
  void migrate(String database) throws SQLException;

  /** A connection that creates, copies and drops databases, outside any test database. */
  Connection databaseAdmin() throws SQLException;

  /**
   * A connection acting as the schema owner for a test's fixtures: a superuser session switched to
   * {@code arbiter_migrator} ({@link #actingAsMigrator}) on either server, so fixtures behave
   * alike.
   */
  Connection migrator(String database) throws SQLException;

  /** A superuser: sees every row, and may switch triggers off to try a constraint on its own. */
  Connection superuser(String database) throws SQLException;

  DataSource superuserDataSource(String database);

  /** Switches a superuser connection to the schema owner; closes it if that fails. */
  static Connection actingAsMigrator(Connection superuser) throws SQLException {
    try (Statement s = superuser.createStatement()) {
      s.execute("SET ROLE " + ServerBootstrap.MIGRATOR);
    } catch (SQLException e) {
      superuser.close();
      throw e;
    }
    return superuser;
  }
}
