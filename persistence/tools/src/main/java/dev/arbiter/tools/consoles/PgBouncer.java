package dev.arbiter.tools.consoles;

import dev.arbiter.persistence.access.Jdbc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * PgBouncer in transaction mode in front of a throw-away server, configured as docs/OPERATIONS.md
 * tells an operator to: passwords looked up in the server ({@code auth_query} through a definer
 * function only the lookup login may call), one pool per (database, login). Started from Debian's
 * {@code pgbouncer} binary ({@code ARBITER_PGBOUNCER} names another); PgBouncer refuses to run as
 * root, so under root it runs as the {@code postgres} user, as Debian's service does.
 */
public final class PgBouncer implements AutoCloseable {

  private static final String LOOKUP_LOGIN = "arbiter_pooler";
  private static final Pattern JDBC_URL =
      Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+)(\\?.*)?");
  private static final String LOOKUP =
      """
      CREATE SCHEMA IF NOT EXISTS pgbouncer;
      REVOKE ALL ON SCHEMA pgbouncer FROM PUBLIC;
      GRANT USAGE ON SCHEMA pgbouncer TO arbiter_pooler;
      CREATE OR REPLACE FUNCTION pgbouncer.user_lookup(p_login text, OUT login text, OUT verifier text)
        RETURNS record LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = pg_catalog, pg_temp
      AS $$
        SELECT usename::text, passwd::text FROM pg_catalog.pg_shadow
         WHERE usename = p_login AND NOT usesuper
      $$;
      REVOKE ALL ON FUNCTION pgbouncer.user_lookup(text) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION pgbouncer.user_lookup(text) TO arbiter_pooler;
      """;

  private final Process process;
  private final Path folder;
  private final String poolUrl;

  private PgBouncer(Process process, Path folder, String poolUrl) {
    this.process = process;
    this.folder = folder;
    this.poolUrl = poolUrl;
  }

  /**
   * Starts PgBouncer in front of the database {@code serverUrl} names, with {@code poolPerLogin}
   * server connections per login and {@code poolLimit} for all; {@code superuser} (on that
   * database) sets up the lookup.
   */
  public static PgBouncer start(
      String serverUrl, DataSource superuser, int poolPerLogin, int poolLimit)
      throws SQLException, IOException {
    Matcher url = JDBC_URL.matcher(serverUrl);
    if (!url.matches()) {
      throw new IllegalArgumentException("not a jdbc:postgresql://host:port/database URL");
    }
    Path binary =
        binary()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "PgBouncer not found (install Debian's pgbouncer, or name the binary in"
                            + " ARBITER_PGBOUNCER)"));
    String password = HexFormat.of().formatHex(random(12));
    lookup(superuser, password);
    Path folder = Files.createTempDirectory("arbiter-pgbouncer");
    int port = freePort();
    Files.writeString(
        folder.resolve("userlist.txt"), "\"" + LOOKUP_LOGIN + "\" \"" + password + "\"\n");
    Files.writeString(
        folder.resolve("pgbouncer.ini"),
        config(url.group(1), url.group(2) == null ? "5432" : url.group(2), port, folder)
            + "default_pool_size = "
            + poolPerLogin
            + "\nmax_db_connections = "
            + poolLimit
            + "\n");
    List<String> command = new ArrayList<>();
    if (runningAsRoot()) {
      handTo(folder, "postgres");
      Path runuser =
          onPath("runuser")
              .orElseThrow(
                  () -> new IllegalStateException("PgBouncer runs as postgres: no runuser"));
      command.addAll(List.of(runuser.toString(), "-u", "postgres", "--"));
    }
    command.addAll(List.of(binary.toString(), folder.resolve("pgbouncer.ini").toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("pgbouncer.log").toFile())
            .start();
    PgBouncer bouncer =
        new PgBouncer(
            process,
            folder,
            "jdbc:postgresql://127.0.0.1:"
                + port
                + "/"
                + url.group(3)
                + (url.group(4) == null ? "" : url.group(4)));
    bouncer.awaitListening(port);
    return bouncer;
  }

  /** Whether a PgBouncer binary is there to start. */
  public static boolean available() {
    return binary().isPresent();
  }

  /** The pooler's JDBC URL for the same database. */
  public String poolUrl() {
    return poolUrl;
  }

  private static String config(String host, String serverPort, int port, Path folder) {
    return """
        [databases]
        * = host=%s port=%s

        [pgbouncer]
        listen_addr = 127.0.0.1
        listen_port = %d
        unix_socket_dir =
        pidfile = %s
        auth_type = scram-sha-256
        auth_file = %s
        auth_user = %s
        auth_query = SELECT login, verifier FROM pgbouncer.user_lookup($1)
        pool_mode = transaction
        max_client_conn = 5000
        server_idle_timeout = 60
        ignore_startup_parameters = extra_float_digits
        """
        .formatted(
            host,
            serverPort,
            port,
            folder.resolve("pgbouncer.pid"),
            folder.resolve("userlist.txt"),
            LOOKUP_LOGIN);
  }

  private static void lookup(DataSource superuser, String password) throws SQLException {
    try (Connection c = superuser.getConnection();
        Statement s = c.createStatement()) {
      boolean exists =
          !Jdbc.list(c, "SELECT 1 AS found FROM pg_roles WHERE rolname = ?", r -> 1, LOOKUP_LOGIN)
              .isEmpty();
      if (!exists) {
        s.execute("CREATE ROLE " + LOOKUP_LOGIN + " LOGIN");
      }
      // The verifier is computed here, so no password reaches the server's log.
      c.unwrap(PGConnection.class)
          .alterUserPassword(LOOKUP_LOGIN, password.toCharArray(), "scram-sha-256");
      s.execute(LOOKUP);
    }
  }

  private static Optional<Path> binary() {
    String named = System.getenv("ARBITER_PGBOUNCER");
    if (named != null && !named.isBlank()) {
      return Optional.of(Path.of(named)).filter(Files::isExecutable);
    }
    return onPath("pgbouncer");
  }

  // Debian puts pgbouncer and runuser in /usr/sbin, which a user's PATH often lacks.
  private static Optional<Path> onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.concat(
            Stream.of(path.split(":")), Stream.of("/usr/sbin", "/usr/local/sbin", "/sbin"))
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, program))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void handTo(Path folder, String user) throws IOException {
    UserPrincipal owner =
        folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Files.setOwner(file, owner);
      }
    }
    Files.setOwner(folder, owner);
  }

  private void awaitListening(int port) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String log = Files.readString(folder.resolve("pgbouncer.log"));
        close();
        throw new IllegalStateException("PgBouncer stopped at start: " + log.strip());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        // still starting
      }
    }
    close();
    throw new IllegalStateException("PgBouncer did not listen on port " + port + " in 15 s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static byte[] random(int n) {
    byte[] bytes = new byte[n];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  /** Stops PgBouncer (SIGTERM, as its service does) and removes its folder. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
