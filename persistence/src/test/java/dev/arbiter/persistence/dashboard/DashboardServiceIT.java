package dev.arbiter.persistence.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.dashboard.DashboardFigures.HeldFunds;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.session.StaffDatabaseException;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DashboardServiceIT {

  private static TestDatabase db;

  @BeforeAll
  static void createDatabase() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      DashboardFixture.insert(owner);
    }
  }

  @Test
  void figuresMatchTheHandCountedFixture() throws Exception {
    DashboardFigures figures = loadAs(db, "demo_support");

    assertThat(figures.openDisputesByStatus())
        .containsExactlyEntriesOf(inWorkflowOrder(DashboardFixture.OPEN_DISPUTES));
    assertThat(figures.openDisputes()).isEqualTo(7);
    assertThat(figures.slaBreachedDisputes()).isEqualTo(DashboardFixture.SLA_BREACHED);
    assertThat(figures.checkpointsSubmitted()).isEqualTo(DashboardFixture.CHECKPOINTS_SUBMITTED);
    assertThat(figures.checkpointsApproved()).isEqualTo(DashboardFixture.CHECKPOINTS_APPROVED);
    assertThat(figures.openFlagsBySeverity())
        .containsExactly(
            Map.entry("critical", 1L),
            Map.entry("high", 2L),
            Map.entry("medium", 0L),
            Map.entry("low", 1L));
    assertThat(figures.escrowHeld())
        .containsExactly(
            new HeldFunds("BHD", 12_345, 1),
            new HeldFunds("JPY", 150_000, 1),
            new HeldFunds("USD", 120_000, 2));
  }

  @Test
  void figuresEqualIndependentCountsFromTheTables() throws Exception {
    DashboardFigures figures = loadAs(db, "demo_finance");
    assertEqualsIndependentCounts(db, figures);
    assertThat(figures.escrowHeld())
        .extracting(HeldFunds::currency)
        .containsExactly("BHD", "JPY", "USD");
  }

  private static void assertEqualsIndependentCounts(TestDatabase db, DashboardFigures figures)
      throws Exception {
    try (Connection c = db.superuser()) {
      for (String status : DashboardFigures.OPEN_DISPUTE_STATUSES) {
        assertThat(figures.openDisputesByStatus().get(status))
            .as(status)
            .isEqualTo(count(c, "SELECT count(*) FROM disputes WHERE status = ?", status));
      }
      assertThat(figures.slaBreachedDisputes())
          .isEqualTo(
              count(
                  c,
                  "SELECT count(*) FROM disputes WHERE response_due_at < now()"
                      + " AND status IN ('open', 'under_review', 'awaiting_parties', 'escalated',"
                      + " 'settling')"));
      assertThat(figures.checkpointsSubmitted())
          .isEqualTo(
              count(c, "SELECT count(*) FROM escrow_checkpoints WHERE status = 'submitted'"));
      assertThat(figures.checkpointsApproved())
          .isEqualTo(count(c, "SELECT count(*) FROM escrow_checkpoints WHERE status = 'approved'"));
      for (String severity : DashboardFigures.FLAG_SEVERITIES) {
        assertThat(figures.openFlagsBySeverity().get(severity))
            .as(severity)
            .isEqualTo(
                count(
                    c,
                    "SELECT count(*) FROM moderation_flags WHERE status = 'open' AND severity = ?",
                    severity));
      }
      for (HeldFunds held : figures.escrowHeld()) {
        assertThat(held.heldMinor())
            .as(held.currency())
            .isEqualTo(
                count(
                    c,
                    "SELECT coalesce(sum(funded_minor), 0) - coalesce(sum(released_minor), 0)"
                        + " - coalesce(sum(refunded_minor), 0) FROM escrows WHERE currency = ?",
                    held.currency()));
      }
      assertThat(figures.escrowHeld())
          .extracting(HeldFunds::currency)
          .containsExactlyInAnyOrderElementsOf(
              Fixtures.strings(
                  c,
                  "SELECT currency FROM escrows GROUP BY currency"
                      + " HAVING sum(funded_minor - released_minor - refunded_minor) <> 0"));
    }
  }

  @Test
  void everyStaffRoleMayReadTheDashboard() throws Exception {
    for (String login : List.of("demo_support", "demo_finance", "demo_moderator", "demo_admin")) {
      assertThat(loadAs(db, login).openDisputes()).as(login).isEqualTo(7);
    }
  }

  @Test
  void emptyDatabaseShowsEveryStatusAndSeverityAsZero() throws Exception {
    DashboardFigures figures = loadAs(TestDatabase.fresh(), "demo_support");

    assertThat(figures.openDisputesByStatus().keySet())
        .containsExactlyElementsOf(DashboardFigures.OPEN_DISPUTE_STATUSES);
    assertThat(figures.openDisputesByStatus().values()).containsOnly(0L);
    assertThat(figures.openFlagsBySeverity().keySet())
        .containsExactlyElementsOf(DashboardFigures.FLAG_SEVERITIES);
    assertThat(figures.openFlags()).isZero();
    assertThat(figures.escrowHeld()).isEmpty();
  }

  @Test
  void theDashboardIsFiveStatementsInOneSnapshot() throws Exception {
    Statistics stats = db.sessionFactory("demo_support").getStatistics();
    DashboardService service = new DashboardService(db.access("demo_support"));

    stats.clear();
    DashboardFigures figures = service.load();

    assertThat(figures.openDisputes()).isEqualTo(7);
    assertThat(stats.getPrepareStatementCount()).isEqualTo(5);
    assertThat(stats.getTransactionCount()).isEqualTo(1);
  }

  @Test
  void snapshotTimeIsTheDatabasesTransactionTime() throws Exception {
    DashboardFigures figures = loadAs(db, "demo_support");

    try (Connection c = db.superuser();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT extract(epoch FROM now())::bigint")) {
      rs.next();
      assertThat(figures.asOf().getEpochSecond()).isBetween(rs.getLong(1) - 60, rs.getLong(1));
    }
  }

  @Test
  void closedDatabaseFailsWithAOneLineMessage() throws Exception {
    StaffDatabase database = open(db, "demo_support");
    DashboardService service = new DashboardService(database.access());
    database.close();

    assertThatThrownBy(service::load)
        .isInstanceOf(StaffDatabaseException.class)
        .hasMessageStartingWith("Could not load the dashboard: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  private static DashboardFigures loadAs(TestDatabase database, String login) throws Exception {
    try (StaffDatabase staff = open(database, login)) {
      return new DashboardService(staff.access()).load();
    }
  }

  private static StaffDatabase open(TestDatabase database, String login) throws Exception {
    return StaffDatabase.open(new ConsoleTarget(database.jdbcUrl(), true, "test"), login, "demo");
  }

  private static Map<String, Long> inWorkflowOrder(Map<String, Long> counts) {
    Map<String, Long> ordered = new LinkedHashMap<>();
    DashboardFigures.OPEN_DISPUTE_STATUSES.forEach(s -> ordered.put(s, counts.get(s)));
    return ordered;
  }

  private static long count(Connection c, String sql, Object... params) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
