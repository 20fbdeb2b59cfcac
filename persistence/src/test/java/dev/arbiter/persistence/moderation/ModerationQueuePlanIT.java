package dev.arbiter.persistence.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.model.moderation.FlagStatus;
import dev.arbiter.persistence.moderation.ModerationQueueService.PageSql;
import dev.arbiter.persistence.plans.QueryPlan;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On flags as a marketplace has them (nine in ten decided long ago), every order of the moderation
 * queue reads a page of open items from its index, first and deep pages, claimed or not, with the
 * values bound and as a generic plan.
 */
class ModerationQueuePlanIT {

  private static final int FLAGS = 40_000;
  private static final int PAGE = 50;

  private static final Map<QueueSort, String> INDEX =
      Map.of(
          QueueSort.PRIORITY, "moderation_items_by_score",
          QueueSort.MOST_REPORTED, "moderation_items_by_count",
          QueueSort.SEVERITY, "moderation_items_by_severity",
          QueueSort.OLDEST, "moderation_items_by_first",
          QueueSort.NEWEST, "moderation_items_by_last");

  private static TestDatabase db;
  private static ModerationQueueService queue;

  @BeforeAll
  static void fill() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      long reporter = ModerationFixture.user(owner);
      fillMostlyDecided(owner, reporter);
      try (Statement s = owner.createStatement()) {
        s.execute("ANALYZE moderation_items");
      }
    }
    queue = new ModerationQueueService(db.access("demo_moderator"));
  }

  @ParameterizedTest
  @EnumSource(QueueSort.class)
  void everyOrderReadsAPageOfOpenItems(QueueSort sort) throws Exception {
    QueueFilter open = QueueFilter.open();
    QueueFilter unclaimed =
        new QueueFilter(FlagStatus.OPEN, null, null, null, ClaimFilter.UNCLAIMED, null);
    QueueCursor deep = queue.page(open, sort, null, 500).next();
    try (Connection c = db.as("demo_moderator")) {
      PageSql first = ModerationQueueService.pageSql(open, sort, null, PAGE);
      QueryPlan.custom(c, first.sql(), first.params()).uses(INDEX.get(sort));
      for (PageSql page :
          List.of(
              first,
              ModerationQueueService.pageSql(open, sort, deep, PAGE),
              ModerationQueueService.pageSql(unclaimed, sort, null, PAGE))) {
        QueryPlan.custom(c, page.sql(), page.params())
            .examinesAtMost(QueryPlan.A_PAGE, "moderation_items");
        QueryPlan.generic(c, page.sql(), page.params())
            .examinesAtMost(QueryPlan.A_PAGE, "moderation_items");
      }
    }
    assertThat(queue.page(open, sort, null, PAGE).rows()).hasSize(PAGE);
  }

  /** One flag per item: nine in ten decided weeks or months ago, the open tenth recent. */
  private static void fillMostlyDecided(Connection owner, long reporter) throws Exception {
    try (PreparedStatement ps =
        owner.prepareStatement(
            "INSERT INTO moderation_flags (entity_type, entity_id, reporter_id, reason, severity,"
                + " status, decision, decided_by, decided_at, created_at)"
                + " SELECT 'user', 50000000 + g, ?, 'spam',"
                + " (ARRAY['low','medium','high','critical'])[1 + g % 4],"
                + " CASE WHEN a.decided THEN (ARRAY['dismissed','actioned'])[1 + g % 2]"
                + "  ELSE 'open' END,"
                + " CASE WHEN a.decided THEN (ARRAY['dismiss','warn_user'])[1 + g % 2] END,"
                + " CASE WHEN a.decided THEN 'demo_moderator' END,"
                + " CASE WHEN a.decided THEN a.created + interval '1 day' END, a.created"
                + " FROM generate_series(1, ?) g, LATERAL (SELECT g % 10 <> 0 AS decided,"
                + " CASE WHEN g % 10 <> 0"
                + "  THEN now() - (2592000 + (g::bigint * 7919) % 60480000) * interval '1 second'"
                + "  ELSE now() - ((g::bigint * 104729) % 1468800) * interval '1 second' END"
                + " AS created) a")) {
      ps.setLong(1, reporter);
      ps.setInt(2, FLAGS);
      ps.executeUpdate();
    }
  }
}
