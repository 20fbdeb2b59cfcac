package dev.arbiter.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arbiter worker --once}: on a shared server as a login of the automation group, on the
 * embedded default, and refusing a login that is not the automation's.
 */
class WorkerCommandIT {

  private static TestDatabase shared;

  @TempDir Path home;

  @BeforeAll
  static void sharedServer() {
    shared = TestDatabase.fresh();
  }

  private CliRun arbiter(Map<String, String> extraEnv, String... args) {
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put("ARBITER_HOME", home.toString());
    return CliRun.run(env, args);
  }

  private static Map<String, String> sharedAs(String login) {
    return Map.of(
        "ARBITER_DB_URL",
        shared.jdbcUrl(),
        "ARBITER_DB_USER",
        login,
        "ARBITER_DB_PASSWORD",
        "demo");
  }

  @Test
  void onceActsOnWhatIsDueLogsEachActionAndAnchorsTheChain() throws Exception {
    long invite;
    try (Connection owner = shared.migrator()) {
      long workspace = Fixtures.workspace(owner, Fixtures.user(owner, "client"));
      invite =
          Fixtures.id(
              owner,
              "INSERT INTO workspace_invites (workspace_id, email, role, token_hash, expires_at,"
                  + " created_at) VALUES (?, ?, 'member', sha256('t'::bytea),"
                  + " now() - interval '1 minute', now() - interval '2 days')",
              workspace,
              "late" + Fixtures.next() + "@example.test");
    }
    Path anchor = home.resolve("anchor.txt");

    CliRun run =
        arbiter(sharedAs(TestDatabase.WORKER), "worker", "--once", "--anchor", anchor.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("invite-expiry")
        .contains("invite " + invite)
        .contains("anchor ")
        .containsPattern("worker ran \\d+ rules: [1-9]\\d* acted, 0 failed");
    assertThat(Files.readString(anchor)).contains("Arbiter audit chain anchor");
    try (Connection owner = shared.migrator()) {
      assertThat(Fixtures.value(owner, "SELECT status FROM workspace_invites WHERE id = ?", invite))
          .isEqualTo("expired");
    }
  }

  @Test
  void aStaffLoginIsNotTheAutomation() {
    CliRun run = arbiter(sharedAs("demo_finance"), "worker", "--once");

    assertThat(run.exitCode()).isEqualTo(ArbiterCli.USAGE_OR_CONNECTION);
    assertThat(run.err())
        .contains("login demo_finance is not a member of arbiter_automation")
        .doesNotContain("Exception");
  }

  @Test
  void aSharedServerNeedsTheWorkersLogin() {
    CliRun run =
        CliRun.run(
            Map.of("ARBITER_HOME", home.toString(), "ARBITER_DB_URL", shared.jdbcUrl()),
            "worker",
            "--once");

    assertThat(run.exitCode()).isEqualTo(ArbiterCli.USAGE_OR_CONNECTION);
    assertThat(run.err()).contains("set ARBITER_DB_USER (a login in arbiter_automation)");
  }

  @Test
  void onTheEmbeddedDefaultItRunsAsItsOwnLoginAndAnchorsInTheHome() throws Exception {
    CliRun run = arbiter(Map.of(), "worker", "--once");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("worker ran \\d+ rules: \\d+ acted, 0 failed");
    assertThat(Files.readString(home.resolve("audit-anchor.txt")))
        .contains("Arbiter audit chain anchor");
  }
}
