package dev.arbiter.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbCommandIT {

  @TempDir Path home;

  private record Run(int exitCode, String out, String err) {}

  private Run arbiter(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      var cli = ArbiterCli.commandLine(Map.of("ARBITER_HOME", home.toString()));
      cli.setOut(new java.io.PrintWriter(System.out, true));
      cli.setErr(new java.io.PrintWriter(System.err, true));
      int code = cli.execute(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void dbStartKeepsTheServerRunningUntilDbStop() throws Exception {
    assertThat(arbiter("db", "status").out().trim()).isEqualTo("stopped");

    Run start = arbiter("db", "start");
    assertThat(start.exitCode()).as(start.err()).isZero();
    String url = start.out().trim();
    assertThat(url).matches("jdbc:postgresql://localhost:\\d+/arbiter");

    // The server outlives the command and checks staff passwords.
    try (var c = DriverManager.getConnection(url, "demo_support", "demo")) {
      var rs = c.createStatement().executeQuery("SELECT count(*) FROM staff_accounts");
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(5);
    }
    assertThat(arbiter("db", "status").out().trim()).isEqualTo(url);
    assertThat(arbiter("db", "start").out().trim()).isEqualTo(url);
    assertOnlyTheUserCanReadWhatTheServerLeftInTheHome();

    Run stop = arbiter("db", "stop");
    assertThat(stop.exitCode()).isZero();
    assertThat(arbiter("db", "status").out().trim()).isEqualTo("stopped");
    assertThat(Files.exists(home.resolve("server.json"))).isFalse();
  }

  private void assertOnlyTheUserCanReadWhatTheServerLeftInTheHome() throws Exception {
    if (!home.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    assertThat(mode(home)).isEqualTo("rwx------");
    for (String file : List.of("server.log", "server.json", "pgpass")) {
      assertThat(mode(home.resolve(file))).as(file).isEqualTo("rw-------");
    }
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void unknownCommandIsAUsageError() {
    Run run = arbiter("no-such-command");
    assertThat(run.exitCode()).isEqualTo(ArbiterCli.USAGE_OR_CONNECTION);
    assertThat(run.err()).contains("unknown command 'no-such-command' for arbiter");
  }

  @Test
  void sharedServerThatDoesNotAnswerIsAConnectionError() {
    var cli =
        ArbiterCli.commandLine(
            Map.of(
                "ARBITER_HOME", home.toString(),
                "ARBITER_DB_URL", "jdbc:postgresql://localhost:1/arbiter?connectTimeout=2",
                "ARBITER_DB_USER", "arbiter_migrator"));
    var err = new java.io.StringWriter();
    cli.setErr(new java.io.PrintWriter(err, true));
    assertThat(cli.execute("migrate")).isEqualTo(ArbiterCli.USAGE_OR_CONNECTION);
    assertThat(err.toString()).startsWith("arbiter: migration failed on").doesNotContain("\tat ");
  }
}
