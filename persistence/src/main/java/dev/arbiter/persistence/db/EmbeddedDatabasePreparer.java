package dev.arbiter.persistence.db;

import dev.arbiter.persistence.staff.StaffLogins;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Makes the embedded server ready for the demo: the database and its migrator, the schema, and the
 * demo staff logins.
 */
public final class EmbeddedDatabasePreparer {

  private EmbeddedDatabasePreparer() {}

  /** Creates and migrates Arbiter's database; returns how many migrations were applied now. */
  public static int prepare(EmbeddedRuntime runtime) {
    try {
      ServerBootstrap.ensureDatabase(runtime, DatabaseSettings.DATABASE_NAME);
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setUrl(runtime.jdbcUrl());
      ds.setUser(EmbeddedServer.SUPERUSER);
      MigrateResult result = SchemaMigrator.migrate(ds, true);
      try (Connection c = ownerConnection(runtime)) {
        StaffLogins.ensureDemoLogins(c);
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
