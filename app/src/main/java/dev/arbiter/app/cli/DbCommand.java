package dev.arbiter.app.cli;

import dev.arbiter.persistence.db.ArbiterHome;
import dev.arbiter.persistence.db.EmbeddedRuntime;
import dev.arbiter.persistence.db.PrivateFiles;
import dev.arbiter.persistence.db.ServerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code db start|stop|status}: the embedded PostgreSQL as a server of its own. */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description = "Start, stop or inspect the embedded PostgreSQL server.")
public final class DbCommand {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  @ParentCommand private ArbiterCommand root;

  @Command(
      name = "start",
      description = {
        "Start the embedded server in the background (migrated, with demo data) and print its"
            + " JDBC URL. It keeps running after this command returns."
      })
  int start() throws IOException, InterruptedException {
    ArbiterHome home = embeddedHome();
    Optional<EmbeddedRuntime> running = EmbeddedRuntime.attach(home);
    if (running.isPresent()) {
      System.err.println("already running");
      System.out.println(running.get().jdbcUrl());
      return ArbiterCli.OK;
    }
    home.makePrivate();
    // The daemon's output is appended to the log; made here first so it is born 0600.
    PrivateFiles.ensureFile(home.serverLog());
    Process daemon = spawnDaemon(home);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ServerState> state =
          ServerState.live(home.serverStateFile()).filter(s -> s.pid() == daemon.pid());
      if (state.isPresent() && state.get().ready()) {
        System.err.println("started (pid " + daemon.pid() + ", log " + home.serverLog() + ")");
        System.out.println(state.get().jdbcUrl());
        return ArbiterCli.OK;
      }
      if (!daemon.isAlive()) {
        throw new UserFacingException(
            "the embedded server did not start: " + lastLine(home.serverLog()));
      }
      Thread.sleep(200);
    }
    daemon.destroy();
    throw new UserFacingException(
        "the embedded server did not become ready in "
            + START_TIMEOUT.toSeconds()
            + " s; see "
            + home.serverLog());
  }

  @Command(name = "stop", description = "Stop the embedded server started by 'db start'.")
  int stop() throws InterruptedException {
    ArbiterHome home = embeddedHome();
    Optional<ServerState> state = ServerState.live(home.serverStateFile());
    if (state.isEmpty()) {
      ServerState.delete(home.serverStateFile());
      System.out.println("stopped");
      return ArbiterCli.OK;
    }
    if (!"daemon".equals(state.get().owner())) {
      throw new UserFacingException(
          "the embedded server belongs to a running console (pid "
              + state.get().pid()
              + "); close the console to stop it");
    }
    ProcessHandle process = ProcessHandle.of(state.get().pid()).orElseThrow();
    process.destroy();
    long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
    while (process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    if (process.isAlive()) {
      throw new UserFacingException(
          "the embedded server (pid " + process.pid() + ") did not stop in time");
    }
    System.out.println("stopped");
    return ArbiterCli.OK;
  }

  @Command(name = "status", description = "Print the embedded server's JDBC URL, or 'stopped'.")
  int status() {
    ArbiterHome home = embeddedHome();
    Optional<EmbeddedRuntime> running = EmbeddedRuntime.attach(home);
    System.out.println(running.map(EmbeddedRuntime::jdbcUrl).orElse("stopped"));
    return ArbiterCli.OK;
  }

  private ArbiterHome embeddedHome() {
    var settings = root.settings();
    if (!settings.embedded()) {
      throw new UserFacingException(
          "ARBITER_DB_URL points at a shared server; 'db' manages only the embedded one");
    }
    return settings.home();
  }

  private static Process spawnDaemon(ArbiterHome home) throws IOException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ServerDaemon.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("ARBITER_HOME", home.root().toString());
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(home.serverLog().toFile()));
    return builder.start();
  }

  private static String lastLine(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (!lines.get(i).isBlank()) {
          return lines.get(i).trim();
        }
      }
    } catch (IOException e) {
      // Fall through to the generic hint.
    }
    return "see " + log;
  }
}
