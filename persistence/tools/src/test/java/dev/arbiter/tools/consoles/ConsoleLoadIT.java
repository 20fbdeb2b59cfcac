package dev.arbiter.tools.consoles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arbiter.persistence.db.StaffLogins;
import dev.arbiter.persistence.testing.TestDatabase;
import dev.arbiter.tools.demo.DemoDataLoader;
import dev.arbiter.tools.demo.DemoScale;
import dev.arbiter.tools.demo.ProgressListener;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hundred-console harness of {@code bench --only consoles}, with three consoles for a few
 * seconds: each signs in through PgBouncer (started by the harness, as the bench does) with a login
 * an admin made, reads both queues and hears every change the simulator committed; the connections
 * stay within the budget and the audit chain is intact afterwards. Behaviour only: the timings are
 * the bench's. Needs Debian's {@code pgbouncer} (CI installs it); skipped without it.
 */
@Timeout(300)
class ConsoleLoadIT {

  private static final int CONSOLES = 3;
  private static final int POOL_PER_LOGIN = 2;
  private static final int POOL_LIMIT = 4;

  @Test
  void everyConsoleHearsEveryCommittedChangeWithinTheConnectionBudget() throws Exception {
    assumeTrue(PgBouncer.available(), "PgBouncer is not installed");
    TestDatabase db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      new DemoDataLoader(Clock.systemUTC()).load(owner, DemoScale.of(1), 7L, ProgressListener.NONE);
    }
    ConsoleLoadResult result;
    try (PgBouncer bouncer =
        PgBouncer.start(db.jdbcUrl(), db.superuserDataSource(), POOL_PER_LOGIN, POOL_LIMIT)) {
      LoadServer server =
          new LoadServer(
              db.jdbcUrl(),
              bouncer.poolUrl(),
              db.superuserDataSource(),
              db.dataSource("demo_admin", StaffLogins.DEMO_PASSWORD),
              StaffLogins.DEMO_BACKEND,
              StaffLogins.DEMO_PASSWORD,
              POOL_PER_LOGIN,
              POOL_LIMIT);
      // Printed so that a failure can be rerun with the same stream of operations.
      long seed = 15L;
      System.out.println("ConsoleLoadIT seed " + seed);
      result =
          ConsoleLoad.run(
              server, new ConsoleLoadPlan(CONSOLES, Duration.ofSeconds(4), 20, seed), s -> {});
    }

    for (PhaseResult phase : new PhaseResult[] {result.single(), result.many()}) {
      assertThat(phase.committed()).as("the simulator committed").isPositive();
      assertThat(phase.expected()).as("announced changes in the audit trail").isPositive();
      assertThat(phase.lost()).as("changes a console never heard").isZero();
      assertThat(phase.offlines()).isZero();
      assertThat(phase.failedReads()).as(String.valueOf(phase.firstFailure())).isZero();
      assertThat(phase.disputesReads()).isPositive();
      assertThat(phase.disputesBusyMillis()).isPositive();
      assertThat(phase.releasesReads()).isPositive();
      assertThat(phase.peak().listeners()).isEqualTo(phase.consoles());
      assertThat(phase.peak().pooled())
          .as("server connections the pooler opened for the consoles")
          .isPositive()
          .isLessThanOrEqualTo(Math.min(POOL_PER_LOGIN * phase.consoles(), POOL_LIMIT));
      assertThat(phase.peak().budgeted()).isLessThanOrEqualTo(phase.budget());
    }
    assertThat(result.many().consoles()).isEqualTo(CONSOLES);
    assertThat(result.chain().intact()).as(String.valueOf(result.chain().firstBreak())).isTrue();
  }
}
