package dev.arbiter.persistence.security;

import static dev.arbiter.persistence.escrow.RawMoney.balance;
import static dev.arbiter.persistence.escrow.RawMoney.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.contract.Transactions;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.ledger.MoneyResult;
import dev.arbiter.persistence.testing.TestDatabase;
import dev.arbiter.persistence.testing.Waits;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Paying a checkpoint twice, tried by every path a login with psql has: reviving it after its money
 * left, refunding what a partial release left and releasing again, reusing a key, racing a
 * colleague. The money columns' CHECKs are also tried on their own, by a superuser who switched the
 * status rules off.
 */
@Timeout(60)
class InsiderMoneyAttacksIT {

  private static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
  }

  @AfterEach
  void ledgerStaysClean() throws SQLException {
    Insider.assertLedgerClean(db);
  }

  private static Deal deal(long funded) throws SQLException {
    try (Connection owner = db.migrator()) {
      return MoneyFixture.deal(owner, "USD", funded);
    }
  }

  private static long approved(Deal deal, long amount) throws SQLException {
    try (Connection owner = db.migrator()) {
      return MoneyFixture.approved(owner, deal, amount, "demo_finance2");
    }
  }

  private static long refunded(Deal deal, long amount) throws SQLException {
    long checkpoint;
    try (Connection owner = db.migrator()) {
      checkpoint = MoneyFixture.submitted(owner, deal, amount, "single", "user:7");
    }
    try (Connection fran = db.as("demo_finance")) {
      assertThat(call(fran, "refund_checkpoint", checkpoint, "Cancelled", key()).ok()).isTrue();
    }
    return checkpoint;
  }

  private static String key() {
    return "attack-" + Fixtures.next();
  }

  @Test
  void theBackendCannotReviveARefundedCheckpoint() throws SQLException {
    Deal deal = deal(10_000);
    long checkpoint = refunded(deal, 10_000);
    String before = Insider.row(db, "escrow_checkpoints", checkpoint);
    long journals = Insider.journals(db);

    try (Connection backend = db.as("demo_backend")) {
      for (String status : new String[] {"pending", "submitted", "approved", "released"}) {
        SQLException refusal =
            Insider.refused(
                backend,
                "UPDATE escrow_checkpoints SET status = ? WHERE id = ?",
                status,
                checkpoint);
        assertThat(refusal.getSQLState()).as(refusal.getMessage()).isEqualTo("23514");
      }
    }

    assertThat(Insider.row(db, "escrow_checkpoints", checkpoint)).isEqualTo(before);
    assertThat(Insider.journals(db)).isEqualTo(journals);
  }

  @Test
  void aRefundedCheckpointRevivedWithTheStatusRulesSwitchedOffHasNothingLeftToPay()
      throws SQLException {
    Deal deal = deal(10_000);
    long checkpoint = refunded(deal, 10_000);

    try (Connection su = db.superuser();
        Statement s = su.createStatement()) {
      s.execute("SET session_replication_role = replica");
      // Its totals cannot be reopened: released + refunded stays its whole amount.
      SQLException overpaid =
          Insider.refused(
              su, "UPDATE escrow_checkpoints SET released_minor = 1 WHERE id = ?", checkpoint);
      assertThat(Transactions.constraint(overpaid))
          .as(overpaid.getMessage())
          .isIn("escrow_checkpoints_paid_within_amount", "escrow_checkpoints_refunded_in_full");
      Insider.exec(
          su, "UPDATE escrow_checkpoints SET status = 'approved' WHERE id = ?", checkpoint);
    }
    long journals = Insider.journals(db);

    try (Connection fran = db.as("demo_finance")) {
      assertThat(call(fran, "release_checkpoint", checkpoint, null, key()).outcome())
          .isIn("needs_approval", "invalid_amount");
      assertThat(call(fran, "refund_checkpoint", checkpoint, "Again", key()).outcome())
          .isEqualTo("nothing_to_refund");
    }
    assertThat(Insider.journals(db)).isEqualTo(journals);
  }

  @Test
  void aReleasedCheckpointForcedBackToApprovedHasNothingLeftToPay() throws SQLException {
    Deal deal = deal(20_000);
    long checkpoint = approved(deal, 10_000);
    try (Connection fran = db.as("demo_finance")) {
      assertThat(call(fran, "release_checkpoint", checkpoint, null, key()).ok()).isTrue();
    }
    try (Connection su = db.superuser();
        Statement s = su.createStatement()) {
      s.execute("SET session_replication_role = replica");
      Insider.exec(
          su, "UPDATE escrow_checkpoints SET status = 'approved' WHERE id = ?", checkpoint);
    }
    long journals = Insider.journals(db);

    try (Connection fran = db.as("demo_finance")) {
      assertThat(call(fran, "release_checkpoint", checkpoint, null, key()).outcome())
          .isEqualTo("invalid_amount");
      assertThat(call(fran, "release_checkpoint", checkpoint, 1L, key()).outcome())
          .isEqualTo("amount_exceeds_remaining");
      assertThat(call(fran, "refund_checkpoint", checkpoint, "Again", key()).outcome())
          .isEqualTo("nothing_to_refund");
    }

    assertThat(Insider.journals(db)).isEqualTo(journals);
    try (Connection su = db.superuser()) {
      assertThat(balance(su, "user", deal.freelancer(), "USD")).isEqualTo(10_000);
      assertThat(balance(su, "user", deal.client(), "USD")).isZero();
    }
  }

  @Test
  void aRefundAfterAPartialReleaseLeavesNothingToReleaseAgain() throws SQLException {
    Deal deal = deal(10_000);
    long checkpoint = approved(deal, 10_000);
    long journals = Insider.journals(db);

    try (Connection fran = db.as("demo_finance")) {
      assertThat(call(fran, "release_checkpoint", checkpoint, 4_000L, key()).ok()).isTrue();
      assertThat(call(fran, "refund_checkpoint", checkpoint, "Half done", key()).ok()).isTrue();
      for (Long amount : new Long[] {null, 1L, 6_000L}) {
        MoneyResult again = call(fran, "release_checkpoint", checkpoint, amount, key());
        assertThat(again.outcome()).isEqualTo("already_refunded");
      }
      assertThat(call(fran, "refund_checkpoint", checkpoint, "Twice", key()).outcome())
          .isEqualTo("already_refunded");
    }

    assertThat(Insider.journals(db)).isEqualTo(journals + 2);
    assertThat(
            Insider.count(
                db,
                "SELECT released_minor * 100000 + refunded_minor FROM escrow_checkpoints"
                    + " WHERE id = ?",
                checkpoint))
        .isEqualTo(4_000L * 100_000 + 6_000);
    try (Connection su = db.superuser()) {
      assertThat(balance(su, "user", deal.freelancer(), "USD")).isEqualTo(4_000);
      assertThat(balance(su, "user", deal.client(), "USD")).isEqualTo(6_000);
    }
  }

  @Test
  void aKeyUsedOnceMovesNothingWhenSentAgainWithOtherArguments() throws SQLException {
    Deal deal = deal(30_000);
    long first = approved(deal, 10_000);
    long second = approved(deal, 10_000);
    String secondBefore = Insider.row(db, "escrow_checkpoints", second);
    String reused = key();

    try (Connection fran = db.as("demo_finance")) {
      assertThat(call(fran, "release_checkpoint", first, null, reused).ok()).isTrue();
      long journals = Insider.journals(db);
      assertThat(call(fran, "release_checkpoint", second, null, reused).outcome())
          .isEqualTo("idempotency_conflict");
      assertThat(call(fran, "refund_checkpoint", second, "Other", reused).outcome())
          .isEqualTo("idempotency_conflict");
      MoneyResult replay = call(fran, "release_checkpoint", first, null, reused);
      assertThat(replay.replayed()).isTrue();
      assertThat(Insider.journals(db)).isEqualTo(journals);
    }
    try (Connection felix = db.as("demo_finance2")) {
      assertThat(call(felix, "release_checkpoint", first, null, reused).outcome())
          .isEqualTo("idempotency_conflict");
    }

    assertThat(Insider.row(db, "escrow_checkpoints", second)).isEqualTo(secondBefore);
  }

  @Test
  void aReleaseAndARefundRacingOnOneCheckpointPayItOnce() throws Exception {
    Deal deal = deal(10_000);
    long checkpoint = approved(deal, 10_000);
    long journals = Insider.journals(db);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection fran = db.as("demo_finance");
        Connection felix = db.as("demo_finance2");
        Connection observer = db.superuser()) {
      long felixPid = MoneyFixture.longValue(felix, "SELECT pg_backend_pid()");
      fran.setAutoCommit(false);
      assertThat(call(fran, "release_checkpoint", checkpoint, null, key()).ok()).isTrue();

      CompletableFuture<MoneyResult> refund =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return call(felix, "refund_checkpoint", checkpoint, "Racing", key());
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              },
              pool);
      awaitLockWait(observer, felixPid);
      fran.commit();

      assertThat(refund.get(30, TimeUnit.SECONDS).outcome()).isEqualTo("already_released");
    } finally {
      pool.shutdownNow();
    }
    assertThat(Insider.journals(db)).isEqualTo(journals + 1);
    try (Connection su = db.superuser()) {
      assertThat(balance(su, "user", deal.freelancer(), "USD")).isEqualTo(10_000);
      assertThat(balance(su, "user", deal.client(), "USD")).isZero();
    }
  }

  @Test
  void aReleaseUnderASnapshotTakenBeforeAColleaguesReleaseIsRefused() throws SQLException {
    Deal deal = deal(10_000);
    long checkpoint = approved(deal, 10_000);
    long journals = Insider.journals(db);
    try (Connection fran = db.as("demo_finance");
        Connection felix = db.as("demo_finance2")) {
      fran.setAutoCommit(false);
      fran.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      assertThat(
              MoneyFixture.longValue(
                  fran, "SELECT count(*) FROM escrow_checkpoints WHERE id = ?", checkpoint))
          .isOne();
      assertThat(call(felix, "release_checkpoint", checkpoint, null, key()).ok()).isTrue();

      assertThatThrownBy(() -> call(fran, "release_checkpoint", checkpoint, null, key()))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("40001");
      fran.rollback();
    }
    assertThat(Insider.journals(db)).isEqualTo(journals + 1);
  }

  /** Waits, by asking the server, until the backend {@code pid} is queued behind a lock. */
  private static void awaitLockWait(Connection observer, long pid) throws SQLException {
    Waits.atMost(Duration.ofSeconds(30))
        .alias("the racing refund waits for the release")
        .until(
            () ->
                Fixtures.value(
                    observer, "SELECT wait_event_type FROM pg_stat_activity WHERE pid = ?", pid),
            "Lock"::equals);
  }
}
