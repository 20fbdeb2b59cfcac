package dev.arbiter.persistence.disputes;

import static dev.arbiter.persistence.disputes.PageDirection.BACKWARD;
import static dev.arbiter.persistence.disputes.PageDirection.FORWARD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.disputes.DisputeFixtures.Deal;
import dev.arbiter.persistence.plans.QueryPlan;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On disputes as a marketplace has them (nine in ten closed, the closed ones holding the oldest
 * deadlines), every sort of the open queue reads a page from an index over open work: first page,
 * deep page and backwards, with the values bound and as a generic plan, and never sorts or scans
 * the table. The pages it reads are the open rows in the sort's order.
 */
class DisputeQueuePlanIT {

  private static final int ROWS = 100_000;
  private static final Map<SortKey, String> OPEN_INDEX =
      Map.of(
          SortKey.REFERENCE, "disputes_open_reference",
          SortKey.PARTIES, "dispute_queue_keys_open_parties",
          SortKey.CONTRACT, "dispute_queue_keys_open_contract",
          SortKey.AMOUNT, "disputes_open_amount",
          SortKey.REASON, "disputes_open_reason",
          SortKey.PRIORITY, "disputes_open_priority",
          SortKey.STATUS, "disputes_open_status",
          SortKey.ASSIGNEE, "disputes_open_assignee",
          SortKey.OPENED, "disputes_open_opened",
          SortKey.DUE, "disputes_open_due");

  private static final int PAGE = 50;

  private static TestDatabase db;
  private static DisputeQueueService queue;

