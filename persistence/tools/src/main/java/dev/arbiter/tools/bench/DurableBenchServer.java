package dev.arbiter.tools.bench;

import dev.arbiter.persistence.automation.AutomationWorker;
import dev.arbiter.persistence.db.ArbiterHome;
import dev.arbiter.persistence.db.DatabaseSettings;
import dev.arbiter.persistence.db.EmbeddedDatabasePreparer;
import dev.arbiter.persistence.db.EmbeddedServer;
import dev.arbiter.persistence.db.SchemaMigrator;
import dev.arbiter.persistence.db.ServerBootstrap;
import dev.arbiter.persistence.db.StaffLogins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A migrated server configured like the persistent one ({@code fsync}, {@code full_page_writes},
 * {@code synchronous_commit} on), in a temporary home deleted on close, with the demo logins: for
 * the benchmarks whose figures depend on waiting for the disk, which the bench's throw-away server
 * never does.
 */
final class DurableBenchServer implements AutoCloseable {

  private static final String DATABASE = DatabaseSettings.DATABASE_NAME;

  private final Path folder;
  private final EmbeddedServer server;

  private DurableBenchServer(Path folder, EmbeddedServer server) {
    this.folder = folder;
    this.server = server;
  }

  static DurableBenchServer start(Consumer<String> progress) throws IOException, SQLException {
    Path folder = Files.createTempDirectory("arbiter-bench-durable");
    EmbeddedServer server = EmbeddedServer.start(new ArbiterHome(folder), 0);
    DurableBenchServer durable = new DurableBenchServer(folder, server);
    try {
      progress.accept("  migrating a durable server in " + folder);
      ServerBootstrap.ensureDatabase(server, DATABASE);
      SchemaMigrator.migrate(server.dataSource(DATABASE), true);
      try (Connection owner = durable.owner()) {
        StaffLogins.ensureDemoLogins(owner);
      }
      return durable;
    } catch (SQLException | RuntimeException e) {
      durable.close();
      throw e;
    }
  }

  /** A connection with the schema owner's rights. */
  Connection owner() throws SQLException {
    return EmbeddedDatabasePreparer.ownerConnection(server);
  }

  /** A connection as a demo login (password {@code demo}). */
  Connection login(String login) throws SQLException {
    return DriverManager.getConnection(server.jdbcUrl(DATABASE), login, StaffLogins.DEMO_PASSWORD);
  }

  /** The Arbiter worker, started beside this server's writers ({@link BenchWorker}). */
  AutomationWorker startWorker() throws SQLException {
    try (Connection owner = owner()) {
      return BenchWorker.start(owner, StaffLogins.DEMO_PASSWORD, this::dataSource);
    }
  }

  private DataSource dataSource(String login) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(server.jdbcUrl(DATABASE));
    ds.setUser(login);
    ds.setPassword(StaffLogins.DEMO_PASSWORD);
    return ds;
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      try (Stream<Path> paths = Files.walk(folder)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        // A temporary folder left behind is harmless; the figures are what matter.
      }
    }
  }
}
