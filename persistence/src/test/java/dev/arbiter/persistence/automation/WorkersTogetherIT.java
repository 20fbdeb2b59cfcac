package dev.arbiter.persistence.automation;

import static dev.arbiter.persistence.contract.Fixtures.update;
import static dev.arbiter.persistence.contract.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.audit.AuditChainVerifier;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.ledger.LedgerVerifier;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * High availability without double effects: two workers on one database act on each due item once,
 * and a worker killed in the middle of a run leaves nothing half done and nothing lost.
 */
class WorkersTogetherIT {

  private static final int CHECKPOINTS = 150;
  private static final int DISPUTES = 150;

  @Test
  void twoWorkersStartedTogetherActOnEveryDueItemOnce() throws Exception {
    TestDatabase db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      dueWork(owner);
    }
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Long>> runs = new ArrayList<>();
    for (String id : List.of("worker-a", "worker-b")) {
      runs.add(
          CompletableFuture.supplyAsync(
              () -> {
                try (AutomationWorker worker = worker(db, id)) {
                  start.await();
                  long acted = 0;
                  // Each run takes a batch; keep going until a run finds nothing to do.
                  for (long round = 1; round > 0; ) {
                    round =
                        worker.run(AutomationRule.AUTO_RELEASE).acted()
                            + worker.run(AutomationRule.DEADLINE).acted();
                    acted += round;
                  }
                  return acted;
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              }));
    }
    start.countDown();
    long total = 0;
    for (CompletableFuture<Long> run : runs) {
      total += run.get();
    }

    assertThat(total).isEqualTo(CHECKPOINTS + DISPUTES);
    try (Connection owner = db.migrator()) {
      assertEveryItemActedOnOnce(owner);
    }
    assertThat(new AuditChainVerifier().verify(db.superuserDataSource()).firstBreak()).isNull();
  }

  @Test
  void aWorkerKilledMidRunLeavesNothingDoneTwiceAndNothingLost() throws Exception {
    TestDatabase db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      dueWork(owner);
    }
    // A run is one transaction: kill its session after the rule did its work but before commit.
    try (Connection doomed = db.as(TestDatabase.WORKER);
        Connection su = db.superuser()) {
      doomed.setAutoCommit(false);
      value(doomed, "SELECT automation_auto_release(1000)");
      Object pid = value(doomed, "SELECT pg_backend_pid()");
      value(su, "SELECT pg_terminate_backend(?)", pid);
    }
    try (Connection owner = db.migrator()) {
      assertThat(value(owner, "SELECT count(*) FROM journals WHERE kind = 'release'"))
          .isEqualTo(0L);
    }
    // Killed between rules: the first committed, the second never ran.
    try (AutomationWorker first = worker(db, "worker-before-crash")) {
      first.run(AutomationRule.AUTO_RELEASE);
    }
    try (AutomationWorker restarted = worker(db, "worker-after-restart")) {
      restarted.runOnce();
      restarted.runOnce();
    }
    try (Connection owner = db.migrator()) {
      assertEveryItemActedOnOnce(owner);
    }
  }

  private static AutomationWorker worker(TestDatabase db, String id) {
    return new AutomationWorker(
        db.dataSource(TestDatabase.WORKER, "demo"),
        id,
        line -> {},
        Optional.empty(),
        Clock.systemUTC());
  }

  private static void dueWork(Connection owner) throws SQLException {
    Deal deal = MoneyFixture.deal(owner, "USD", 1_000L * CHECKPOINTS);
    update(
        owner,
        "INSERT INTO escrow_checkpoints (escrow_id, seq, label, amount_minor, currency, status,"
            + " approval_requirement, submitted_at, requested_by, auto_release_at)"
            + " SELECT ?, g, 'Auto ' || g, 1000, 'USD', 'submitted', 'auto', now() - interval '2 days',"
            + " 'demo_backend', now() - (g || ' minutes')::interval FROM generate_series(1, ?) g",
        deal.escrow(),
        CHECKPOINTS);
    Deal cases = MoneyFixture.deal(owner, "USD", 10_000);
    for (int i = 0; i < DISPUTES; i++) {
      long dispute = MoneyFixture.dispute(owner, cases, null, "under_review", 100);
      update(
          owner,
          "UPDATE disputes SET deadline_action = ?, response_due_at = now() - interval '1 minute'"
              + " WHERE id = ?",
          i % 3 == 0 ? "auto_resolve_payer" : "auto_escalate",
          dispute);
    }
  }

  private static void assertEveryItemActedOnOnce(Connection owner) throws SQLException {
    assertThat(
            value(
                owner,
                "SELECT count(*) FROM escrow_checkpoints WHERE approval_requirement = 'auto'"
                    + " AND status <> 'released'"))
        .isEqualTo(0L);
    assertThat(
            value(
                owner,
                "SELECT count(*) FROM (SELECT checkpoint_id FROM journals WHERE kind = 'release'"
                    + " GROUP BY checkpoint_id HAVING count(*) <> 1) twice"))
        .isEqualTo(0L);
    assertThat(value(owner, "SELECT count(*) FROM journals WHERE kind = 'release'"))
        .isEqualTo((long) CHECKPOINTS);
    assertThat(
            value(
                owner,
                "SELECT count(*) FROM disputes WHERE deadline_action IS NOT NULL"
                    + " AND deadline_acted_at IS NULL"))
        .isEqualTo(0L);
    assertThat(
            value(owner, "SELECT count(*) FROM settlements WHERE proposed_by = 'system:deadline'"))
        .isEqualTo((long) (DISPUTES + 2) / 3);
    // One escalation per case: its status moved to escalated once.
    assertThat(
            value(
                owner,
                "SELECT count(*) FROM (SELECT entity_id FROM audit_log WHERE entity_type = 'disputes'"
                    + " AND actor = 'system:deadline' AND new_values ->> 'status' = 'escalated'"
                    + " AND old_values ->> 'status' <> 'escalated' GROUP BY entity_id"
                    + " HAVING count(*) <> 1) twice"))
        .isEqualTo(0L);
    assertThat(LedgerVerifier.verify(owner).findings()).isEmpty();
  }
}