  @BeforeAll
  static void fill() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      Deal[] deals = {
        DisputeFixtures.deal(owner, "Anna Alder", "Boris Birch", 1_000_000, "USD"),
        DisputeFixtures.deal(owner, "Cora Cedar", "Dima Dogwood", 1_000_000, "EUR"),
        DisputeFixtures.deal(owner, "Emil Elm", "Fern Fir", 1_000_000, "USD"),
      };
      fillMostlyClosed(owner, deals);
      try (Statement s = owner.createStatement()) {
        s.execute("ANALYZE disputes");
        s.execute("ANALYZE dispute_queue_keys");
      }
    }
    queue = new DisputeQueueService(db.access("demo_support"));
  }

  @ParameterizedTest
  @EnumSource(SortKey.class)
  void everyPageOfTheOpenQueueReadsAPageOfOpenWork(SortKey key) throws Exception {
    QueueFilter someOpen =
        QueueFilter.OPEN_CASES.withStatuses(
            EnumSet.of(DisputeStatus.ESCALATED, DisputeStatus.SETTLING));
    try (Connection c = db.as("demo_support")) {
      for (boolean descending : new boolean[] {false, true}) {
        QueueSort sort = new QueueSort(key, descending);
        QueueSql.Query first = QueueSql.page(QueueFilter.OPEN_CASES, sort, null, FORWARD, PAGE);
        check(QueryPlan.custom(c, first.sql(), first.args()).uses(OPEN_INDEX.get(key)), key);
        List<QueueRow> rows = queue.firstPage(QueueFilter.OPEN_CASES, sort, 500).rows();
        QueueCursor deep = rows.get(rows.size() - 1).cursor();
        for (QueueSql.Query q :
            List.of(
                first,
                QueueSql.page(QueueFilter.OPEN_CASES, sort, deep, FORWARD, PAGE),
                QueueSql.page(QueueFilter.OPEN_CASES, sort, deep, BACKWARD, PAGE),
                QueueSql.page(someOpen, sort, null, FORWARD, PAGE))) {
          check(QueryPlan.custom(c, q.sql(), q.args()), key);
          check(QueryPlan.generic(c, q.sql(), q.args()), key);
        }
      }
    }
  }

  @Test
  void countingTheOpenCasesReadsOneIndexAndNoKeys() throws Exception {
    QueueSql.Query count = QueueSql.count(QueueFilter.OPEN_CASES, 10_000);
    try (Connection c = db.as("demo_support")) {
      QueryPlan.custom(c, count.sql(), count.args())
          .examinesAtMost(10_001, "disputes")
          .examinesAtMost(0, "dispute_queue_keys");
    }
    assertThat(queue.count(QueueFilter.OPEN_CASES, 100_000))
        .isEqualTo(
            queue.count(QueueFilter.OPEN_CASES.withText("DSP-"), 100_000)); // the joined count
  }

  @ParameterizedTest
  @EnumSource(SortKey.class)
  void aLiveChangeLooksUpOnlyTheChangedCasesAndKeepsThoseThatMatch(SortKey key) throws Exception {
    QueueSort sort = QueueSort.ascending(key);
    List<QueueRow> open = queue.firstPage(QueueFilter.OPEN_CASES, sort, 3).rows();
    long closed;
    try (Connection c = db.as("demo_support")) {
      closed =
          Jdbc.list(
                  c,
                  "SELECT min(id) AS id FROM disputes WHERE status = 'resolved'",
                  row -> row.getLong("id"))
              .get(0);
    }
    List<Long> changed = new java.util.ArrayList<>(ids(new QueuePage(open, false)));
    changed.add(closed);
    QueueSql.Query lookup = QueueSql.matchingRows(changed, QueueFilter.OPEN_CASES, sort);
    try (Connection c = db.as("demo_support")) {
      // One lookup per changed case, whatever the size of the queue.
      QueryPlan.custom(c, lookup.sql(), lookup.args())
          .examinesAtMost(changed.size(), "disputes")
          .examinesAtMost(changed.size(), "dispute_queue_keys");
    }
    assertThat(queue.matchingRows(changed, QueueFilter.OPEN_CASES, sort))
        .as("the resolved case no longer matches; the open ones do, with their cursors")
        .extracting(QueueRow::cursor)
        .containsExactlyInAnyOrderElementsOf(open.stream().map(QueueRow::cursor).toList());
  }

  @ParameterizedTest
  @EnumSource(SortKey.class)
  void theOpenQueueHoldsTheOpenRowsInOrderAndLosesACaseOnceResolved(SortKey key) throws Exception {
    QueueSort sort = QueueSort.ascending(key);
    assertThat(ids(queue.firstPage(QueueFilter.OPEN_CASES, sort, 500)))
        .containsExactlyElementsOf(openInOrder(sort));

    long settling;
    try (Connection owner = db.migrator()) {
      settling =
          Jdbc.list(
                  owner,
                  "SELECT min(id) AS id FROM disputes WHERE status = 'settling'"
                      + " AND id NOT IN (SELECT dispute_id FROM dispute_queue_keys WHERE NOT is_open)",
                  row -> row.getLong("id"))
              .get(0);
      Jdbc.update(
          owner,
          "UPDATE disputes SET status = 'resolved', outcome = 'dismissed', resolved_at = now(),"
              + " resolved_by = 'demo_finance' WHERE id = ?",
          settling);
    }
    List<Long> after = ids(queue.firstPage(QueueFilter.OPEN_CASES, sort, 500));
    assertThat(after).doesNotContain(settling).containsExactlyElementsOf(openInOrder(sort));
  }

  @ParameterizedTest
  @EnumSource(SortKey.class)
  void aFilterOfSomeOpenStatusesKeepsExactlyThoseInOrder(SortKey key) throws Exception {
    QueueSort sort = QueueSort.descending(key);
    for (Set<DisputeStatus> statuses :
        List.of(
            EnumSet.of(DisputeStatus.ESCALATED, DisputeStatus.SETTLING),
            EnumSet.of(DisputeStatus.OPEN, DisputeStatus.ESCALATED))) {
      String names = String.join("','", statuses.stream().map(DisputeStatus::dbValue).toList());
      assertThat(ids(queue.firstPage(QueueFilter.OPEN_CASES.withStatuses(statuses), sort, 500)))
          .containsExactlyElementsOf(inOrder("d.status IN ('" + names + "')", sort));
    }
  }

  /** Nine in ten closed long ago (their deadlines long past), one in ten open and recent. */
  private static void fillMostlyClosed(Connection owner, Deal[] deals) throws Exception {
    try (PreparedStatement ps =
        owner.prepareStatement(
            "INSERT INTO disputes (reference, contract_id, escrow_id, opened_by, reason_code,"
                + " priority, status, assigned_to, amount_disputed_minor, currency,"
                + " response_due_at, outcome, resolved_at, resolved_by, opened_at)"
                + " SELECT 'DSP-' || (30000000 + g), (ARRAY[?, ?, ?]::bigint[])[1 + g % 3],"
                + " (ARRAY[?, ?, ?]::bigint[])[1 + g % 3], (ARRAY[?, ?, ?]::bigint[])[1 + g % 3],"
                + " (ARRAY['not_delivered','quality','scope','late_delivery','unresponsive',"
                + "'fraud','payment_issue','other'])[1 + g % 8],"
                + " (ARRAY['low','normal','high','urgent'])[1 + g % 4], a.status,"
                + " (ARRAY[NULL, 'demo_support', NULL])[1 + g % 3], 100 + (g * 7919) % 500000,"
                + " (ARRAY['USD','EUR','USD'])[1 + g % 3],"
                + " CASE WHEN g % 13 = 0 THEN NULL ELSE a.opened + interval '3 days' END,"
                + " CASE WHEN a.closed THEN 'dismissed' END,"
                + " CASE WHEN a.closed THEN a.opened + interval '5 days' END,"
                + " CASE WHEN a.closed THEN 'demo_finance' END, a.opened"
                + " FROM generate_series(1, ?) g, LATERAL (SELECT g % 10 <> 0 AS closed,"
                + " CASE WHEN g % 10 <> 0 THEN (ARRAY['resolved','closed','closed'])[1 + g % 3]"
                + " ELSE (ARRAY['open','under_review','awaiting_parties','escalated',"
                + "'settling'])[1 + g / 10 % 5] END AS status,"
                + " CASE WHEN g % 10 <> 0 THEN now() - (2592000 + (g::bigint * 7919) % 60480000) * interval '1 second'"
                + " ELSE now() - ((g::bigint * 104729) % 1468800) * interval '1 second' END AS opened) a")) {
      ps.setInt(DisputeFixtures.bindDeals(ps, 1, deals), ROWS);
      ps.executeUpdate();
    }
  }

  private static void check(QueryPlan plan, SortKey key) {
    plan.examinesAtMost(QueryPlan.A_PAGE, "disputes");
    if (key.onQueueKeys()) {
      plan.examinesAtMost(QueryPlan.A_PAGE, "dispute_queue_keys");
    }
  }

  private static List<Long> openInOrder(QueueSort sort) throws Exception {
    return inOrder("d.status NOT IN ('resolved', 'closed')", sort);
  }

  private static List<Long> inOrder(String condition, QueueSort sort) throws Exception {
    String direction = sort.descending() ? " DESC" : "";
    try (Connection c = db.superuser()) {
      return Jdbc.list(
          c,
          "SELECT d.id FROM disputes d JOIN dispute_queue_keys k ON k.dispute_id = d.id WHERE "
              + condition
              + " ORDER BY "
              + sort.key().expression()
              + direction
              + ", "
              + sort.key().idColumn()
              + direction
              + " LIMIT 500",
          row -> row.getLong("id"));
    }
  }

  private static List<Long> ids(QueuePage page) {
    return page.rows().stream().map(QueueRow::id).toList();
  }
}
