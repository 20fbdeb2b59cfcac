package dev.arbiter.persistence.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The embedded server as one process sees it: attached to a server that another Arbiter process
 * already runs (recorded in {@code server.json}), or started here and stopped on {@link #close()}.
 * Either way the superuser logs in with the password in the home's pgpass file.
 */
public final class EmbeddedRuntime implements AutoCloseable, SuperuserConnections {

  private final ArbiterHome home;
  private final SuperuserLogin login;
  private final EmbeddedServer owned;

  private EmbeddedRuntime(ArbiterHome home, SuperuserLogin login, EmbeddedServer owned) {
    this.home = home;
    this.login = login;
    this.owned = owned;
  }

  /** Attaches to the running server, or starts one in this process, recorded as {@code owner}. */
  public static EmbeddedRuntime attachOrStart(ArbiterHome home, String owner) {
    Optional<EmbeddedRuntime> running = attach(home);
    if (running.isPresent()) {
      return running.get();
    }
    EmbeddedServer server = EmbeddedServer.start(home, 0);
    new ServerState(ProcessHandle.current().pid(), server.port(), owner, false)
        .write(home.serverStateFile());
    return new EmbeddedRuntime(home, server.login(), server);
  }

  /** The server another process runs, if its process is alive and it answers. */
  public static Optional<EmbeddedRuntime> attach(ArbiterHome home) {
    return ServerState.live(home.serverStateFile())
        .flatMap(
            state ->
                PgPassFile.read(home.pgpassFile())
                    .map(password -> new SuperuserLogin(state.port(), password)))
        .filter(EmbeddedRuntime::answers)
        .map(login -> new EmbeddedRuntime(home, login, null));
  }

  private static boolean answers(SuperuserLogin login) {
    try (Connection c = login.open("postgres")) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Records that the database is migrated and ready for other processes to use. */
  public void markReady() {
    if (owned != null) {
      ServerState.read(home.serverStateFile())
          .ifPresent(state -> state.asReady().write(home.serverStateFile()));
    }
  }

  public ArbiterHome home() {
    return home;
  }

  public int port() {
    return login.port();
  }

  public boolean ownsServer() {
    return owned != null;
  }

  /** The JDBC URL of Arbiter's database on this server (no credentials). */
  public String jdbcUrl() {
    return login.jdbcUrl(DatabaseSettings.DATABASE_NAME);
  }

  /**
   * Arbiter's database as the embedded worker login ({@link WorkerLogin}), for the automation this
   * process runs when it owns the server.
   */
  public PGSimpleDataSource workerDataSource() {
    PGSimpleDataSource ds = login.dataSource(DatabaseSettings.DATABASE_NAME);
    ds.setUser(WorkerLogin.LOGIN);
    ds.setPassword(WorkerLogin.password(login.password()));
    ds.setApplicationName(WorkerLogin.APPLICATION_NAME);
    return ds;
  }

  /** Creates or refreshes the worker login; run once the schema is migrated. */
  void ensureWorkerLogin(Connection migrator) throws SQLException {
    WorkerLogin.ensure(migrator, WorkerLogin.password(login.password()));
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
