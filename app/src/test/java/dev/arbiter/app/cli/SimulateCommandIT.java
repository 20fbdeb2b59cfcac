package dev.arbiter.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.testing.TestDatabase;
import dev.arbiter.tools.demo.DemoDataLoader;
import dev.arbiter.tools.demo.DemoScale;
import dev.arbiter.tools.demo.ProgressListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arbiter simulate}: on the embedded demo, on a shared server, and its usage errors. */
class SimulateCommandIT {

  private static TestDatabase shared;

  @TempDir Path home;

  private record Run(int exitCode, String out, String err) {}

  @BeforeAll
  static void sharedServerWithTheDemoMarketplace() throws Exception {
    shared = TestDatabase.fresh();
    try (Connection owner = shared.migrator()) {
      new DemoDataLoader(Clock.systemUTC())
          .load(owner, DemoScale.of(1), 11L, ProgressListener.NONE);
    }
  }

  private Run arbiter(Map<String, String> extraEnv, String... args) {
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put("ARBITER_HOME", home.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = ArbiterCli.commandLine(env);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Map<String, String> sharedServer(String password) {
    Map<String, String> env = new HashMap<>();
    env.put("ARBITER_DB_URL", shared.jdbcUrl());
    if (password != null) {
      env.put(SimulateCommand.PASSWORD_VARIABLE, password);
    }
    return env;
  }

  @Test
  void simulatesOnTheEmbeddedDemoDatabase() {
    Run run = arbiter(Map.of(), "simulate", "--rate", "5", "--duration", "2s", "--seed", "5");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("loaded demo data").contains("as demo_backend");
    assertThat(run.out())
        // The achieved rate is the machine's (a slow disk gives 4.99); the count is the plan's.
        .startsWith("simulated 10 operations in 2.0 s: ")
        .contains("ops/s achieved (asked 5)")
        .contains("p50 ms");
  }

  @Test
  void simulatesOnASharedServerWithProgressEverySecond() {
    Run run =
        arbiter(
            sharedServer("demo"),
            "simulate",
            "--rate",
            "10",
            "--duration",
            "2",
            "--mix",
            "message=1,flag=1",
            "--seed",
            "9");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("mix message=1,flag=1").containsPattern("1\\.0 s: \\d+ ops");
    assertThat(run.out())
        .startsWith("simulated 20 operations")
        .contains("message")
        .contains("flag");
  }

  @Test
  void aSharedServerNeedsTheBackendPassword() {
    Run run = arbiter(sharedServer(null), "simulate", "--rate", "5", "--duration", "1s");

    assertThat(run.exitCode()).isEqualTo(ArbiterCli.USAGE_OR_CONNECTION);
    assertThat(run.err()).contains("ARBITER_SIMULATE_PASSWORD");
  }

  @Test
  void aStaffLoginIsRefusedAsNotTheBackend() {
    Run run =
        arbiter(
            sharedServer("demo"),
            "simulate",
            "--rate",
            "5",
            "--duration",
            "1s",
            "--login",
            "demo_support");

    assertThat(run.exitCode()).isEqualTo(ArbiterCli.USAGE_OR_CONNECTION);
    assertThat(run.err()).contains("demo_support is not a member of marketplace_backend");
  }

  @Test
  void badRatesDurationsAndMixesAreUsageErrors() {
    Run zero = arbiter(Map.of(), "simulate", "--rate", "0", "--duration", "5s");
    assertThat(zero.exitCode()).isEqualTo(ArbiterCli.USAGE_OR_CONNECTION);
    assertThat(zero.err())
        .contains("'0' is not a rate: a number of operations per second from 0.01");

    Run word = arbiter(Map.of(), "simulate", "--rate", "fast", "--duration", "5s");
    assertThat(word.exitCode()).isEqualTo(ArbiterCli.USAGE_OR_CONNECTION);
    assertThat(word.err()).contains("--rate");

    Run duration = arbiter(Map.of(), "simulate", "--rate", "1", "--duration", "soon");
    assertThat(duration.exitCode()).isEqualTo(ArbiterCli.USAGE_OR_CONNECTION);
    assertThat(duration.err()).contains("not a duration");

    Run mix = arbiter(Map.of(), "simulate", "--rate", "1", "--duration", "5s", "--mix", "x=1");
    assertThat(mix.exitCode()).isEqualTo(ArbiterCli.USAGE_OR_CONNECTION);
    assertThat(mix.err()).contains("unknown kind 'x'");

    Run missing = arbiter(Map.of(), "simulate", "--duration", "5s");
    assertThat(missing.exitCode()).isEqualTo(ArbiterCli.USAGE_OR_CONNECTION);
    assertThat(missing.err()).contains("--rate");
  }
}
