package dev.arbiter.persistence.escrow;

import static dev.arbiter.persistence.escrow.MoneyFixture.longValue;
import static dev.arbiter.persistence.escrow.RawMoney.balance;
import static dev.arbiter.persistence.escrow.RawMoney.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.ledger.MoneyRefusal;
import dev.arbiter.persistence.ledger.MoneyResult;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every gate of the checkpoint money functions, called as raw SQL by the demo finance logins: the
 * database refuses with a typed reason and changes nothing, or moves the money with a balanced
 * journal.
 */
class CheckpointMoneyFunctionsIT {

  private static TestDatabase db;
  private static Connection owner;
  private static Connection fran;
  private static Connection felix;

  @BeforeAll
  static void open() throws Exception {
    db = TestDatabase.fresh();
    owner = db.migrator();
    fran = db.as("demo_finance");
    felix = db.as("demo_finance2");
  }

  @AfterAll
  static void close() throws Exception {
    owner.close();
    fran.close();
    felix.close();
  }

  private static String key() {
    return "test-key-" + Fixtures.next();
  }

  @Test
  void approvalBySelfIsRefusedByTheDatabaseEvenAsRawSql() throws Exception {
    Deal deal = MoneyFixture.deal(owner, "USD", 50_000);
    long cp = MoneyFixture.submitted(owner, deal, 5_000, "single", "demo_finance");

    MoneyResult self = call(fran, "approve_checkpoint", cp, "looks fine", null, key());

    assertThat(self.refusal()).contains(MoneyRefusal.SELF_APPROVAL);
    assertThat(
            longValue(owner, "SELECT count(*) FROM release_approvals WHERE checkpoint_id = ?", cp))
        .isZero();
    assertThat(call(felix, "approve_checkpoint", cp, null, null, key()).status())
        .isEqualTo("approved");
    assertThat(call(fran, "release_checkpoint", cp, null, key()).refusal())
        .contains(MoneyRefusal.SELF_APPROVAL);
    assertThat(status(cp)).isEqualTo("approved");
  }

  @Test
  void dualApprovalNeedsTwoDistinctFinanceReviewers() throws Exception {
    Deal deal = MoneyFixture.deal(owner, "USD", 50_000);
    long cp = MoneyFixture.submitted(owner, deal, 20_000, "dual", "requester_login");

    MoneyResult first = call(fran, "approve_checkpoint", cp, "first look", null, key());
    assertThat(first.ok()).isTrue();
    assertThat(first.status()).isEqualTo("submitted");
    assertThat(first.approvals()).hasValue(1);
    assertThat(first.approvalsNeeded()).hasValue(2);
    assertThat(call(fran, "approve_checkpoint", cp, "again", null, key()).refusal())
        .contains(MoneyRefusal.ALREADY_DECIDED);
    assertThat(call(fran, "release_checkpoint", cp, null, key()).refusal())
        .contains(MoneyRefusal.ILLEGAL_STATUS);

    assertThat(call(felix, "approve_checkpoint", cp, "second look", null, key()).status())
        .isEqualTo("approved");
    MoneyResult release = call(fran, "release_checkpoint", cp, null, key());

    assertThat(release.ok()).isTrue();
    assertThat(release.amountMinor()).hasValue(20_000);
    assertThat(release.payoutReference()).startsWith("PO-");
    assertThat(status(cp)).isEqualTo("released");
    assertThat(balance(owner, "user", deal.freelancer(), "USD")).isEqualTo(20_000);
    assertThat(RawMoney.unbalancedJournals(owner)).isZero();
  }

  @Test
  void secondApproverIsCheckedAgainAtReleaseTime() throws Exception {
    Deal deal = MoneyFixture.deal(owner, "USD", 50_000);
    long cp = MoneyFixture.submitted(owner, deal, 20_000, "dual", "requester_login");
    MoneyFixture.approval(owner, cp, "demo_finance2", null);
    // Only the owner could do this; the release function still counts approvals itself.
    Fixtures.update(owner, "UPDATE escrow_checkpoints SET status = 'approved' WHERE id = ?", cp);

    assertThat(call(fran, "release_checkpoint", cp, null, key()).refusal())
        .contains(MoneyRefusal.NEEDS_SECOND_APPROVER);
    assertThat(status(cp)).isEqualTo("approved");
  }

