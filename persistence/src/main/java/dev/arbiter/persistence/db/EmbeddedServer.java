package dev.arbiter.persistence.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The single-user demo server: PostgreSQL from Maven Central (zonky), data kept under a folder of
 * Arbiter's home, listening on localhost only.
 *
 * <p>initdb leaves every local login on trust. After the first start the server is switched to
 * scram-sha-256 for every role but {@code postgres}, so staff passwords are really checked; the
 * {@code postgres} superuser keeps local trust, which is acceptable only for this single-user demo.
 */
public final class EmbeddedServer implements AutoCloseable, SuperuserConnections {

  public static final String SUPERUSER = "postgres";

  private static final String HBA =
      """
      # Written by Arbiter. Local demo server: the superuser trusts local connections,
      # every other role must give its password.
      local   all   postgres                 trust
      host    all   postgres   127.0.0.1/32  trust
      host    all   postgres   ::1/128       trust
      local   all   all                      scram-sha-256
      host    all   all        127.0.0.1/32  scram-sha-256
      host    all   all        ::1/128       scram-sha-256
      """;

  private final EmbeddedPostgres postgres;

  private EmbeddedServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts (and on first use initialises) a server whose data lives in {@code dataDirectory}. */
  public static EmbeddedServer start(Path dataDirectory, int port) {
    try {
      Files.createDirectories(dataDirectory);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPGStartupWait(Duration.ofSeconds(30))
              .setServerConfig("listen_addresses", "localhost")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("password_encryption", "scram-sha-256")
              .setServerConfig("max_connections", "200");
      if (port > 0) {
        builder.setPort(port);
      }
      EmbeddedServer server = new EmbeddedServer(builder.start());
      server.requirePasswords(dataDirectory);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not start the embedded PostgreSQL in " + dataDirectory, e);
    }
  }

  /** Starts a throw-away server for tests, in a fresh folder that is deleted on close. */
  public static EmbeddedServer startTemporary() {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setCleanDataDirectory(true)
              .setPGStartupWait(Duration.ofSeconds(30))
              .setServerConfig("listen_addresses", "localhost")
              .setServerConfig("password_encryption", "scram-sha-256")
              .setServerConfig("fsync", "off")
              .setServerConfig("max_connections", "300");
      EmbeddedServer server = new EmbeddedServer(builder.start());
      server.requirePasswords(null);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start a temporary embedded PostgreSQL", e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database;
  }

  /** A superuser connection; the superuser authenticates by local trust. */
  public Connection superuserConnection(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, "");
  }

  @Override
  public Connection open(String database) throws SQLException {
    return superuserConnection(database);
  }

  private void requirePasswords(Path dataDirectory) throws IOException {
    try (Connection c = superuserConnection("postgres");
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("SHOW hba_file");
      rs.next();
      Path hba = Path.of(rs.getString(1));
      if (!Files.readString(hba).equals(HBA)) {
        Files.writeString(hba, HBA);
        s.execute("SELECT pg_reload_conf()");
      }
    } catch (SQLException e) {
      throw new IOException("could not configure authentication of the embedded server", e);
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
