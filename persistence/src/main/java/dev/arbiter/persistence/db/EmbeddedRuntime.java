package dev.arbiter.persistence.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The embedded server as one process sees it: attached to a server that another Arbiter process
 * already runs (recorded in {@code server.json}), or started here and stopped on {@link #close()}.
 */
public final class EmbeddedRuntime implements AutoCloseable, SuperuserConnections {

  private final ArbiterHome home;
  private final int port;
  private final EmbeddedServer owned;

  private EmbeddedRuntime(ArbiterHome home, int port, EmbeddedServer owned) {
    this.home = home;
    this.port = port;
    this.owned = owned;
  }

  /** Attaches to the running server, or starts one in this process, recorded as {@code owner}. */
  public static EmbeddedRuntime attachOrStart(ArbiterHome home, String owner) {
    Optional<EmbeddedRuntime> running = attach(home);
    if (running.isPresent()) {
      return running.get();
    }
    EmbeddedServer server = EmbeddedServer.start(home.pgData(), 0);
    new ServerState(ProcessHandle.current().pid(), server.port(), owner, false)
        .write(home.serverStateFile());
    return new EmbeddedRuntime(home, server.port(), server);
  }

  /** The server another process runs, if its process is alive and it answers. */
  public static Optional<EmbeddedRuntime> attach(ArbiterHome home) {
    return ServerState.live(home.serverStateFile())
        .filter(state -> answers(state.port()))
        .map(state -> new EmbeddedRuntime(home, state.port(), null));
  }

  private static boolean answers(int port) {
    try (Connection c = connect(port, "postgres")) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static Connection connect(int port, String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + port + "/" + database + "?connectTimeout=5",
        EmbeddedServer.SUPERUSER,
        "");
  }

  /** Records that the database is migrated and ready for other processes to use. */
  public void markReady() {
    if (owned != null) {
      ServerState.read(home.serverStateFile())
          .ifPresent(state -> state.asReady().write(home.serverStateFile()));
    }
  }

  public int port() {
    return port;
  }

  public boolean ownsServer() {
    return owned != null;
  }

  /** The JDBC URL of Arbiter's database on this server (no credentials). */
  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/" + DatabaseSettings.DATABASE_NAME;
  }

  @Override
  public Connection open(String database) throws SQLException {
    return connect(port, database);
  }

  @Override
  public void close() {
    if (owned != null) {
      try {
        owned.close();
      } finally {
        ServerState.read(home.serverStateFile())
            .filter(s -> s.pid() == ProcessHandle.current().pid())
            .ifPresent(s -> ServerState.delete(home.serverStateFile()));
      }
    }
  }
}