  @Test
  void csatBelowThresholdNeedsAnOverrideReasonAndTwoApprovers() throws Exception {
    Deal deal = MoneyFixture.deal(owner, "USD", 50_000);
    long cp = MoneyFixture.submitted(owner, deal, 10_000, "single", "requester_login");
    MoneyFixture.csat(owner, deal.contract(), "3.10");
    MoneyFixture.threshold(owner, cp, "4.00");

    assertThat(call(fran, "approve_checkpoint", cp, null, null, key()).refusal())
        .contains(MoneyRefusal.CSAT_BELOW_THRESHOLD);
    MoneyResult overridden =
        call(fran, "approve_checkpoint", cp, null, "Client confirmed delivery by phone", key());
    assertThat(overridden.status()).isEqualTo("submitted");
    assertThat(overridden.approvalsNeeded()).hasValue(2);
    assertThat(call(felix, "approve_checkpoint", cp, null, null, key()).status())
        .isEqualTo("approved");

    assertThat(call(felix, "release_checkpoint", cp, null, key()).ok()).isTrue();
  }

  @Test
  void csatThatDropsAfterApprovalBlocksTheRelease() throws Exception {
    Deal deal = MoneyFixture.deal(owner, "USD", 50_000);
    long cp = MoneyFixture.approved(owner, deal, 10_000, "demo_finance2");
    MoneyFixture.threshold(owner, cp, "4.00");
    MoneyFixture.csat(owner, deal.contract(), "2.00");

    MoneyResult refused = call(fran, "release_checkpoint", cp, null, key());

    assertThat(refused.refusal()).contains(MoneyRefusal.CSAT_BELOW_THRESHOLD);
    assertThat(refused.describe()).contains("2.00").contains("4.00");
    assertThat(status(cp)).isEqualTo("approved");
  }

  @Test
  void openDisputeOnTheCheckpointOrItsEscrowBlocksRelease() throws Exception {
    Deal deal = MoneyFixture.deal(owner, "USD", 50_000);
    long cp = MoneyFixture.approved(owner, deal, 10_000, "demo_finance2");
    long other = MoneyFixture.approved(owner, deal, 10_000, "demo_finance2");
    long dispute = MoneyFixture.dispute(owner, deal, cp, "under_review", 5_000);

    assertThat(call(fran, "release_checkpoint", cp, null, key()).refusal())
        .contains(MoneyRefusal.OPEN_DISPUTE);
    // A dispute about another checkpoint of the escrow does not hold this one back.
    assertThat(call(fran, "release_checkpoint", other, null, key()).ok()).isTrue();

    Fixtures.update(owner, "UPDATE disputes SET checkpoint_id = NULL WHERE id = ?", dispute);
    long third = MoneyFixture.approved(owner, deal, 10_000, "demo_finance2");
    assertThat(call(fran, "release_checkpoint", third, null, key()).refusal())
        .contains(MoneyRefusal.OPEN_DISPUTE);
  }

  @Test
  void releaseOfMoreThanTheEscrowHoldsIsRefused() throws Exception {
    Deal deal = MoneyFixture.deal(owner, "USD", 1_000);
    long cp = MoneyFixture.approved(owner, deal, 5_000, "demo_finance2");

    MoneyResult refused = call(fran, "release_checkpoint", cp, null, key());
    assertThat(refused.refusal()).contains(MoneyRefusal.INSUFFICIENT_FUNDS);
    // The figures come as amounts with their currency, for the console to write in its units.
    assertThat(refused.describe((minor, currency) -> currency + ":" + minor))
        .endsWith(" USD:5000 needed, USD:1000 held in the escrow.");
    assertThat(longValue(owner, "SELECT count(*) FROM journals WHERE checkpoint_id = ?", cp))
        .isZero();
  }

