package dev.arbiter.persistence.escrow;

import static dev.arbiter.persistence.escrow.MoneyFixture.longValue;
import static dev.arbiter.persistence.escrow.RawMoney.balance;
import static dev.arbiter.persistence.escrow.RawMoney.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.ledger.MoneyRefusal;
import dev.arbiter.persistence.ledger.MoneyResult;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** A retry with the same key has exactly one effect; the same key for something else is refused. */
class IdempotencyIT {

  private final TestDatabase db = TestDatabase.fresh();

  @Test
  void replayWithTheSameKeyReturnsTheFirstResultAndHasOneEffect() throws Exception {
    try (Connection owner = db.migrator();
        Connection fran = db.as("demo_finance")) {
      Deal deal = MoneyFixture.deal(owner, "USD", 50_000);
      long cp = MoneyFixture.approved(owner, deal, 10_000, "demo_finance2");

      MoneyResult first = call(fran, "release_checkpoint", cp, null, "release-retry-0001");
      MoneyResult again = call(fran, "release_checkpoint", cp, null, "release-retry-0001");

      assertThat(first.ok()).isTrue();
      assertThat(first.replayed()).isFalse();
      assertThat(again.ok()).isTrue();
      assertThat(again.replayed()).isTrue();
      assertThat(again.journalId()).isEqualTo(first.journalId());
      assertThat(again.payoutReference()).isEqualTo(first.payoutReference());
      assertThat(longValue(owner, "SELECT count(*) FROM journals WHERE checkpoint_id = ?", cp))
          .isEqualTo(1);
      assertThat(balance(owner, "user", deal.freelancer(), "USD")).isEqualTo(10_000);
    }
  }

  @Test
  void sameKeyWithAnotherAmountIsRefused() throws Exception {
    try (Connection owner = db.migrator();
        Connection fran = db.as("demo_finance")) {
      Deal deal = MoneyFixture.deal(owner, "USD", 50_000);
      long cp = MoneyFixture.approved(owner, deal, 10_000, "demo_finance2");

      assertThat(call(fran, "release_checkpoint", cp, 1_000L, "partial-key-0001").ok()).isTrue();
      MoneyResult other = call(fran, "release_checkpoint", cp, 2_000L, "partial-key-0001");

      assertThat(other.refusal()).contains(MoneyRefusal.IDEMPOTENCY_CONFLICT);
      assertThat(longValue(owner, "SELECT released_minor FROM escrow_checkpoints WHERE id = ?", cp))
          .isEqualTo(1_000);
      assertThat(longValue(owner, "SELECT count(*) FROM journals WHERE checkpoint_id = ?", cp))
          .isEqualTo(1);
    }
  }

  @Test
  void sameKeyFromAnotherReviewerIsRefused() throws Exception {
    try (Connection owner = db.migrator();
        Connection fran = db.as("demo_finance");
        Connection felix = db.as("demo_finance2")) {
      Deal deal = MoneyFixture.deal(owner, "USD", 50_000);
      long cp = MoneyFixture.submitted(owner, deal, 10_000, "dual", "requester_login");

      assertThat(call(fran, "approve_checkpoint", cp, null, null, "approve-key-0001").ok())
          .isTrue();
      assertThat(call(felix, "approve_checkpoint", cp, null, null, "approve-key-0001").refusal())
          .contains(MoneyRefusal.IDEMPOTENCY_CONFLICT);
      assertThat(
              longValue(
                  owner, "SELECT count(*) FROM release_approvals WHERE checkpoint_id = ?", cp))
          .isEqualTo(1);
    }
  }

  @Test
  void theFirstRefusalIsReplayedToo() throws Exception {
    try (Connection owner = db.migrator();
        Connection fran = db.as("demo_finance")) {
      Deal deal = MoneyFixture.deal(owner, "USD", 500);
      long cp = MoneyFixture.approved(owner, deal, 10_000, "demo_finance2");
      assertThat(call(fran, "release_checkpoint", cp, null, "short-funds-0001").refusal())
          .contains(MoneyRefusal.INSUFFICIENT_FUNDS);
      MoneyFixture.fund(owner, deal.escrow(), 20_000);

      MoneyResult replay = call(fran, "release_checkpoint", cp, null, "short-funds-0001");

      assertThat(replay.replayed()).isTrue();
      assertThat(replay.refusal()).contains(MoneyRefusal.INSUFFICIENT_FUNDS);
      assertThat(call(fran, "release_checkpoint", cp, null, "short-funds-0002").ok()).isTrue();
    }
  }

  @Test
  void aServiceCallNamesItsCommandAndKeyInTheAuditLogAndAKeyTheLogRefusesStillPays()
      throws Exception {
    long keyed;
    long odd;
    try (Connection owner = db.migrator()) {
      Deal deal = MoneyFixture.deal(owner, "USD", 50_000);
      keyed = MoneyFixture.approved(owner, deal, 10_000, "demo_finance2");
      odd = MoneyFixture.approved(owner, deal, 10_000, "demo_finance2");
    }
    ReleaseService fran = new ReleaseService(db.access("demo_finance"));

    assertThat(fran.perform(new CheckpointAction.Release(keyed, null, "release-audit-0001")).ok())
        .isTrue();
    // Eight characters or more is all a money function asks of a key; the log wants no spaces.
    assertThat(fran.perform(new CheckpointAction.Release(odd, null, "release audit 0002")).ok())
        .isTrue();

    try (Connection owner = db.migrator()) {
      assertThat(lastUpdate(owner, "command", keyed)).isEqualTo("money.release");
      assertThat(lastUpdate(owner, "request_id", keyed)).isEqualTo("release-audit-0001");
      assertThat(lastUpdate(owner, "command", odd)).isEqualTo("money.release");
      assertThat(lastUpdate(owner, "request_id", odd)).isNull();
      assertThat(
              longValue(
                  owner,
                  "SELECT count(*) FROM money_requests WHERE idempotency_key = ?",
                  "release audit 0002"))
          .isEqualTo(1);
    }
  }

  private static Object lastUpdate(Connection owner, String column, long checkpoint)
      throws Exception {
    return dev.arbiter.persistence.contract.Fixtures.value(
        owner,
        "SELECT "
            + column
            + " FROM audit_log WHERE entity_type = 'escrow_checkpoints' AND entity_id = ?"
            + " AND action = 'update' ORDER BY id DESC LIMIT 1",
        Long.toString(checkpoint));
  }
}
