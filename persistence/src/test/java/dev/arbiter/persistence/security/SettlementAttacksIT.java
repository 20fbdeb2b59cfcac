package dev.arbiter.persistence.security;

import static dev.arbiter.persistence.escrow.RawMoney.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.contract.Transactions;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.ledger.MoneyResult;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A dispute settles once: its settlement is never paid again under another key, after its rows are
 * bent back to "proposed", or through a second proposal on the resolved case. The unique indexes
 * behind that are also tried on their own, by a superuser with the triggers switched off.
 */
@Timeout(60)
class SettlementAttacksIT {

  private static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
  }

  /** A settling dispute on {@code deal} with a support proposal refunding {@code amount}. */
  private record Case(long dispute, long settlement) {}

  private static Case proposed(Deal deal, Long checkpoint, long amount) throws SQLException {
    try (Connection owner = db.migrator()) {
      long dispute = MoneyFixture.dispute(owner, deal, checkpoint, "settling", amount);
      long settlement =
          MoneyFixture.settlement(
              owner, dispute, "refund_to_payer", 0, amount, deal.currency(), "demo_support");
      return new Case(dispute, settlement);
    }
  }

  private static MoneyResult execute(String login, long settlement) throws SQLException {
    try (Connection c = db.as(login)) {
      return call(c, "execute_settlement", settlement, "Agreed", "attack-" + Fixtures.next());
    }
  }

  @Test
  void anExecutedSettlementIsNotExecutedAgainUnderAnyKey() throws SQLException {
    Deal deal = deal(10_000);
    Case c = proposed(deal, null, 4_000);
    String key = "attack-" + Fixtures.next();
    try (Connection fran = db.as("demo_finance")) {
      assertThat(call(fran, "execute_settlement", c.settlement(), "Agreed", key).ok()).isTrue();
      long journals = Insider.journals(db);

      assertThat(call(fran, "execute_settlement", c.settlement(), "Agreed", key).replayed())
          .isTrue();
      assertThat(execute("demo_finance", c.settlement()).outcome()).isEqualTo("already_executed");
      assertThat(execute("demo_finance2", c.settlement()).outcome()).isEqualTo("already_executed");
      assertThat(Insider.journals(db)).isEqualTo(journals);
    }
    Insider.assertLedgerClean(db);
  }

  @Test
  void aSettlementForcedBackToProposedIsNotPaidAgain() throws SQLException {
    Deal deal = deal(10_000);
    Case c = proposed(deal, null, 4_000);
    assertThat(execute("demo_finance", c.settlement()).ok()).isTrue();
    try (Connection su = db.superuser();
        Statement s = su.createStatement()) {
      s.execute("SET session_replication_role = replica");
      Insider.exec(
          su,
          "UPDATE settlements SET status = 'proposed', decided_at = NULL, decided_by = NULL,"
              + " journal_id = NULL WHERE id = ?",
          c.settlement());
      Insider.exec(su, "UPDATE disputes SET status = 'settling' WHERE id = ?", c.dispute());
    }
    long journals = Insider.journals(db);

    assertThat(execute("demo_finance2", c.settlement()).outcome()).isEqualTo("already_executed");

    assertThat(Insider.journals(db)).isEqualTo(journals);
    assertThat(
            Insider.count(
                db,
                "SELECT count(*) FROM settlements WHERE id = ? AND status = 'proposed'",
                c.settlement()))
        .isOne();
  }

  @Test
  void aSecondSettlementOnAResolvedDisputeIsNeverPaid() throws SQLException {
    Deal deal = deal(10_000);
    Case c = proposed(deal, null, 4_000);
    assertThat(execute("demo_finance", c.settlement()).ok()).isTrue();
    long journals = Insider.journals(db);

    long second;
    try (Connection support = db.as("demo_support")) {
      second =
          Fixtures.id(
              support,
              "INSERT INTO settlements (dispute_id, outcome, payee_minor, payer_minor, currency,"
                  + " reason) VALUES (?, 'refund_to_payer', 0, 4000, 'USD', 'Once more')",
              c.dispute());
      SQLException rewrite =
          Insider.refused(
              support, "UPDATE settlements SET payer_minor = 1 WHERE id = ?", c.settlement());
      assertThat(rewrite.getSQLState()).isEqualTo("42501");
      assertThat(
              Insider.refused(support, "SELECT withdraw_settlement(?, 'take back')", c.settlement())
                  .getSQLState())
          .isEqualTo("23514");
    }
    assertThat(execute("demo_finance2", second).outcome()).isEqualTo("already_executed");

    try (Connection su = db.superuser();
        Statement s = su.createStatement()) {
      s.execute("SET session_replication_role = replica");
      SQLException twice =
          Insider.refused(
              su,
              "UPDATE settlements SET status = 'executed', decided_at = now() WHERE id = ?",
              second);
      assertThat(Transactions.constraint(twice)).isEqualTo("settlements_one_executed_per_dispute");
      SQLException journalTwice =
          Insider.refused(
              su,
              "INSERT INTO journals (idempotency_key, request_fingerprint, kind, description,"
                  + " settlement_id) VALUES (?, 'fp', 'settlement', 'again', ?)",
              "forged-" + Fixtures.next(),
              c.settlement());
      assertThat(Transactions.constraint(journalTwice)).isEqualTo("journals_one_per_settlement");
    }
    assertThat(Insider.journals(db)).isEqualTo(journals);
    Insider.assertLedgerClean(db);
  }

  private static Deal deal(long funded) throws SQLException {
    try (Connection owner = db.migrator()) {
      return MoneyFixture.deal(owner, "USD", funded);
    }
  }
}