  @Test
  void partialReleaseKeepsTheRemainderHeldAndTakesTheConfiguredFee() throws Exception {
    Fixtures.update(
        owner,
        "INSERT INTO platform_fee_rates (contract_kind, basis_points) VALUES ('fixed_price', 250)"
            + " ON CONFLICT (contract_kind) DO UPDATE SET basis_points = 250");
    try {
      Deal deal = MoneyFixture.deal(owner, "USD", 10_000);
      long cp = MoneyFixture.approved(owner, deal, 10_000, "demo_finance2");
      long feesBefore = balance(owner, "platform_fee", null, "USD");

      MoneyResult part = call(fran, "release_checkpoint", cp, 4_000L, key());
      assertThat(part.ok()).isTrue();
      assertThat(part.status()).isEqualTo("approved");
      assertThat(part.feeMinor()).hasValue(100);
      MoneyResult tooMuch = call(fran, "release_checkpoint", cp, 7_000L, key());
      assertThat(tooMuch.refusal()).contains(MoneyRefusal.AMOUNT_EXCEEDS_REMAINING);
      assertThat(tooMuch.describe((minor, currency) -> currency + ":" + minor))
          .endsWith(" USD:7000 asked, USD:6000 left to release on this checkpoint.");
      MoneyResult rest = call(fran, "release_checkpoint", cp, null, key());
      assertThat(rest.amountMinor()).hasValue(6_000);
      assertThat(rest.status()).isEqualTo("released");
      assertThat(call(felix, "release_checkpoint", cp, null, key()).refusal())
          .contains(MoneyRefusal.ALREADY_RELEASED);

      assertThat(balance(owner, "user", deal.freelancer(), "USD")).isEqualTo(9_750);
      assertThat(balance(owner, "platform_fee", null, "USD") - feesBefore).isEqualTo(250);
      assertThat(
              longValue(
                  owner,
                  "SELECT funded_minor - released_minor - refunded_minor FROM escrows WHERE id = ?",
                  deal.escrow()))
          .isZero();
      assertThat(RawMoney.unbalancedJournals(owner)).isZero();
    } finally {
      Fixtures.update(owner, "DELETE FROM platform_fee_rates");
    }
  }

  @Test
  void refundCreditsThePayerAndClosesTheCheckpoint() throws Exception {
    Deal deal = MoneyFixture.deal(owner, "EUR", 30_000);
    long cp = MoneyFixture.submitted(owner, deal, 12_000, "single", "requester_login");

    assertThat(call(fran, "refund_checkpoint", cp, " ", key()).refusal())
        .contains(MoneyRefusal.REASON_REQUIRED);
    MoneyResult refund = call(fran, "refund_checkpoint", cp, "Work was cancelled", key());

    assertThat(refund.ok()).isTrue();
    assertThat(status(cp)).isEqualTo("refunded");
    assertThat(balance(owner, "user", deal.client(), "EUR")).isEqualTo(12_000);
    assertThat(longValue(owner, "SELECT refunded_minor FROM escrows WHERE id = ?", deal.escrow()))
        .isEqualTo(12_000);
    assertThat(call(fran, "release_checkpoint", cp, null, key()).refusal())
        .contains(MoneyRefusal.ALREADY_REFUNDED);
  }

  @Test
  void holdNeedsAReasonAndUnholdReturnsToWhereTheApprovalsPutIt() throws Exception {
    Deal deal = MoneyFixture.deal(owner, "USD", 50_000);
    long cp = MoneyFixture.approved(owner, deal, 10_000, "demo_finance2");

    assertThat(call(fran, "hold_checkpoint", cp, "", key()).refusal())
        .contains(MoneyRefusal.REASON_REQUIRED);
    assertThat(call(fran, "hold_checkpoint", cp, "Bank details changed", key()).status())
        .isEqualTo("on_hold");
    assertThat(call(fran, "release_checkpoint", cp, null, key()).refusal())
        .contains(MoneyRefusal.ILLEGAL_STATUS);
    assertThat(call(fran, "unhold_checkpoint", cp, "Verified", key()).status())
        .isEqualTo("approved");
    assertThat(call(fran, "release_checkpoint", cp, null, key()).ok()).isTrue();
  }

  @Test
  void rejectionNeedsAReasonAndStartsANewRoundOnResubmission() throws Exception {
    Deal deal = MoneyFixture.deal(owner, "USD", 50_000);
    long cp = MoneyFixture.submitted(owner, deal, 10_000, "single", "requester_login");

    assertThat(call(fran, "reject_checkpoint", cp, null, key()).refusal())
        .contains(MoneyRefusal.REASON_REQUIRED);
    assertThat(call(fran, "reject_checkpoint", cp, "Deliverable missing", key()).status())
        .isEqualTo("pending");
    MoneyFixture.resubmit(db, cp);

    assertThat(call(fran, "approve_checkpoint", cp, "Now complete", null, key()).status())
        .isEqualTo("approved");
  }

  @Test
  void suspendedPayeeIsNotPaid() throws Exception {
    Deal deal = MoneyFixture.deal(owner, "USD", 50_000);
    long cp = MoneyFixture.approved(owner, deal, 10_000, "demo_finance2");
    Fixtures.update(owner, "UPDATE users SET status = 'suspended' WHERE id = ?", deal.freelancer());

    assertThat(call(fran, "release_checkpoint", cp, null, key()).refusal())
        .contains(MoneyRefusal.PAYEE_BLOCKED);
  }

  private static String status(long checkpoint) throws Exception {
    return (String)
        Fixtures.value(owner, "SELECT status FROM escrow_checkpoints WHERE id = ?", checkpoint);
  }
}
