package dev.arbiter.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code arbiter} in-process and captures what it prints, for tests of input that must be
 * refused before any database is touched. The database URL points at a port nothing listens on, so
 * a command that wrongly goes on to connect fails fast and visibly ("could not connect") instead of
 * starting an embedded server.
 */
record CliRun(int exitCode, String out, String err) {

  static final String UNREACHABLE_DB = "jdbc:postgresql://127.0.0.1:1/arbiter";

  static CliRun offline(Path home, String... args) {
    return run(
        Map.of(
            "ARBITER_HOME",
            home.toString(),
            "ARBITER_DB_URL",
            UNREACHABLE_DB,
            "ARBITER_DB_USER",
            "nobody",
            "ARBITER_DB_PASSWORD",
            "none"),
        args);
  }

  static CliRun run(Map<String, String> env, String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      var cli = ArbiterCli.commandLine(env);
      cli.setOut(new PrintWriter(System.out, true));
      cli.setErr(new PrintWriter(System.err, true));
      int code = cli.execute(args);
      return new CliRun(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /** Exit 2, nothing on stdout, one line on stderr: no usage text, no stack, no Java names. */
  CliRun refusedInOneLine() {
    assertThat(exitCode).as(err).isEqualTo(ArbiterCli.USAGE_OR_CONNECTION);
    assertThat(out).as("stdout").isEmpty();
    List<String> lines = err.lines().toList();
    assertThat(lines).as(err).hasSize(1);
    assertThat(lines.get(0))
        .startsWith("arbiter: ")
        .doesNotContain("Exception", "java.", "picocli", "Usage:", "\tat ")
        .doesNotContain("could not connect");
    return this;
  }

  /** Makes a FIFO with mkfifo(1); the caller skips its case where there is none. */
  static boolean mkfifo(Path path) {
    try {
      Process process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
