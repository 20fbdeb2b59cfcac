package dev.arbiter.persistence.testing;

import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.db.ArbiterHome;
import dev.arbiter.persistence.db.DatabaseSettings;
import dev.arbiter.persistence.db.DatabaseUnavailableException;
import dev.arbiter.persistence.db.ServerBootstrap;
import dev.arbiter.persistence.db.SharedServerMigrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.api.exception.FlywayValidateException;

/**
 * A server a DBA set up as the README says: {@code arbiter_migrator} (not a superuser) owns the
 * database the DBA made, and migrates it as {@code arbiter migrate} does; the demo logins are made
 * through the staff admin functions ({@link SharedLogins}). That database is the template; each
 * test class gets a copy the migrator makes, which is why the test server's migrator may also
 * {@code CREATEDB} (a production one need not). The superuser is only the tests' observer, as
 * {@code postgres} is on the embedded server.
 */
final class SharedTestServer implements TestServer {

  private final SharedServerSettings settings;
  private boolean reopenTemplateAtExit;

  private SharedTestServer(SharedServerSettings settings) {
    this.settings = settings;
  }

  static SharedTestServer fromEnvironment(Map<String, String> env) {
    return new SharedTestServer(
        SharedServerSettings.fromEnvironment(env)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "-D"
                            + PROPERTY
                            + "=shared needs "
                            + SharedServerSettings.URL
                            + " and the other variables .ci/shared-server prints")));
  }

  @Override
  public String jdbcUrl(String database) {
    return settings.serverUrl(database);
  }

  @Override
  public String templateName() {
    return settings.database();
  }

  @Override
  public void migrate(String database) throws SQLException {
    openToConnections(database);
    try {
      runMigrations(database);
    } catch (DatabaseUnavailableException e) {
      if (!(e.getCause() instanceof FlywayValidateException) || !database.equals(templateName())) {
        throw e;
      }
      // The template is the tests' own: one migrated by another build of the migrations (a machine
      // restored from an image, a branch switched) is rebuilt rather than failing every test.
      System.err.println("rebuilding " + database + ": " + e.getMessage());
      try (Connection c = databaseAdmin();
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE " + database + " WITH (FORCE)");
      }
      openToConnections(database);
      runMigrations(database);
    }
    try (Connection migrator = migratorLogin(database)) {
      SharedLogins.ensure(migrator, jdbcUrl(database));
    }
  }

  private void runMigrations(String database) {
    SharedServerMigrator.migrate(
        new DatabaseSettings(
            new ArbiterHome(Path.of(System.getProperty("java.io.tmpdir"))),
            Optional.of(jdbcUrl(database)),
            Optional.of(ServerBootstrap.MIGRATOR),
            Optional.of(settings.migratorPassword())));
  }

  /**
   * Creates the database if need be, and opens it: a test run closes its template to connections (a
   * copy needs that), and opens it again at exit, or here if the run was killed.
   */
  private void openToConnections(String database) throws SQLException {
    try (Connection c = databaseAdmin();
        Statement s = c.createStatement()) {
      boolean exists =
          !Jdbc.list(c, "SELECT 1 AS found FROM pg_database WHERE datname = ?", r -> 1, database)
              .isEmpty();
      if (!exists) {
        s.execute("CREATE DATABASE " + database + " OWNER " + ServerBootstrap.MIGRATOR);
      }
      s.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
    }
    if (database.equals(templateName())) {
      reopenTemplateAtExit();
    }
  }

  private synchronized void reopenTemplateAtExit() {
    if (!reopenTemplateAtExit) {
      reopenTemplateAtExit = true;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try (Connection c = databaseAdmin();
                        Statement s = c.createStatement()) {
                      s.execute(
                          "ALTER DATABASE " + templateName() + " WITH ALLOW_CONNECTIONS true");
                    } catch (SQLException e) {
                      System.err.println("could not reopen " + templateName() + ": " + e);
                    }
                  }));
    }
  }

  /** The migrator's own login (not a superuser's), which makes, copies and drops databases. */
  @Override
  public Connection databaseAdmin() throws SQLException {
    return migratorLogin("postgres");
  }

  private Connection migratorLogin(String database) throws SQLException {
    return DriverManager.getConnection(
        jdbcUrl(database), ServerBootstrap.MIGRATOR, settings.migratorPassword());
  }

  @Override
  public Connection migrator(String database) throws SQLException {
    return TestServer.actingAsMigrator(superuser(database));
  }

  @Override
  public Connection superuser(String database) throws SQLException {
    return superuserDataSource(database).getConnection();
  }

  @Override
  public DataSource superuserDataSource(String database) {
    return TestDatabase.dataSource(
        jdbcUrl(database), settings.superuser(), settings.superuserPassword());
  }
}
