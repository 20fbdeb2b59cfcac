package dev.arbiter.persistence.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.model.disputes.MessageVisibility;
import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.disputes.DisputeCommand.Assign;
import dev.arbiter.persistence.disputes.DisputeCommand.ChangePriority;
import dev.arbiter.persistence.disputes.DisputeCommand.PostMessage;
import dev.arbiter.persistence.disputes.DisputeFixtures.Deal;
import dev.arbiter.persistence.staff.SignedInStaff;
import dev.arbiter.persistence.staff.StaffRole;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What each disputes screen costs in statements, counted by Hibernate: a fixed number, whatever the
 * length of a case's thread, so that an N+1 read cannot creep in unnoticed.
 */
class DisputeStatementCountIT {

  /**
   * The dispute with its contract and parties; what they do not map; both histories; the escrow
   * with its checkpoints; messages; evidence; settlements; the timeline.
   */
  private static final int CASE = 8;

  /** set_config, the request key, the dispute, the change. */
  private static final int ACTION = 4;

  private static TestDatabase db;
  private static Deal deal;
  private static Statistics stats;
  private static DisputeCaseService cases;
  private static CountingDataSource pool;
  private static DisputeQueueService queue;
  private static DisputeActionService actions;

  @BeforeAll
  static void open() throws SQLException {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      deal = DisputeFixtures.deal(owner, "Cora Count", "Fred Count", 20_000);
      Fixtures.update(
          owner,
          "INSERT INTO escrow_checkpoints (escrow_id, seq, label, amount_minor, currency)"
              + " VALUES (?, 1, 'Design', 8000, 'USD'), (?, 2, 'Build', 12000, 'USD')",
          deal.escrow(),
          deal.escrow());
    }
    DataAccess support = db.access("demo_support");
    stats = db.sessionFactory("demo_support").getStatistics();
    cases = new DisputeCaseService(support, false);
    pool = new CountingDataSource(db.dataSource("demo_support", "demo"));
    queue = new DisputeQueueService(pool.dataSource());
    actions =
        new DisputeActionService(
            support,
            new SignedInStaff("demo_support", "Sam Support", Set.of(StaffRole.SUPPORT)),
            Clock.systemUTC());
  }

  @Test
  void aCaseCostsTheSameStatementsWithOneMessageOrTwenty() throws SQLException {
    long small = caseWith(1);
    long large = caseWith(20);

    assertThat(statements(() -> cases.load(small))).isEqualTo(CASE);
    assertThat(statements(() -> cases.load(large))).isEqualTo(CASE);

    DisputeCase loaded = cases.load(large).orElseThrow();
    assertThat(loaded.messages()).hasSize(20);
    assertThat(loaded.evidence()).hasSize(20).filteredOn(e -> e.stored()).hasSize(10);
    assertThat(loaded.checkpoints()).hasSize(2);
    assertThat(loaded.timeline()).hasSizeGreaterThanOrEqualTo(41);
  }

  @Test
  void aCaseWithoutAnEscrowSkipsItsQueryAndAMissingOneCostsOne() throws SQLException {
    long id;
    try (Connection owner = db.migrator()) {
      long client = Fixtures.user(owner, "client");
      id =
          Fixtures.dispute(
              owner, Fixtures.contract(owner, client, Fixtures.user(owner, "freelancer")), client);
    }
    assertThat(statements(() -> cases.load(id))).isEqualTo(CASE - 1);
    assertThat(statements(() -> cases.load(-1))).isOne();
  }

  @Test
  void aQueuePageItsCountAndARefreshAreOneStatementEach() throws SQLException {
    caseWith(3);
    pool.takeCount();
    queue.firstPage(QueueFilter.OPEN_CASES, QueueSort.DEFAULT, 50);
    assertThat(pool.takeCount()).isOne();
    queue.count(QueueFilter.OPEN_CASES, 1000);
    assertThat(pool.takeCount()).isOne();
    List<Long> ids = queue.matchingIds(QueueFilter.OPEN_CASES, 100);
    assertThat(pool.takeCount()).isOne();
    queue.rows(ids, QueueSort.DEFAULT);
    assertThat(pool.takeCount()).isOne();
    queue.snapshots(ids);
    assertThat(pool.takeCount()).isOne();
  }

  @Test
  void anActionCostsAFixedNumberOfStatements() throws SQLException {
    long id = caseWith(20);
    DisputeSnapshot seen = seen(id);
    assertThat(
            statements(
                () ->
                    actions.execute(
                        new ChangePriority(seen, DisputePriority.HIGH, DisputeCommand.newKey()))))
        .isEqualTo(ACTION);
    DisputeSnapshot raised = seen(id);
    assertThat(
            statements(
                () ->
                    actions.execute(
                        new PostMessage(
                            raised,
                            MessageVisibility.INTERNAL,
                            "Noted.",
                            DisputeCommand.newKey()))))
        .isEqualTo(ACTION);
    // Assigning also asks the database whether the assignee is an active support agent.
    DisputeSnapshot noted = seen(id);
    assertThat(
            statements(
                () ->
                    actions.execute(
                        new Assign(noted, "demo_support", "Sam Support", DisputeCommand.newKey()))))
        .isEqualTo(ACTION + 1);
  }

  /** A dispute with {@code n} party messages and {@code n} evidence files, half of them stored. */
  private static long caseWith(int n) throws SQLException {
    try (Connection owner = db.migrator()) {
      long id = DisputeFixtures.open().status("under_review").insert(owner, deal);
      Fixtures.update(
          owner,
          "INSERT INTO dispute_messages (dispute_id, author_user_id, visibility, body)"
              + " SELECT ?, CASE WHEN g % 2 = 0 THEN ? ELSE ? END, 'parties', 'message ' || g"
              + " FROM generate_series(1, ?) g",
          id,
          deal.client(),
          deal.freelancer(),
          n);
      Fixtures.update(
          owner,
          "INSERT INTO dispute_evidence (dispute_id, uploaded_by, file_name, mime_type,"
              + " size_bytes, sha256, content)"
              + " SELECT ?, ?, 'file' || g || '.txt', 'text/plain', 3, sha256('\\x616263'),"
              + " CASE WHEN g % 2 = 0 THEN '\\x616263'::bytea END FROM generate_series(1, ?) g",
          id,
          deal.client(),
          n);
      return id;
    }
  }

  private static DisputeSnapshot seen(long id) {
    return cases.load(id).orElseThrow().snapshot();
  }

  private static long statements(Runnable screen) {
    stats.clear();
    screen.run();
    return stats.getPrepareStatementCount();
  }
}
