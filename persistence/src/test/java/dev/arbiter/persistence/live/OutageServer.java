package dev.arbiter.persistence.live;

import dev.arbiter.persistence.db.ArbiterHome;
import dev.arbiter.persistence.db.EmbeddedServer;
import dev.arbiter.persistence.db.SchemaMigrator;
import dev.arbiter.persistence.db.ServerBootstrap;
import dev.arbiter.persistence.db.StaffLogins;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An embedded PostgreSQL of one test class's own, which the test may stop and start again on the
 * same data folder and port: a real outage, as the console sees one when its server goes away and
 * comes back. The shared {@code TestDatabase} server is never touched, other classes use it.
 */
public final class OutageServer implements AutoCloseable {

  /** The one database on this server, migrated, with the demo logins. */
  public static final String DATABASE = "arbiter";

  private final Path folder;
  private final int port;
  private EmbeddedServer server;
  private volatile String superuserPassword;

  private OutageServer(Path folder, int port) {
    this.folder = folder;
    this.port = port;
  }

  /** Starts a new server on a free port and prepares it like {@code TestDatabase.fresh()}. */
  public static OutageServer start() {
    try {
      OutageServer outage =
          new OutageServer(Files.createTempDirectory("arbiter-outage"), freePort());
      outage.restart();
      ServerBootstrap.ensureDatabase(outage.server, DATABASE);
      SchemaMigrator.migrate(
          outage.dataSource(EmbeddedServer.SUPERUSER, outage.superuserPassword), true);
      try (Connection c = outage.migrator()) {
        StaffLogins.ensureDemoLogins(c);
      }
      return outage;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("could not prepare the outage server", e);
    }
  }

  /** Stops the server (a fast shutdown: every session is cut, as in a crash of the host). */
  public synchronized void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** Starts the server again on the same data folder and port; returns how long it took. */
  public synchronized Duration restart() {
    long start = System.nanoTime();
    server = EmbeddedServer.start(new ArbiterHome(folder), port);
    superuserPassword = server.superuserPassword();
    return Duration.ofNanos(System.nanoTime() - start);
  }

  public int port() {
    return port;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
  }

  public DataSource dataSource(String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(jdbcUrl());
    ds.setUser(user);
    ds.setPassword(password);
    return ds;
  }

  public Connection superuser() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), EmbeddedServer.SUPERUSER, superuserPassword);
  }

  /** A connection acting as the schema owner. */
  public Connection migrator() throws SQLException {
    Connection c = superuser();
    try (Statement s = c.createStatement()) {
      s.execute("SET ROLE " + ServerBootstrap.MIGRATOR);
    }
    return c;
  }

  /** A connection logged in as a demo login with its password. */
  public Connection as(String login) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), login, StaffLogins.DEMO_PASSWORD);
  }

  /** Stops the server and deletes its data folder. */
  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp folder left behind is harmless
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
