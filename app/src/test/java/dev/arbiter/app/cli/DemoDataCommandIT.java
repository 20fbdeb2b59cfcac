package dev.arbiter.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataCommandIT {

  @TempDir Path home;

  private int arbiter(Map<String, String> extraEnv, StringWriter err, String... args) {
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put("ARBITER_HOME", home.toString());
    var cli = ArbiterCli.commandLine(env);
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void loadsOnceAndReplacesOnlyWhenAskedTo() {
    assertThat(arbiter(Map.of(), new StringWriter(), "demo-data")).isZero();

    StringWriter again = new StringWriter();
    assertThat(arbiter(Map.of(), again, "demo-data")).isEqualTo(ArbiterCli.USAGE_OR_CONNECTION);
    assertThat(again.toString()).contains("already has data").contains("--reset");

    assertThat(arbiter(Map.of(), new StringWriter(), "demo-data", "--reset", "--scale", "2"))
        .isZero();
  }

  @Test
  void refusesASharedServer() {
    StringWriter err = new StringWriter();
    int code =
        arbiter(
            Map.of("ARBITER_DB_URL", "jdbc:postgresql://db.example:5432/arbiter"),
            err,
            "demo-data");
    assertThat(code).isEqualTo(ArbiterCli.USAGE_OR_CONNECTION);
    assertThat(err.toString()).contains("never a shared server");
  }

  @Test
  void refusesAScaleBelowOne() {
    StringWriter err = new StringWriter();
    assertThat(arbiter(Map.of(), err, "demo-data", "--scale", "0"))
        .isEqualTo(ArbiterCli.USAGE_OR_CONNECTION);
    assertThat(err.toString())
        .isEqualTo(
            "arbiter: invalid value for option '--scale': '0' is not a whole number from 1 to"
                + " 166666\n");
  }
}
