package dev.arbiter.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.dashboard.DashboardFigures;
import dev.arbiter.persistence.dashboard.DashboardFigures.HeldFunds;
import dev.arbiter.persistence.dashboard.DashboardService;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's figures on the demo marketplace equal counts taken straight from the tables (the
 * hand-counted fixture is {@code DashboardServiceIT}'s); the demo gives every figure something to
 * count.
 */
class DemoDashboardIT {

  @Test
  void figuresEqualIndependentCountsOnTheDemoMarketplace() throws Exception {
    TestDatabase demo = TestDatabase.fresh();
    try (Connection owner = demo.migrator()) {
      new DemoDataLoader(Clock.systemUTC()).load(owner, DemoScale.of(1), 7L, ProgressListener.NONE);
    }
    DashboardFigures figures;
    try (StaffDatabase staff =
        StaffDatabase.open(
            new ConsoleTarget(demo.jdbcUrl(), true, "test"), "demo_support", "demo")) {
      figures = new DashboardService(staff.access()).load();
    }

    assertThat(figures.openDisputesByStatus().values()).allMatch(n -> n > 0);
    assertThat(figures.escrowHeld()).hasSizeGreaterThanOrEqualTo(3);
    try (Connection c = demo.superuser()) {
      for (String status : DashboardFigures.OPEN_DISPUTE_STATUSES) {
        assertThat(figures.openDisputesByStatus().get(status))
            .as(status)
            .isEqualTo(count(c, "SELECT count(*) AS n FROM disputes WHERE status = ?", status));
      }
      assertThat(figures.slaBreachedDisputes())
          .isEqualTo(
              count(
                  c,
                  "SELECT count(*) AS n FROM disputes WHERE response_due_at < now()"
                      + " AND status IN ('open', 'under_review', 'awaiting_parties', 'escalated',"
                      + " 'settling')"));
      assertThat(figures.checkpointsSubmitted())
          .isEqualTo(
              count(c, "SELECT count(*) AS n FROM escrow_checkpoints WHERE status = 'submitted'"));
      assertThat(figures.checkpointsApproved())
          .isEqualTo(
              count(c, "SELECT count(*) AS n FROM escrow_checkpoints WHERE status = 'approved'"));
      for (String severity : DashboardFigures.FLAG_SEVERITIES) {
        assertThat(figures.openFlagsBySeverity().get(severity))
            .as(severity)
            .isEqualTo(
                count(
                    c,
                    "SELECT count(*) AS n FROM moderation_flags"
                        + " WHERE status = 'open' AND severity = ?",
                    severity));
      }
      for (HeldFunds held : figures.escrowHeld()) {
        assertThat(held.heldMinor())
            .as(held.currency())
            .isEqualTo(
                count(
                    c,
                    "SELECT coalesce(sum(funded_minor), 0) - coalesce(sum(released_minor), 0)"
                        + " - coalesce(sum(refunded_minor), 0) AS n FROM escrows"
                        + " WHERE currency = ?",
                    held.currency()));
      }
      assertThat(figures.escrowHeld())
          .extracting(HeldFunds::currency)
          .containsExactlyInAnyOrderElementsOf(
              Jdbc.list(
                  c,
                  "SELECT currency FROM escrows GROUP BY currency"
                      + " HAVING sum(funded_minor - released_minor - refunded_minor) <> 0",
                  row -> row.text("currency")));
    }
  }

  private static long count(Connection c, String sql, Object... params) throws Exception {
    return Jdbc.list(c, sql, row -> row.getLong("n"), params).get(0);
  }
}
