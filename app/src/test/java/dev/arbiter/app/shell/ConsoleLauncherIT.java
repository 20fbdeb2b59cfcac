package dev.arbiter.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.session.ConsoleTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Launching without a usable display, in a fresh JVM (the toolkit starts once per JVM): the command
 * line must get one clear line, not a stack trace.
 */
class ConsoleLauncherIT {

  /** Runs the launcher the way the command line does and prints what it would print. */
  public static final class Probe {
    public static void main(String[] args) {
      try {
        ConsoleLauncher.launch(
            new ConsoleTarget("jdbc:postgresql://localhost:1/arbiter", false, "probe"),
            java.nio.file.Path.of(System.getProperty("java.io.tmpdir")),
            null);
        System.out.println("window closed");
      } catch (ConsoleUnavailableException e) {
        System.out.println(e.getMessage());
        System.exit(2);
      }
    }
  }

  private record Outcome(int exitCode, String out, String err) {}

  @Test
  void withoutAnyDisplayLaunchFailsWithOneLineAndNoStackTrace() throws Exception {
    Outcome outcome = probe(null);

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.out().strip())
        .isEqualTo(
            "cannot open the console window: no graphical display (DISPLAY is not set);"
                + " run it in a desktop session, or use the command-line subcommands");
    assertThat(outcome.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void withAnUnreachableDisplayLaunchFailsWithOneLine() throws Exception {
    Outcome outcome = probe(":93");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.out().strip())
        .startsWith("cannot open the console window: ")
        .doesNotContain("\n");
    assertThat(outcome.err()).doesNotContain("\tat ");
  }

  private static Outcome probe(String display) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
            List.of(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Djava.awt.headless=true",
                Probe.class.getName()));
    Map<String, String> env = builder.environment();
    env.remove("WAYLAND_DISPLAY");
    if (display == null) {
      env.remove("DISPLAY");
    } else {
      env.put("DISPLAY", display);
    }
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("launcher did not give up within 60 s");
    }
    return new Outcome(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}
