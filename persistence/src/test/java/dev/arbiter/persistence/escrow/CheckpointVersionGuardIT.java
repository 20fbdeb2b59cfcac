package dev.arbiter.persistence.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.ledger.IdempotencyKeys;
import dev.arbiter.persistence.ledger.MoneyRefusal;
import dev.arbiter.persistence.ledger.MoneyResult;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** A decision carries the checkpoint state it was based on; the database refuses a stale one. */
class CheckpointVersionGuardIT {

  private final TestDatabase db = TestDatabase.fresh();
  private final ReleaseService fran = new ReleaseService(db.access("demo_finance"));
  private final ReleaseService felix = new ReleaseService(db.access("demo_finance2"));
  private final CheckpointDetailService details =
      new CheckpointDetailService(db.access("demo_finance"));

  @Test
  void approvalBasedOnAStaleReadIsRefusedAndLeavesNothingBehind() throws Exception {
    long cp = submitted("dual");
    CheckpointBasis seen = details.load(cp).orElseThrow().basis();
    // Another reviewer's approval does not touch the checkpoint row; the decisions count moves.
    assertThat(felix.perform(new CheckpointAction.Approve(cp, null, null, key())).ok()).isTrue();
    String key = key();

    MoneyResult stale = fran.perform(new CheckpointAction.Approve(cp, "fine", null, key), seen);

    assertThat(stale.refusal()).contains(MoneyRefusal.STALE);
    assertThat(stale.message()).contains("decisions 0, now ");
    assertThat(count("SELECT count(*) FROM money_requests WHERE idempotency_key = ?", key))
        .isZero();
    assertThat(count("SELECT count(*) FROM release_approvals WHERE checkpoint_id = ?", cp))
        .isEqualTo(1);

    CheckpointBasis now = details.load(cp).orElseThrow().basis();
    assertThat(now.version()).isEqualTo(seen.version());
    assertThat(now.decisions()).isNotEqualTo(seen.decisions());
    MoneyResult approved = fran.perform(new CheckpointAction.Approve(cp, "fine", null, key), now);
    assertThat(approved.status()).isEqualTo("approved");
  }

  @Test
  void aDecisionInALaterRoundMakesAnOlderViewStaleThoughTheCountIsUnchanged() throws Exception {
    long cp = submitted("dual");
    assertThat(felix.perform(new CheckpointAction.Approve(cp, null, null, key())).ok()).isTrue();
    assertThat(fran.perform(new CheckpointAction.Reject(cp, "invoice missing", key())).ok())
        .isTrue();
    MoneyFixture.resubmit(db, cp);
    CheckpointBasis seen = details.load(cp).orElseThrow().basis();
    // Felix approves again in the new round: his row is replaced, so there are still two rows
    // and the checkpoint row is untouched.
    assertThat(felix.perform(new CheckpointAction.Approve(cp, null, null, key())).ok()).isTrue();
    assertThat(count("SELECT count(*) FROM release_approvals WHERE checkpoint_id = ?", cp))
        .isEqualTo(2);
    assertThat(details.load(cp).orElseThrow().checkpoint().version()).isEqualTo(seen.version());

    MoneyResult stale = fran.perform(new CheckpointAction.Approve(cp, "fine", null, key()), seen);

    assertThat(stale.refusal()).contains(MoneyRefusal.STALE);
    CheckpointBasis now = details.load(cp).orElseThrow().basis();
    assertThat(fran.perform(new CheckpointAction.Approve(cp, "fine", null, key()), now).status())
        .isEqualTo("approved");
  }

  @Test
  void aHoldMovesTheVersionAndAReleaseBasedOnTheOldOneIsRefused() throws Exception {
    long cp;
    try (Connection owner = db.migrator()) {
      cp = MoneyFixture.approved(owner, MoneyFixture.deal(owner, "USD", 9_000), 4_000, "x_login");
    }
    CheckpointBasis seen = details.load(cp).orElseThrow().basis();
    assertThat(felix.perform(new CheckpointAction.Hold(cp, "KYC check", key())).ok()).isTrue();

    MoneyResult stale = fran.perform(new CheckpointAction.Release(cp, null, key()), seen);

    assertThat(stale.refusal()).contains(MoneyRefusal.STALE);
    assertThat(count("SELECT count(*) FROM journals WHERE checkpoint_id = ?", cp)).isZero();
    assertThat(details.load(cp).orElseThrow().checkpoint().version()).isEqualTo(seen.version() + 1);
  }

  @Test
  void aKeyAlreadyUsedReplaysItsAnswerEvenAfterTheCheckpointMoved() throws Exception {
    long cp;
    try (Connection owner = db.migrator()) {
      cp = MoneyFixture.approved(owner, MoneyFixture.deal(owner, "USD", 9_000), 4_000, "x_login");
    }
    CheckpointBasis seen = details.load(cp).orElseThrow().basis();
    String key = key();
    CheckpointAction.Release release = new CheckpointAction.Release(cp, null, key);

    MoneyResult first = fran.perform(release, seen);
    MoneyResult again = fran.perform(release, seen);

    assertThat(first.status()).isEqualTo("released");
    assertThat(again.replayed()).isTrue();
    assertThat(again.payoutReference()).isEqualTo(first.payoutReference());
    assertThat(count("SELECT count(*) FROM journals WHERE checkpoint_id = ?", cp)).isEqualTo(1);
  }

  @Test
  void supportCannotUseTheGuardedActionsEither() throws Exception {
    long cp = submitted("single");
    ReleaseService sam = new ReleaseService(db.access("demo_support"));
    CheckpointBasis seen = details.load(cp).orElseThrow().basis();

    MoneyResult refused = sam.perform(new CheckpointAction.Approve(cp, null, null, key()), seen);

    assertThat(refused.refusal()).contains(MoneyRefusal.NOT_FINANCE);
  }

  private long submitted(String requirement) throws Exception {
    try (Connection owner = db.migrator()) {
      Deal deal = MoneyFixture.deal(owner, "USD", 20_000);
      return MoneyFixture.submitted(owner, deal, 10_000, requirement, "requester_login");
    }
  }

  private long count(String sql, Object param) throws Exception {
    try (Connection owner = db.migrator()) {
      return MoneyFixture.longValue(owner, sql, param);
    }
  }

  private static String key() {
    return IdempotencyKeys.next("test");
  }
}
