package dev.arbiter.persistence.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.escrow.ReleaseQueueQuery.Cursor;
import dev.arbiter.persistence.escrow.ReleaseQueueQuery.Sort;
import dev.arbiter.persistence.escrow.ReleaseQueueService.PageSql;
import dev.arbiter.persistence.plans.QueryPlan;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On checkpoints as a marketplace has them (nine in ten released long ago), every order of the
 * release queue reads a page of open checkpoints from an index over open work, the overdue part of
 * the default order a range of its own index, with the values bound and as a generic plan.
 */
class ReleaseQueuePlanIT {

  private static final int CHECKPOINTS = 40_000;
  private static final int PAGE = 50;

  private static final Map<Sort, String> OPEN_INDEX =
      Map.of(
          Sort.OLDEST_SUBMITTED, "escrow_checkpoints_open_submitted",
          Sort.AUTO_RELEASE_SOONEST, "escrow_checkpoints_open_auto_release",
          Sort.LARGEST_AMOUNT, "escrow_checkpoints_open_outstanding");

  private static TestDatabase db;
  private static ReleaseQueueService queue;

  @BeforeAll
  static void fill() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      fillMostlyReleased(owner, MoneyFixture.deal(owner, "USD", 0));
      try (Statement s = owner.createStatement()) {
        s.execute("ANALYZE escrow_checkpoints");
      }
    }
    queue = new ReleaseQueueService(db.access("demo_finance"));
  }

  @ParameterizedTest
  @EnumSource(
      value = Sort.class,
      names = {"OLDEST_SUBMITTED", "AUTO_RELEASE_SOONEST", "LARGEST_AMOUNT"})
  void everyOrderReadsAPageOfOpenCheckpoints(Sort sort) throws Exception {
    ReleaseQueueQuery query =
        new ReleaseQueueQuery(
            ReleaseQueueQuery.OPEN_STATUSES, null, null, sort, Optional.empty(), PAGE);
    ReleaseQueuePage first =
        queue.page(
            new ReleaseQueueQuery(
                ReleaseQueueQuery.OPEN_STATUSES, null, null, sort, Optional.empty(), 500));
    Cursor deep = first.next().orElseThrow();
    try (Connection c = db.as("demo_finance")) {
      PageSql firstSql = ReleaseQueueService.pageSql(query, sort, "", Optional.empty(), PAGE);
      QueryPlan.custom(c, firstSql.sql(), firstSql.params().toArray()).uses(OPEN_INDEX.get(sort));
      for (PageSql page :
          List.of(
              firstSql,
              ReleaseQueueService.pageSql(query, sort, "", Optional.of(deep), PAGE),
              ReleaseQueueService.pageSql(
                  new ReleaseQueueQuery(
                      List.of("approved"), null, null, sort, Optional.empty(), PAGE),
                  sort,
                  "",
                  Optional.empty(),
                  PAGE))) {
        check(QueryPlan.custom(c, page.sql(), page.params().toArray()));
        check(QueryPlan.generic(c, page.sql(), page.params().toArray()));
      }
    }
  }

  @Test
  void overdueFirstReadsTheOverdueAsARangeAndThenTheRestInOrder() throws Exception {
    ReleaseQueueQuery query = ReleaseQueueQuery.firstPage(PAGE);
    PageSql overdue =
        ReleaseQueueService.pageSql(
            query,
            Sort.AUTO_RELEASE_SOONEST,
            " AND " + ReleaseQueueService.OVERDUE,
            Optional.empty(),
            PAGE);
    PageSql rest =
        ReleaseQueueService.pageSql(
            query,
            Sort.OLDEST_SUBMITTED,
            " AND NOT " + ReleaseQueueService.OVERDUE,
            Optional.empty(),
            PAGE);
    try (Connection c = db.as("demo_finance")) {
      check(
          QueryPlan.custom(c, overdue.sql(), overdue.params().toArray())
              .uses("escrow_checkpoints_overdue"));
      check(QueryPlan.generic(c, overdue.sql(), overdue.params().toArray()));
      check(
          QueryPlan.custom(c, rest.sql(), rest.params().toArray())
              .uses("escrow_checkpoints_open_submitted"));
      check(QueryPlan.generic(c, rest.sql(), rest.params().toArray()));
    }
    List<ReleaseQueueRow> rows = queue.page(query).rows();
    assertThat(rows).hasSize(PAGE);
    assertThat(rows.get(0).approvalRequirement()).isNotEqualTo("auto");
  }

  private static void check(QueryPlan plan) {
    plan.examinesAtMost(QueryPlan.A_PAGE, "escrow_checkpoints");
  }

  /**
   * Nine in ten released long ago; the open tenth submitted in the last weeks, some of them past an
   * auto-release time that only a person can act on (single or dual approval).
   */
  private static void fillMostlyReleased(Connection owner, Deal deal) throws Exception {
    try (PreparedStatement ps =
        owner.prepareStatement(
            "INSERT INTO escrow_checkpoints (escrow_id, seq, label, amount_minor, released_minor,"
                + " currency, status, approval_requirement, submitted_at, requested_by,"
                + " auto_release_at, hold_reason, released_at, released_by, payout_reference,"
                + " created_at)"
                + " SELECT ?, g, 'Milestone ' || g, a.amount,"
                + " CASE WHEN a.released THEN a.amount ELSE 0 END, 'USD', a.status, a.requirement,"
                + " a.submitted, 'requester_login',"
                + " CASE WHEN a.requirement = 'auto' OR g % 70 = 0"
                + "  THEN a.submitted + interval '5 days' END,"
                + " CASE WHEN a.status = 'on_hold' THEN 'Waiting for the client' END,"
                + " CASE WHEN a.released THEN a.submitted + interval '2 days' END,"
                + " CASE WHEN a.released THEN 'demo_finance' END,"
                + " CASE WHEN a.released THEN 'PO-PLAN-' || g END, a.submitted - interval '1 day'"
                + " FROM generate_series(1, ?) g, LATERAL (SELECT g % 10 <> 0 AS released,"
                + " 1000 + (g::bigint * 7919) % 900000 AS amount,"
                + " (ARRAY['auto','single','dual'])[1 + g % 3] AS requirement,"
                + " CASE WHEN g % 10 <> 0 THEN 'released'"
                + "  ELSE (ARRAY['submitted','approved','on_hold'])[1 + g / 10 % 3] END AS status,"
                + " CASE WHEN g % 10 <> 0"
                + "  THEN now() - (2592000 + (g::bigint * 7919) % 60480000) * interval '1 second'"
                + "  ELSE now() - ((g::bigint * 104729) % 1468800) * interval '1 second' END"
                + " AS submitted) a")) {
      ps.setLong(1, deal.escrow());
      ps.setInt(2, CHECKPOINTS);
      ps.executeUpdate();
    }
  }
}
