package dev.arbiter.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistent embedded server as the desktop runs it, started once (through {@link
 * EmbeddedRuntime}, as every command does) in a temporary Arbiter home that an earlier version left
 * readable to others: durable, no trusted login, the superuser's password in a private libpq
 * password file, no Unix socket, and the home private.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class EmbeddedServerIT {

  @TempDir static Path folder;

  private static ArbiterHome home;
  private static EmbeddedRuntime server;

  @BeforeAll
  static void start() throws Exception {
    home = new ArbiterHome(folder.resolve("home"));
    if (posix()) {
      looseHomeAsEarlierVersionsLeftIt();
    }
    server = EmbeddedRuntime.attachOrStart(home, "test");
  }

  private static void looseHomeAsEarlierVersionsLeftIt() throws Exception {
    var folderMode =
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"));
    var fileMode =
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"));
    Files.createDirectories(home.drafts(), folderMode);
    Files.setPosixFilePermissions(home.root(), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createFile(home.configFile(), fileMode);
    Files.createFile(home.serverLog(), fileMode);
    Files.createFile(home.drafts().resolve("demo_support.json"), fileMode);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String url(String database) {
    return "jdbc:postgresql://localhost:" + server.port() + "/" + database;
  }

  @Test
  void persistentServerFlushesEveryCommitToDisk() throws SQLException {
    try (Connection c = server.open("postgres")) {
      assertThat(show(c, "fsync")).isEqualTo("on");
      assertThat(show(c, "full_page_writes")).isEqualTo("on");
      assertThat(show(c, "synchronous_commit")).isEqualTo("on");
    }
  }

  @Test
  void superuserWithoutItsPasswordIsRefusedOverTcp() {
    assertThatThrownBy(() -> DriverManager.getConnection(url("postgres"), "postgres", ""))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> DriverManager.getConnection(url("postgres"), "postgres", "wrong"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password authentication failed");
  }

  @Test
  void superuserLogsInWithThePasswordFromThePgpassFile() throws SQLException {
    String password = PgPassFile.read(home.pgpassFile()).orElseThrow();
    try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", password)) {
      assertThat(query(c, "SELECT current_user")).isEqualTo("postgres");
      assertThat(query(c, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"))
          .isEqualTo("true");
    }
  }

  @Test
  void pgpassIsPrivateAndInLibpqFormat() throws Exception {
    assumeTrue(posix());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.pgpassFile())))
        .isEqualTo("rw-------");
    List<String> lines = Files.readAllLines(home.pgpassFile());
    assertThat(lines)
        .isNotEmpty()
        .allMatch(line -> line.matches("(localhost|127\\.0\\.0\\.1):\\*:\\*:postgres:[\\w-]{43}"));
  }

  @Test
  void psqlLogsInWithPgpassfileAndNothingElse() throws Exception {
    String psql = onPath("psql");
    assumeTrue(psql != null, "psql is not installed");
    ProcessBuilder builder =
        new ProcessBuilder(
            psql,
            "-w",
            "-h",
            "localhost",
            "-p",
            String.valueOf(server.port()),
            "-U",
            "postgres",
            "-tAc",
            "SELECT current_user",
            "postgres");
    builder.environment().keySet().removeIf(k -> k.startsWith("PG"));
    builder.environment().put("PGPASSFILE", home.pgpassFile().toString());
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    assertThat(out.trim()).isEqualTo("postgres");
  }

  @Test
  void nothingIsTrustedAndNoUnixSocketIsOpen() throws Exception {
    try (Connection c = server.open("postgres")) {
      assertThat(show(c, "unix_socket_directories")).isEmpty();
      assertThat(show(c, "listen_addresses")).isEqualTo("localhost");
      assertThat(
              query(
                  c,
                  "SELECT count(*)::text FROM pg_hba_file_rules"
                      + " WHERE auth_method <> 'scram-sha-256' OR error IS NOT NULL"))
          .isEqualTo("0");
    }
    assertThat(ServerAuthentication.trusts(home.pgData())).isFalse();
  }

  @Test
  void startMakesTheHomeAndWhatArbiterKeepsThereReadableByTheUserOnly() throws Exception {
    assumeTrue(posix());
    assertThat(mode(home.root())).isEqualTo("rwx------");
    assertThat(mode(home.pgData())).isEqualTo("rwx------");
    assertThat(mode(home.drafts())).isEqualTo("rwx------");
    for (Path file :
        List.of(
            home.pgpassFile(),
            home.serverStateFile(),
            home.configFile(),
            home.serverLog(),
            home.drafts().resolve("demo_support.json"))) {
      assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------");
    }
  }

  private static boolean posix() {
    return folder.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static String onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }

  private static String show(Connection c, String setting) throws SQLException {
    return query(c, "SHOW " + setting);
  }

  private static String query(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
