package dev.arbiter.persistence.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.model.disputes.ReasonCode;
import dev.arbiter.persistence.disputes.DisputeFixtures.Deal;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The queue's keyset pages and filters, as demo_support, against plain SQL over the same rows. */
class DisputeQueueServiceIT {

  private static final int ROWS = 400;
  private static TestDatabase db;
  private static DisputeQueueService queue;
  private static Deal named;
  private static long percentDispute;

  @BeforeAll
  static void fill() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      DisputeFixtures.fill(owner, ROWS);
      named = DisputeFixtures.deal(owner, "Zelda Quirke", "Yusuf 50% Off", 100_000);
      percentDispute = DisputeFixtures.open().priority("urgent").insert(owner, named);
    }
    queue = new DisputeQueueService(db.access("demo_support"));
  }

  @ParameterizedTest
  @EnumSource(SortKey.class)
  void pagingForwardVisitsEveryRowOnceInTheSameOrderAsOneQuery(SortKey key) throws Exception {
    for (boolean descending : new boolean[] {false, true}) {
      QueueSort sort = new QueueSort(key, descending);
      List<Long> paged = walkForward(QueueFilter.EVERYTHING, sort, 37);
      assertThat(paged).containsExactlyElementsOf(allInOrder(sort));
    }
  }

  @ParameterizedTest
  @EnumSource(SortKey.class)
  void pagingBackwardFromTheEndVisitsTheSameRowsInReverse(SortKey key) throws Exception {
    QueueSort sort = new QueueSort(key, true);
    List<Long> backward = new ArrayList<>();
    QueuePage page = queue.page(QueueFilter.EVERYTHING, sort, null, PageDirection.BACKWARD, 41);
    while (true) {
      List<Long> ids = page.rows().stream().map(QueueRow::id).toList();
      backward.addAll(0, ids);
      if (!page.more()) {
        break;
      }
      QueueCursor first = page.rows().get(0).cursor();
      page = queue.page(QueueFilter.EVERYTHING, sort, first, PageDirection.BACKWARD, 41);
    }
    assertThat(backward).containsExactlyElementsOf(allInOrder(sort));
  }

  @Test
  void theNextPageStartsStrictlyAfterTheCursor() throws Exception {
    QueueSort sort = QueueSort.ascending(SortKey.REFERENCE);
    QueuePage first = queue.firstPage(QueueFilter.OPEN_CASES, sort, 20);
    QueuePage second =
        queue.page(QueueFilter.OPEN_CASES, sort, last(first).cursor(), PageDirection.FORWARD, 20);
    assertThat(second.rows()).extracting(QueueRow::id).doesNotContainAnyElementsOf(ids(first));
    assertThat(second.rows().get(0).reference()).isGreaterThan(last(first).reference());
  }

  @Test
  void defaultFilterShowsOnlyOpenCasesWithNearestDeadlineFirst() throws Exception {
    QueuePage page = queue.firstPage(QueueFilter.OPEN_CASES, QueueSort.DEFAULT, 50);
    assertThat(page.rows()).allMatch(r -> r.status().isOpen());
    assertThat(page.rows())
        .extracting(QueueRow::responseDueAt)
        .isSortedAccordingTo(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
    assertThat(page.more()).isTrue();
  }

  @Test
  void everyFilterMatchesTheSameRowsAsItsSqlPredicate() throws Exception {
    check(
        QueueFilter.EVERYTHING.withStatuses(
            EnumSet.of(DisputeStatus.ESCALATED, DisputeStatus.SETTLING)),
        "d.status IN ('escalated', 'settling')");
    check(
        QueueFilter.EVERYTHING.withPriorities(EnumSet.of(DisputePriority.URGENT)),
        "d.priority = 'urgent'");
    check(
        QueueFilter.EVERYTHING.withReasons(EnumSet.of(ReasonCode.FRAUD, ReasonCode.SCOPE)),
        "d.reason_code IN ('fraud', 'scope')");
    check(
        QueueFilter.EVERYTHING.withAssignee(AssigneeFilter.MINE), "d.assigned_to = 'demo_support'");
    check(QueueFilter.EVERYTHING.withAssignee(AssigneeFilter.UNASSIGNED), "d.assigned_to IS NULL");
    check(
        QueueFilter.EVERYTHING.withAssignee(AssigneeFilter.login("demo_admin")),
        "d.assigned_to = 'demo_admin'");
    check(
        QueueFilter.EVERYTHING.withCurrencies(Set.of("EUR", "JPY")),
        "d.currency IN ('EUR', 'JPY')");
    check(
        QueueFilter.EVERYTHING.withAmountRange(10_000L, 200_000L),
        "d.amount_disputed_minor BETWEEN 10000 AND 200000");
    check(
        QueueFilter.EVERYTHING.withSla(EnumSet.of(SlaState.BREACHED)), "d.response_due_at < now()");
    check(
        QueueFilter.EVERYTHING.withSla(EnumSet.of(SlaState.NO_DEADLINE, SlaState.DUE_SOON)),
        "(d.response_due_at IS NULL OR d.response_due_at BETWEEN now() AND now() + interval '4"
            + " hours' - interval '1 microsecond')");
    check(QueueFilter.EVERYTHING.withText("carol"), "k.client_name = 'Carol Chen'");
    check(QueueFilter.EVERYTHING.withText("FOX"), "k.freelancer_name = 'Femi Fox'");
    check(
        QueueFilter.EVERYTHING.withText(named.contractReference().toLowerCase()),
        "k.contract_reference = '" + named.contractReference() + "'");
    check(
        QueueFilter.OPEN_CASES
            .withPriorities(EnumSet.of(DisputePriority.HIGH, DisputePriority.URGENT))
            .withCurrencies(Set.of("USD"))
            .withAssignee(AssigneeFilter.UNASSIGNED),
        "d.status NOT IN ('resolved', 'closed') AND d.priority IN ('high', 'urgent')"
            + " AND d.currency = 'USD' AND d.assigned_to IS NULL");
  }

  @Test
  void searchFindsAReferenceAndTreatsPercentAsText() {
    String reference = referenceOf(percentDispute);
    QueuePage byReference =
        queue.firstPage(QueueFilter.EVERYTHING.withText(reference.toLowerCase()), sortById(), 10);
    assertThat(byReference.rows()).extracting(QueueRow::id).containsExactly(percentDispute);

    QueuePage byPercent =
        queue.firstPage(QueueFilter.EVERYTHING.withText("50% off"), sortById(), 10);
    assertThat(byPercent.rows()).extracting(QueueRow::id).containsExactly(percentDispute);
    assertThat(queue.count(QueueFilter.EVERYTHING.withText("5_% off"), 100)).isZero();
  }

  @Test
  void aRenamedPartyIsFoundUnderTheNewName() throws Exception {
    try (Connection owner = db.migrator()) {
      owner
          .createStatement()
          .execute("UPDATE users SET display_name = 'Zelda Renamed' WHERE id = " + named.client());
    }
    QueuePage page =
        queue.firstPage(QueueFilter.EVERYTHING.withText("zelda renamed"), sortById(), 10);
    assertThat(page.rows()).extracting(QueueRow::id).containsExactly(percentDispute);
    assertThat(page.rows().get(0).clientName()).isEqualTo("Zelda Renamed");
  }

  @Test
  void countStopsJustAboveItsCap() {
    assertThat(queue.count(QueueFilter.EVERYTHING, 100)).isEqualTo(101);
    assertThat(queue.count(QueueFilter.EVERYTHING, 100_000)).isEqualTo(ROWS + 1);
    assertThat(queue.matchingIds(QueueFilter.EVERYTHING, 10)).hasSize(11);
  }

  @Test
  void rowCarriesThePartiesContractAndSlaFields() {
    QueuePage page =
        queue.firstPage(
            QueueFilter.EVERYTHING.withText(referenceOf(percentDispute)), sortById(), 1);
    QueueRow row = page.rows().get(0);
    assertThat(row.clientName()).startsWith("Zelda");
    assertThat(row.freelancerName()).isEqualTo("Yusuf 50% Off");
    assertThat(row.contractReference()).isEqualTo(named.contractReference());
    assertThat(row.priority()).isEqualTo(DisputePriority.URGENT);
    assertThat(row.status()).isEqualTo(DisputeStatus.OPEN);
    assertThat(row.amountMinor()).isEqualTo(5000);
    assertThat(row.responseDueAt()).isNull();
  }

  private static QueueSort sortById() {
    return QueueSort.ascending(SortKey.REFERENCE);
  }

  private static void check(QueueFilter filter, String predicate) throws Exception {
    List<Long> expected =
        ids(
            "SELECT d.id FROM disputes d JOIN dispute_queue_keys k ON k.dispute_id = d.id WHERE "
                + predicate
                + " ORDER BY d.reference, d.id");
    assertThat(expected).as(predicate).isNotEmpty();
    assertThat(walkForward(filter, sortById(), 50)).as(predicate).isEqualTo(expected);
    assertThat(queue.count(filter, 10_000)).as(predicate).isEqualTo(expected.size());
  }

  private static List<Long> walkForward(QueueFilter filter, QueueSort sort, int size) {
    List<Long> all = new ArrayList<>();
    QueuePage page = queue.firstPage(filter, sort, size);
    all.addAll(ids(page));
    while (page.more()) {
      page = queue.page(filter, sort, last(page).cursor(), PageDirection.FORWARD, size);
      assertThat(page.rows()).hasSizeLessThanOrEqualTo(size);
      all.addAll(ids(page));
    }
    return all;
  }

  private static List<Long> allInOrder(QueueSort sort) throws Exception {
    String dir = sort.descending() ? " DESC" : "";
    return ids(
        "SELECT d.id FROM disputes d JOIN dispute_queue_keys k ON k.dispute_id = d.id ORDER BY "
            + sort.key().expression()
            + dir
            + ", d.id"
            + dir);
  }

  private static List<Long> ids(QueuePage page) {
    return page.rows().stream().map(QueueRow::id).toList();
  }

  private static QueueRow last(QueuePage page) {
    return page.rows().get(page.rows().size() - 1);
  }

  private static String referenceOf(long dispute) {
    try {
      try (Connection c = db.superuser();
          PreparedStatement ps =
              c.prepareStatement("SELECT reference FROM disputes WHERE id = ?")) {
        ps.setLong(1, dispute);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getString(1);
        }
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<Long> ids(String sql) throws Exception {
    DataSource ds = db.dataSource("demo_support", "demo");
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      List<Long> ids = new ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
      return ids;
    }
  }
}
