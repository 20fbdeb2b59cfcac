package dev.arbiter.persistence.security;

import static dev.arbiter.persistence.escrow.RawMoney.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.ledger.MoneyResult;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A settlement never pays a checkpoint more than it is worth, whatever was already paid for it and
 * however large the dispute on it. Each case goes the whole way with nothing but each login's
 * grants, as three colleagues doing their jobs would: the backend opens the case for the client,
 * support walks it to settling and proposes a refund, finance executes it.
 */
@Timeout(60)
class DisputePayoutHolesIT {

  private static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
  }

  @Test
  void aSettlementNeverPaysAReleasedCheckpointASecondTime() throws SQLException {
    Deal deal = deal(20_000);
    long released = approved(deal, 10_000);
    try (Connection owner = db.migrator()) {
      MoneyFixture.submitted(owner, deal, 10_000, "single", "user:7");
    }
    try (Connection fran = db.as("demo_finance")) {
      assertThat(call(fran, "release_checkpoint", released, null, "attack-" + Fixtures.next()).ok())
          .isTrue();
    }

    settleByStaff(deal, released, 10_000);

    assertThat(paidFor(released)).as("money paid out for checkpoint " + released).isEqualTo(10_000);
  }

  @Test
  void aSettlementNeverPaysMoreThanItsCheckpointIsWorth() throws SQLException {
    Deal deal = deal(20_000);
    long disputed;
    try (Connection owner = db.migrator()) {
      disputed = MoneyFixture.submitted(owner, deal, 10_000, "single", "user:7");
      MoneyFixture.submitted(owner, deal, 10_000, "single", "user:7");
    }

    settleByStaff(deal, disputed, 20_000);

    assertThat(paidFor(disputed))
        .as("money paid out for checkpoint " + disputed)
        .isLessThanOrEqualTo(10_000);
  }

  @Test
  void aSettlementAfterAPartialReleasePaysOnlyWhatRemains() throws SQLException {
    Deal deal = deal(20_000);
    long checkpoint = approved(deal, 10_000);
    try (Connection owner = db.migrator()) {
      MoneyFixture.submitted(owner, deal, 10_000, "single", "user:7");
    }
    try (Connection fran = db.as("demo_finance")) {
      assertThat(
              call(fran, "release_checkpoint", checkpoint, 4_000L, "hole-" + Fixtures.next()).ok())
          .isTrue();
    }

    settleByStaff(deal, checkpoint, 10_000, "release_to_payee");

    assertThat(paidFor(checkpoint))
        .as("money paid out for checkpoint " + checkpoint)
        .isLessThanOrEqualTo(10_000);
  }

  @Test
  void twoDisputesOnOneCheckpointDoNotPayItTwice() throws SQLException {
    Deal deal = deal(20_000);
    long disputed;
    try (Connection owner = db.migrator()) {
      disputed = MoneyFixture.submitted(owner, deal, 10_000, "single", "user:7");
      MoneyFixture.submitted(owner, deal, 10_000, "single", "user:7");
    }

    settleByStaff(deal, disputed, 10_000);
    settleByStaff(deal, disputed, 10_000);

    assertThat(paidFor(disputed))
        .as("money paid out for checkpoint " + disputed)
        .isLessThanOrEqualTo(10_000);
  }

  @Test
  void aDisputeLargerThanItsCheckpointIsNeverPaidBeyondIt() throws SQLException {
    // The second line, should such a dispute exist (written before V87, or by the owner): the
    // settlement is capped by what its checkpoint still holds.
    Deal deal = deal(20_000);
    long disputed;
    long dispute;
    try (Connection owner = db.migrator()) {
      disputed = MoneyFixture.submitted(owner, deal, 10_000, "single", "user:7");
      MoneyFixture.submitted(owner, deal, 10_000, "single", "user:7");
      dispute = MoneyFixture.dispute(owner, deal, disputed, "open", 20_000);
    }

    MoneyResult answer = proposeAndExecute(dispute, 20_000, "refund_to_payer", "USD");

    assertThat(answer.refusal())
        .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("amount_exceeds_remaining"));
    assertThat(paidFor(disputed)).isZero();
  }

  /**
   * The whole path with nothing but each login's grants: the backend opens a dispute for the
   * client, support walks it to settling and proposes a refund, finance executes it.
   */
  private static MoneyResult settleByStaff(Deal deal, long checkpoint, long amount)
      throws SQLException {
    return settleByStaff(deal, checkpoint, amount, "refund_to_payer");
  }

  private static MoneyResult settleByStaff(Deal deal, long checkpoint, long amount, String outcome)
      throws SQLException {
    long dispute;
    try (Connection backend = db.as("demo_backend")) {
      try {
        dispute =
            Fixtures.id(
                backend,
                "INSERT INTO disputes (reference, contract_id, escrow_id, checkpoint_id, opened_by,"
                    + " reason_code, amount_disputed_minor, currency)"
                    + " VALUES (?, ?, ?, ?, ?, 'quality', ?, ?)",
                Fixtures.disputeReference(),
                deal.contract(),
                deal.escrow(),
                checkpoint,
                deal.client(),
                amount,
                deal.currency());
      } catch (SQLException refused) {
        // The first line: a dispute on a checkpoint disputes at most what it still holds.
        assertThat(refused.getSQLState()).isEqualTo("23514");
        assertThat(refused.getMessage()).contains("disputes at most what it still holds");
        return null;
      }
    }
    return proposeAndExecute(dispute, amount, outcome, deal.currency());
  }

  /** Support walks the case to settling and proposes; finance executes. */
  private static MoneyResult proposeAndExecute(
      long dispute, long amount, String outcome, String currency) throws SQLException {
    long settlement;
    try (Connection support = db.as("demo_support")) {
      for (String status : new String[] {"under_review", "escalated", "settling"}) {
        Insider.exec(support, "UPDATE disputes SET status = ? WHERE id = ?", status, dispute);
      }
      settlement =
          Fixtures.id(
              support,
              "INSERT INTO settlements (dispute_id, outcome, payee_minor, payer_minor, currency,"
                  + " reason) VALUES (?, ?, ?, ?, ?, 'Agreed on the call')",
              dispute,
              outcome,
              outcome.equals("release_to_payee") ? amount : 0,
              outcome.equals("release_to_payee") ? 0 : amount,
              currency);
    }
    return execute("demo_finance", settlement);
  }

  /** What left the escrow holding wallet in journals that name {@code checkpoint}. */
  private static long paidFor(long checkpoint) throws SQLException {
    return Insider.count(
        db,
        "SELECT coalesce(sum(e.amount_minor), 0) FROM journals j JOIN ledger_entries e"
            + " ON e.journal_id = j.id AND e.direction = 'debit' JOIN wallets w ON w.id ="
            + " e.wallet_id AND w.kind = 'escrow_holding' WHERE j.checkpoint_id = ?",
        checkpoint);
  }

  private static MoneyResult execute(String login, long settlement) throws SQLException {
    try (Connection c = db.as(login)) {
      return call(c, "execute_settlement", settlement, "Agreed", "hole-" + Fixtures.next());
    }
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
}
