package dev.arbiter.persistence.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.escrow.ReleaseQueueQuery.Sort;
import dev.arbiter.persistence.ledger.IdempotencyKeys;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What each release screen costs in statements, counted by Hibernate's statistics, so that a lazy
 * load per row (N+1) cannot creep in unseen.
 */
class ReleaseStatementCountsIT {

  private static TestDatabase db;
  private static Statistics stats;
  private static ReleaseService fran;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    stats = db.sessionFactory("demo_finance").getStatistics();
    fran = new ReleaseService(db.access("demo_finance"));
  }

  @Test
  void aCheckpointLoadsInFiveStatementsWithOneApprovalAndJournalOrTen() throws Exception {
    long one = checkpoint(1);
    long ten = checkpoint(10);
    CheckpointDetailService details = new CheckpointDetailService(db.access("demo_finance"));

    stats.clear();
    CheckpointDetail small = details.load(one).orElseThrow();
    long forOne = stats.getPrepareStatementCount();
    stats.clear();
    CheckpointDetail large = details.load(ten).orElseThrow();
    long forTen = stats.getPrepareStatementCount();

    assertThat(small.approvals()).hasSize(1);
    assertThat(large.approvals()).hasSize(10);
    assertThat(large.ledger()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(large.ledger().stream().map(CheckpointDetail.Entry::journalId).distinct())
        .hasSize(10);
    assertThat(large.escrowCheckpoints())
        .extracting(CheckpointDetail.CheckpointLine::seq)
        .hasSize(2)
        .isSorted();
    assertThat(forOne).isEqualTo(5);
    assertThat(forTen).isEqualTo(5);
  }

  @Test
  void aQueuePageIsOneStatementAndTheOverdueFirstPageTwo() throws Exception {
    try (Connection owner = db.migrator()) {
      MoneyFixture.approvedBatch(owner, 2, 30, 1_000, "demo_finance2");
    }
    ReleaseQueueService queue = new ReleaseQueueService(db.access("demo_finance"));

    stats.clear();
    ReleaseQueuePage page =
        queue.page(
            new ReleaseQueueQuery(
                List.of(), null, null, Sort.OLDEST_SUBMITTED, Optional.empty(), 25));
    assertThat(page.rows()).hasSize(25);
    assertThat(stats.getPrepareStatementCount()).isEqualTo(1);

    // The overdue part comes up short, so the rest fills the page: two statements.
    stats.clear();
    assertThat(queue.page(ReleaseQueueQuery.firstPage(25)).rows()).hasSize(25);
    assertThat(stats.getPrepareStatementCount()).isEqualTo(2);
  }

  @Test
  void aMoneyActionIsItsAuditContextAndTheFunctionCall() throws Exception {
    long cp;
    try (Connection owner = db.migrator()) {
      cp =
          MoneyFixture.approved(
              owner, MoneyFixture.deal(owner, "USD", 5_000), 5_000, "demo_finance2");
    }

    stats.clear();
    assertThat(fran.preview(new CheckpointAction.Release(cp, null, key())).ok()).isTrue();
    assertThat(stats.getPrepareStatementCount()).isEqualTo(2);

    stats.clear();
    assertThat(fran.perform(new CheckpointAction.Release(cp, null, key())).ok()).isTrue();
    assertThat(stats.getPrepareStatementCount()).isEqualTo(2);
  }

  /**
   * An approved checkpoint with {@code n} approvals and {@code n} partial releases (a journal each,
   * with its payout and escrow entries), beside a sibling on the same escrow.
   */
  private static long checkpoint(int n) throws Exception {
    long cp;
    try (Connection owner = db.migrator()) {
      Deal deal = MoneyFixture.deal(owner, "USD", 20_000);
      cp = MoneyFixture.approved(owner, deal, 10_000, "demo_finance2");
      MoneyFixture.submitted(owner, deal, 1_000, "single", "requester_login");
      for (int i = 1; i < n; i++) {
        MoneyFixture.approval(owner, cp, "reviewer_" + i, null);
      }
    }
    for (int i = 0; i < n; i++) {
      assertThat(fran.perform(new CheckpointAction.Release(cp, 100L, key())).ok()).isTrue();
    }
    return cp;
  }

  private static String key() {
    return IdempotencyKeys.next("count");
  }
}
