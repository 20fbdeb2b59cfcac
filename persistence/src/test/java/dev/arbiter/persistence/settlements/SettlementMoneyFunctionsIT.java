package dev.arbiter.persistence.settlements;

import static dev.arbiter.persistence.escrow.MoneyFixture.longValue;
import static dev.arbiter.persistence.escrow.RawMoney.balance;
import static dev.arbiter.persistence.escrow.RawMoney.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.escrow.RawMoney;
import dev.arbiter.persistence.ledger.MoneyRefusal;
import dev.arbiter.persistence.ledger.MoneyResult;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Settlements proposed by support, executed or sent back by a different person in finance. */
class SettlementMoneyFunctionsIT {

  private static TestDatabase db;
  private static Connection owner;
  private static Connection support;
  private static Connection fran;

  @BeforeAll
  static void open() throws Exception {
    db = TestDatabase.fresh();
    owner = db.migrator();
    support = db.as("demo_support");
    fran = db.as("demo_finance");
  }

  @AfterAll
  static void close() throws Exception {
    owner.close();
    support.close();
    fran.close();
  }

  private static String key() {
    return "settle-key-" + Fixtures.next();
  }

  /** Support proposes through its own grant, so proposed_by is stamped by the database. */
  private static long propose(long dispute, String outcome, long payee, long payer)
      throws Exception {
    return Fixtures.id(
        support,
        "INSERT INTO settlements (dispute_id, outcome, payee_minor, payer_minor, currency, reason)"
            + " VALUES (?, ?, ?, ?, 'USD', 'Agreed on the call')",
        dispute,
        outcome,
        payee,
        payer);
  }

  @Test
  void splitPaysBothPartiesClosesTheCheckpointAndResolvesTheDispute() throws Exception {
    Deal deal = MoneyFixture.deal(owner, "USD", 40_000);
    long cp = MoneyFixture.submitted(owner, deal, 10_000, "single", "requester_login");
    long dispute = MoneyFixture.dispute(owner, deal, cp, "settling", 10_000);
    long settlement = propose(dispute, "split", 6_000, 4_000);

    MoneyResult result = call(fran, "execute_settlement", settlement, "Checked both", key());

    assertThat(result.ok()).isTrue();
    assertThat(balance(owner, "user", deal.freelancer(), "USD")).isEqualTo(6_000);
    assertThat(balance(owner, "user", deal.client(), "USD")).isEqualTo(4_000);
    assertThat(Fixtures.value(owner, "SELECT status FROM escrow_checkpoints WHERE id = ?", cp))
        .isEqualTo("refunded");
    assertThat(Fixtures.value(owner, "SELECT status FROM disputes WHERE id = ?", dispute))
        .isEqualTo("resolved");
    assertThat(Fixtures.value(owner, "SELECT resolved_by FROM disputes WHERE id = ?", dispute))
        .isEqualTo("demo_finance");
    assertThat(
            Fixtures.value(
                owner,
                "SELECT status || ':' || decided_by FROM settlements WHERE id = ?",
                settlement))
        .isEqualTo("executed:demo_finance");
    assertThat(
            longValue(owner, "SELECT count(*) FROM journals WHERE settlement_id = ?", settlement))
        .isEqualTo(1);
    assertThat(RawMoney.unbalancedJournals(owner)).isZero();
  }

  @Test
  void releaseToPayeeWalksTheCheckpointToReleased() throws Exception {
    Deal deal = MoneyFixture.deal(owner, "USD", 10_000);
    long cp = MoneyFixture.submitted(owner, deal, 10_000, "dual", "requester_login");
    long dispute = MoneyFixture.dispute(owner, deal, cp, "settling", 10_000);
    long settlement = propose(dispute, "release_to_payee", 10_000, 0);

    assertThat(call(fran, "execute_settlement", settlement, null, key()).ok()).isTrue();

    assertThat(
            Fixtures.value(
                owner,
                "SELECT status || ':' || released_minor FROM escrow_checkpoints WHERE id = ?",
                cp))
        .isEqualTo("released:10000");
    assertThat(Fixtures.value(owner, "SELECT status FROM escrows WHERE id = ?", deal.escrow()))
        .isEqualTo("released");
  }

  @Test
  void theProposerCannotExecuteTheirOwnSettlement() throws Exception {
    Deal deal = MoneyFixture.deal(owner, "USD", 10_000);
    long dispute = MoneyFixture.dispute(owner, deal, null, "settling", 5_000);
    long settlement =
        MoneyFixture.settlement(owner, dispute, "refund_to_payer", 0, 5_000, "USD", "demo_finance");

    assertThat(call(fran, "execute_settlement", settlement, null, key()).refusal())
        .contains(MoneyRefusal.SELF_APPROVAL);
    assertThat(Fixtures.value(owner, "SELECT status FROM settlements WHERE id = ?", settlement))
        .isEqualTo("proposed");
  }

  @Test
  void aDisputeNotInSettlingCannotBeSettled() throws Exception {
    Deal deal = MoneyFixture.deal(owner, "USD", 10_000);
    long dispute = MoneyFixture.dispute(owner, deal, null, "under_review", 5_000);
    long settlement = propose(dispute, "refund_to_payer", 0, 5_000);

    assertThat(call(fran, "execute_settlement", settlement, null, key()).refusal())
        .contains(MoneyRefusal.ILLEGAL_STATUS);
  }

  @Test
  void aSettlementBeyondTheHeldFundsIsRefused() throws Exception {
    Deal deal = MoneyFixture.deal(owner, "USD", 1_000);
    long dispute = MoneyFixture.dispute(owner, deal, null, "settling", 5_000);
    long settlement = propose(dispute, "refund_to_payer", 0, 5_000);

    assertThat(call(fran, "execute_settlement", settlement, null, key()).refusal())
        .contains(MoneyRefusal.INSUFFICIENT_FUNDS);
  }

  @Test
  void sendBackNeedsANoteAndLeavesTheMoneyAlone() throws Exception {
    Deal deal = MoneyFixture.deal(owner, "USD", 10_000);
    long dispute = MoneyFixture.dispute(owner, deal, null, "settling", 5_000);
    long settlement = propose(dispute, "refund_to_payer", 0, 5_000);

    assertThat(call(fran, "send_back_settlement", settlement, "  ", key()).refusal())
        .contains(MoneyRefusal.REASON_REQUIRED);
    assertThat(
            call(
                    fran,
                    "send_back_settlement",
                    settlement,
                    "Attach the client's confirmation",
                    key())
                .status())
        .isEqualTo("sent_back");
    assertThat(call(fran, "execute_settlement", settlement, null, key()).refusal())
        .contains(MoneyRefusal.ILLEGAL_STATUS);
    assertThat(balance(owner, "user", deal.client(), "USD")).isZero();
  }

  @Test
  void aDismissedSettlementResolvesWithoutMovingMoney() throws Exception {
    Deal deal = MoneyFixture.deal(owner, "USD", 10_000);
    long dispute = MoneyFixture.dispute(owner, deal, null, "settling", 5_000);
    long settlement = propose(dispute, "dismissed", 0, 0);
    long journals = longValue(owner, "SELECT count(*) FROM journals");

    assertThat(call(fran, "execute_settlement", settlement, null, key()).ok()).isTrue();

    assertThat(longValue(owner, "SELECT count(*) FROM journals")).isEqualTo(journals);
    assertThat(Fixtures.value(owner, "SELECT outcome FROM disputes WHERE id = ?", dispute))
        .isEqualTo("dismissed");
  }
}
