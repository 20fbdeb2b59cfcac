package dev.arbiter.tools.demo;

import static dev.arbiter.tools.demo.DemoFixtures.SEED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * At scale the demo looks like a marketplace's history rather than a busy desk: most disputes,
 * flags and checkpoints are closed, closed cases are old and open ones recent (a few stuck for
 * weeks), and a few parties have many contracts. The queues' plans and the benchmarks depend on it:
 * an even mix of open and closed hides the cost of walking past closed work. The base demo keeps
 * its open work ({@code DemoDataContentIT}).
 */
class DemoRealismIT {

  private static TestDatabase db;

  @BeforeAll
  static void load() throws SQLException {
    db = TestDatabase.fresh();
    DemoFixtures.load(db, DemoScale.of(100).withBulk(true), SEED);
  }

  @Test
  void nineInTenDisputesAreClosedAndTheOpenOnesAreRecentWithATail() throws SQLException {
    assertThat(share("disputes", "status NOT IN ('resolved', 'closed')")).isBetween(0.05, 0.15);
    assertThat(
            number(
                "SELECT (percentile_disc(0.5) WITHIN GROUP (ORDER BY now() - opened_at)"
                    + " < (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY now() - opened_at)"
                    + " FROM disputes WHERE status IN ('resolved', 'closed')))::int"
                    + " FROM disputes WHERE status NOT IN ('resolved', 'closed')"))
        .isEqualTo(1);
    assertThat(
            number(
                "SELECT count(*) FROM disputes WHERE status NOT IN ('resolved', 'closed')"
                    + " AND opened_at < '"
                    + DemoFixtures.BASE
                    + "'::timestamptz - interval '14 days'"))
        .isPositive();
  }

  @Test
  void mostFlagsAreDecidedAndMostCheckpointsFinished() throws SQLException {
    assertThat(share("moderation_flags", "status = 'open'")).isLessThan(0.25);
    assertThat(share("escrow_checkpoints", "status IN ('submitted', 'approved', 'on_hold')"))
        .isLessThan(0.25);
  }

  @Test
  void aFewBusyPartiesHaveManyContracts() throws SQLException {
    // The busiest one percent of clients hold well over one percent of the contracts.
    assertThat(
            number(
                "SELECT (100 * sum(n) / (SELECT count(*) FROM contracts))::int FROM (SELECT"
                    + " count(*) AS n FROM contracts GROUP BY client_id ORDER BY n DESC LIMIT"
                    + " (SELECT greatest(1, count(DISTINCT client_id) / 100) FROM contracts)) top"))
        .isGreaterThanOrEqualTo(10);
  }

  private static double share(String table, String condition) throws SQLException {
    return number(
            "SELECT (10000 * count(*) FILTER (WHERE "
                + condition
                + ") / count(*))::int FROM "
                + table)
        / 10_000.0;
  }

  private static long number(String sql) throws SQLException {
    return DemoFixtures.number(db, sql);
  }
}
