package dev.arbiter.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.RawMoney;
import dev.arbiter.persistence.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arbiter ledger verify} against a shared server: exit 0 clean, 1 naming the rows, 2. */
class LedgerCommandIT {

  @TempDir Path home;

  private record Run(int exitCode, String out, String err) {}

  private Run arbiter(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = ArbiterCli.commandLine(env);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void verifyExitsZeroWhenCleanAndOneNamingTheOffendingWallet() throws Exception {
    TestDatabase db = TestDatabase.fresh();
    long wallet;
    try (Connection owner = db.migrator();
        Connection fran = db.as("demo_finance")) {
      MoneyFixture.Deal deal = MoneyFixture.deal(owner, "USD", 20_000);
      long cp = MoneyFixture.approved(owner, deal, 10_000, "demo_finance2");
      assertThat(RawMoney.call(fran, "release_checkpoint", cp, null, "cli-release-1").ok())
          .isTrue();
      wallet =
          MoneyFixture.longValue(
              owner, "SELECT id FROM wallets WHERE owner_user_id = ?", deal.freelancer());
    }
    Map<String, String> env =
        Map.of(
            "ARBITER_HOME",
            home.toString(),
            "ARBITER_DB_URL",
            db.jdbcUrl(),
            "ARBITER_DB_USER",
            "demo_finance",
            "ARBITER_DB_PASSWORD",
            "demo");

    Run clean = arbiter(env, "ledger", "verify");
    assertThat(clean.exitCode()).as(clean.err()).isZero();
    assertThat(clean.out()).startsWith("ledger clean: 2 journals, 4 entries, 3 wallets");

    try (Connection owner = db.migrator()) {
      Fixtures.update(owner, "UPDATE wallets SET balance_minor = 1 WHERE id = ?", wallet);
    }
    Run broken = arbiter(env, "ledger", "verify");
    assertThat(broken.exitCode()).isEqualTo(1);
    assertThat(broken.out()).contains("wallet " + wallet + ": balance 1 USD");
  }

  @Test
  void verifyOnASharedServerWithoutALoginIsAUsageError() {
    Run run =
        arbiter(
            Map.of("ARBITER_HOME", home.toString(), "ARBITER_DB_URL", "jdbc:postgresql://x/y"),
            "ledger",
            "verify");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("ARBITER_DB_USER");
  }
}
