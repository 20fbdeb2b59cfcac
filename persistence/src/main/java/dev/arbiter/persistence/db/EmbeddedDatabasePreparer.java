package dev.arbiter.persistence.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Makes the embedded server ready for the demo: the database and its migrator, the schema and the
 * demo staff logins. The demo data itself is a tool's ({@code dev.arbiter.tools.demo}), loaded by
 * the app over {@link #ownerConnection}.
 */
public final class EmbeddedDatabasePreparer {

  private EmbeddedDatabasePreparer() {}

  /** Drops Arbiter's database (all connections to it are ended), for a fresh demo. */
  public static void dropDatabase(EmbeddedRuntime runtime) {
    try (Connection c = runtime.open("postgres");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DatabaseSettings.DATABASE_NAME + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new DatabaseUnavailableException(
          "could not drop the demo database: " + e.getMessage(), e);
    }
  }

  /** Creates and migrates Arbiter's database; returns how many migrations were applied now. */
  public static int prepare(EmbeddedRuntime runtime) {
    try {
      ServerBootstrap.ensureDatabase(runtime, DatabaseSettings.DATABASE_NAME);
      MigrateResult result =
          SchemaMigrator.migrate(runtime.dataSource(DatabaseSettings.DATABASE_NAME), true);
      try (Connection c = ownerConnection(runtime)) {
        StaffLogins.ensureDemoLogins(c);
        runtime.ensureWorkerLogin(c);
      }
      return result.migrationsExecuted;
    } catch (SQLException e) {
      throw new DatabaseUnavailableException(
          "could not prepare the embedded database: " + e.getMessage(), e);
    }
  }

  /** A connection with the schema owner's rights, for loaders. */
  public static Connection ownerConnection(SuperuserConnections server) throws SQLException {
    Connection c = server.open(DatabaseSettings.DATABASE_NAME);
    try (Statement s = c.createStatement()) {
      s.execute("SET ROLE " + ServerBootstrap.MIGRATOR);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }
}
