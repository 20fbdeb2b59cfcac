package dev.arbiter.tools.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.db.StaffLogins;
import dev.arbiter.persistence.testing.Latency;
import dev.arbiter.persistence.testing.TestDatabase;
import dev.arbiter.persistence.testing.Waits;
import dev.arbiter.tools.demo.DemoDataLoader;
import dev.arbiter.tools.demo.DemoScale;
import dev.arbiter.tools.demo.ProgressListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The simulator against the demo marketplace, logged in as the demo backend login. */
class TrafficSimulatorIT {

  private static TestDatabase db;

  @BeforeAll
  static void loadTheDemoMarketplace() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      new DemoDataLoader(Clock.systemUTC()).load(owner, DemoScale.of(1), 7L, ProgressListener.NONE);
    }
  }

  private static DataSource backend() {
    return db.dataSource(StaffLogins.DEMO_BACKEND, StaffLogins.DEMO_PASSWORD);
  }

  @Test
  void writesEveryKindAtTheRateUnderMarketplaceActorsNotTheLogin() throws Exception {
    long auditBefore = number("SELECT coalesce(max(id), 0) FROM audit_log");
    long disputesBefore = number("SELECT count(*) FROM disputes");
    long flagsBefore = number("SELECT count(*) FROM moderation_flags");
    List<SimulationProgress> ticks = new CopyOnWriteArrayList<>();
    SimulationPlan plan = new SimulationPlan(20, Duration.ofSeconds(2), 42L, TrafficMix.even(), 2);

    SimulationReport report = new TrafficSimulator(backend(), plan).run(ticks::add);

    // 40 ticks are due in two seconds at 20 a second; a slow machine skips late ones, and no
    // machine goes faster than the rate. How close it keeps to it is the timing run's to check.
    assertThat(report.progress().finished() + report.progress().late()).isEqualTo(40);
    assertThat(report.progress().finished()).isPositive();
    assertThat(report.progress().achievedRate()).isLessThanOrEqualTo(20.0);
    assertThat(report.progress().committed()).allSatisfy((kind, n) -> assertThat(n).isPositive());
    assertThat(report.stoppedEarly()).isFalse();
    assertThat(ticks).isNotEmpty();
    assertThat(report.latencies().get(OperationKind.MESSAGE).p95())
        .isGreaterThanOrEqualTo(report.latencies().get(OperationKind.MESSAGE).p50())
        .isPositive();

    long disputesOpened = report.progress().committed().get(OperationKind.DISPUTE);
    assertThat(number("SELECT count(*) FROM disputes")).isEqualTo(disputesBefore + disputesOpened);
    assertThat(number("SELECT count(*) FROM moderation_flags"))
        .isEqualTo(flagsBefore + report.progress().committed().get(OperationKind.FLAG));
    assertThat(
            number(
                "SELECT count(*) FROM escrow_checkpoints WHERE status = 'submitted'"
                    + " AND submitted_at > now() - interval '1 minute'"))
        .isEqualTo(report.progress().committed().get(OperationKind.SUBMISSION));

    Set<String> tables =
        strings(
            "SELECT DISTINCT entity_type FROM audit_log WHERE id > "
                + auditBefore
                + " AND db_user = 'demo_backend'");
    assertThat(tables)
        .contains(
            "disputes",
            "dispute_messages",
            "escrow_checkpoints",
            "moderation_flags",
            "contracts",
            "escrows",
            "journals")
        .containsAnyOf("workspaces", "workspace_members", "workspace_invites");
    Set<String> actors =
        strings(
            "SELECT DISTINCT actor FROM audit_log WHERE id > "
                + auditBefore
                + " AND db_user = 'demo_backend'");
    assertThat(actors)
        .isNotEmpty()
        .doesNotContain("demo_backend")
        .allMatch(
            a -> a.matches("user:\\d+@(web|ios|android|email)|svc:[a-z]+"), "a user or a service");
    assertThat(
            strings(
                "SELECT DISTINCT client_info FROM audit_log WHERE id > "
                    + auditBefore
                    + " AND db_user = 'demo_backend'"))
        .containsExactly(TrafficSimulator.APPLICATION_NAME);
  }

  @Test
  void refusedWritesAreCountedByReasonAndTheRunGoesOn() throws Exception {
    execute("REVOKE INSERT ON moderation_flags FROM marketplace_backend");
    try {
      SimulationPlan plan =
          new SimulationPlan(20, Duration.ofSeconds(1), 7L, TrafficMix.only(OperationKind.FLAG), 1);

      SimulationReport report = new TrafficSimulator(backend(), plan).run(p -> {});

      assertThat(report.progress().finished()).isEqualTo(20);
      assertThat(report.committed()).isZero();
      assertThat(report.progress().refused()).isEqualTo(20);
      assertThat(report.refusals()).containsOnlyKeys("permission denied");
      assertThat(String.join("\n", report.lines())).contains("permission denied").contains("20");
    } finally {
      execute("GRANT INSERT ON moderation_flags TO marketplace_backend");
    }
  }

  @Test
  @Tag("timing")
  void keepsCloseToTheRateOnAQuietMachine() {
    // Messages only: the other tests count the disputes, flags and submissions their run made.
    SimulationPlan plan =
        new SimulationPlan(
            20, Duration.ofSeconds(2), 42L, TrafficMix.only(OperationKind.MESSAGE), 2);

    SimulationReport report = new TrafficSimulator(backend(), plan).run(p -> {});

    assertThat(report.progress().finished()).isBetween(34L, 40L);
    assertThat(report.progress().achievedRate()).isBetween(15.0, 20.0);
  }

  @Test
  void stopEndsALongRunWithinASecond() throws SQLException {
    TrafficSimulator simulator =
        new TrafficSimulator(backend(), SimulationPlan.of(5, Duration.ofMinutes(10)).withSeed(3L));
    long auditBefore = number("SELECT coalesce(max(id), 0) FROM audit_log");
    // Stopped once the run is under way: its first operation has committed.
    Thread stopper =
        new Thread(
            () -> {
              Waits.atMost(Duration.ofSeconds(30))
                  .until(() -> number("SELECT max(id) FROM audit_log") > auditBefore);
              simulator.stop();
            });
    long began = System.nanoTime();
    stopper.start();

    SimulationReport report = simulator.run(p -> {});

    assertThat(Duration.ofNanos(System.nanoTime() - began))
        .isLessThan(Latency.target(Duration.ofSeconds(3)));
    assertThat(report.stoppedEarly()).isTrue();
    assertThat(report.progress().finished()).isBetween(1L, 6L);
  }

  @Test
  void refusesALoginOutsideTheBackend() {
    DataSource support = db.dataSource("demo_support", StaffLogins.DEMO_PASSWORD);
    TrafficSimulator simulator =
        new TrafficSimulator(support, SimulationPlan.of(1, Duration.ofSeconds(1)));

    assertThatThrownBy(() -> simulator.run(p -> {}))
        .isInstanceOf(SimulationException.class)
        .hasMessageContaining("demo_support is not a member of marketplace_backend");
  }

  @Test
  void aWrongPasswordIsAConnectionFailure() {
    TrafficSimulator simulator =
        new TrafficSimulator(
            db.dataSource(StaffLogins.DEMO_BACKEND, "wrong"),
            SimulationPlan.of(1, Duration.ofSeconds(1)));

    assertThatThrownBy(() -> simulator.run(p -> {}))
        .isInstanceOf(SimulationException.class)
        .hasMessageStartingWith("cannot connect to the database");
  }

  /** The one number a one-row, one-column query answers, whatever its column is called. */
  private static long number(String sql) throws SQLException {
    try (Connection c = db.superuser()) {
      return Jdbc.list(c, "SELECT (" + sql + ") AS n", row -> row.getLong("n")).get(0);
    }
  }

  /** The values of a one-column query, whatever its column is called. */
  private static Set<String> strings(String sql) throws SQLException {
    try (Connection c = db.superuser()) {
      return new TreeSet<>(
          Jdbc.list(c, "SELECT q.value FROM (" + sql + ") AS q(value)", row -> row.text("value")));
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = db.migrator();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
