package dev.arbiter.persistence.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The single-user server: PostgreSQL from Maven Central (zonky), data kept in Arbiter's home,
 * listening on localhost only. It is durable (zonky turns fsync off unless told otherwise) and
 * every role, the superuser included, logs in with its password; the superuser's is kept in {@code
 * $ARBITER_HOME/pgpass} (see {@link PgPassFile}, {@link ServerAuthentication}).
 */
public final class EmbeddedServer implements AutoCloseable, SuperuserConnections {

  public static final String SUPERUSER = "postgres";

  private final EmbeddedPostgres postgres;
  private final SuperuserLogin login;

  private EmbeddedServer(EmbeddedPostgres postgres, String password) {
    this.postgres = postgres;
    this.login = new SuperuserLogin(postgres.getPort(), password);
  }

  /**
   * Starts (and on first use initialises) the server whose data lives in {@code home}, first making
   * the home private to the desktop user. A data folder from before passwords is switched to them.
   * {@code port} 0 takes a free port.
   */
  public static EmbeddedServer start(ArbiterHome home, int port) {
    Path data = home.pgData();
    try {
      home.makePrivate();
      boolean fresh = !Files.exists(data.resolve("postgresql.conf"));
      String password = superuserPassword(home, fresh);
      return startDurable(home, password, fresh, port);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL in " + data, e);
    }
  }

  private static EmbeddedServer startDurable(
      ArbiterHome home, String password, boolean fresh, int port) throws IOException {
    Path data = home.pgData();
    Path passwordFile = fresh ? passwordFile(home.root(), password) : null;
    try {
      EmbeddedPostgres.Builder builder =
          builder(data, password, passwordFile)
              .setCleanDataDirectory(false)
              // zonky starts postgres with -F (fsync off) and synchronous_commit off. The -c
              // options come after -F, so these win: a commit the console reports is on disk.
              .setServerConfig("fsync", "on")
              .setServerConfig("full_page_writes", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("max_connections", "200");
      if (port > 0) {
        builder.setPort(port);
      }
      return started(builder, data, password);
    } finally {
      deleteIfPresent(passwordFile);
    }
  }

  /**
   * Starts a throw-away server for tests and benchmarks, in a fresh folder deleted on close. It
   * authenticates exactly like the persistent one; its password is kept in memory only.
   */
  public static EmbeddedServer startTemporary() {
    try {
      Path data = Files.createTempDirectory("arbiter-pg");
      String password = PgPassFile.newPassword();
      Path passwordFile = passwordFile(data.getParent(), password);
      try {
        EmbeddedPostgres.Builder builder =
            builder(data, password, passwordFile)
                .setCleanDataDirectory(true)
                // Durability traded for speed, on purpose and only here: the data is deleted on
                // close, so a crash loses nothing anyone keeps, and tests and benchmarks need not
                // wait for the disk on every commit. Never copy this to start().
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("max_connections", "300");
        return started(builder, data, password);
      } finally {
        Files.deleteIfExists(passwordFile);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not start a temporary embedded PostgreSQL", e);
    }
  }

  /** The superuser's password from the home's pgpass file, made (and written) if need be. */
  private static String superuserPassword(ArbiterHome home, boolean fresh) {
    Path pgpass = home.pgpassFile();
    return PgPassFile.read(pgpass)
        .orElseGet(
            () -> {
              if (!fresh && !ServerAuthentication.trusts(home.pgData())) {
                throw new IllegalStateException(
                    "the embedded server asks for the superuser's password but "
                        + pgpass
                        + " is missing; restore it, or move "
                        + home.pgData()
                        + " away to start afresh");
              }
              // Written before the server knows it: a crash after this leaves a file with the
              // password, and the next start gives the role that password while trust still works.
              String password = PgPassFile.newPassword();
              PgPassFile.write(pgpass, password);
              return password;
            });
  }

  /** The options both servers share; {@code passwordFile} is given only when initdb will run. */
  private static EmbeddedPostgres.Builder builder(Path data, String password, Path passwordFile) {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setPGStartupWait(Duration.ofSeconds(30))
            .setConnectConfig("password", password)
            .setServerConfig("listen_addresses", "localhost")
            .setServerConfig("password_encryption", "scram-sha-256")
            // No Unix socket at all: Arbiter and the JDBC driver use TCP only, and a socket in
            // /tmp would be a second door to guard. One under $ARBITER_HOME could exceed the
            // ~100-byte socket path limit, and its path may hold spaces ("Application Support")
            // that zonky's option string, split by pg_ctl's shell, cannot carry. See
            // docs/decisions/0005.
            .setServerConfig("unix_socket_directories", "")
            .setServerConfig("unix_socket_permissions", "0700");
    if (passwordFile != null) {
      // zonky runs initdb with "-A trust" and adds these as --key=value after it, so initdb
      // (last option wins) sets up password authentication and the superuser's password from
      // the start: no moment in which the new server trusts anyone.
      builder
          .setLocaleConfig("auth", "scram-sha-256")
          .setLocaleConfig("pwfile", passwordFile.toString());
    }
    return builder;
  }

  /**
   * initdb reads the password from a file: a temporary one in {@code folder} (created 0600 on
   * POSIX, before the password is written), deleted once the server has started.
   */
  private static Path passwordFile(Path folder, String password) throws IOException {
    Path file = Files.createTempFile(folder, "initdb-pw", ".txt");
    Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private static void deleteIfPresent(Path file) throws IOException {
    if (file != null) {
      Files.deleteIfExists(file);
    }
  }

  private static EmbeddedServer started(EmbeddedPostgres.Builder builder, Path data, String pw)
      throws IOException {
    EmbeddedServer server = new EmbeddedServer(builder.start(), pw);
    try {
      ServerAuthentication.requirePasswords(server.login, data);
    } catch (SQLException e) {
      server.close();
      throw new IOException("could not configure authentication of the embedded server", e);
    }
    return server;
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl(String database) {
    return login.jdbcUrl(database);
  }

  /** How to log in as the superuser; the temporary server's password lives only here. */
  public SuperuserLogin login() {
    return login;
  }

  public String superuserPassword() {
    return login.password();
  }

  /** A superuser connection, with the superuser's password. */
  public Connection superuserConnection(String database) throws SQLException {
    return login.open(database);
  }

  @Override
  public Connection open(String database) throws SQLException {
    return login.open(database);
  }

  @Override
  public PGSimpleDataSource dataSource(String database) {
    return login.dataSource(database);
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
