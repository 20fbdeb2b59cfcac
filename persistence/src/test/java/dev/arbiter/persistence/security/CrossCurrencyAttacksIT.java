package dev.arbiter.persistence.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.contract.Transactions;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rows that do not fit together, written by the logins that may write those tables: money in one
 * currency must never be booked against a pool of another, and a dispute's contract, escrow and
 * checkpoint must be one chain. Each is refused by a declared constraint, not by a guard that a
 * later change could forget.
 */
class CrossCurrencyAttacksIT {

  private static TestDatabase db;
  private static Map<String, Object> ids;

  @BeforeAll
  static void twoUsdDeals() throws SQLException {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      Deal a = MoneyFixture.deal(owner, "USD", 50_000);
      Deal b = MoneyFixture.deal(owner, "USD", 50_000);
      long checkpointA = MoneyFixture.submitted(owner, a, 10_000, "single", "user:7");
      long checkpointB = MoneyFixture.submitted(owner, b, 10_000, "single", "user:7");
      long disputeA = MoneyFixture.dispute(owner, a, checkpointA, "settling", 5_000);
      ids =
          Map.of(
              "contractA", a.contract(),
              "escrowA", a.escrow(),
              "checkpointA", checkpointA,
              "clientA", a.client(),
              "disputeA", disputeA,
              "escrowB", b.escrow(),
              "checkpointB", checkpointB);
    }
  }

  @AfterAll
  static void ledgerStaysClean() throws SQLException {
    Insider.assertLedgerClean(db);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          an EUR checkpoint in a USD escrow | demo_backend | escrow_checkpoints_escrow_currency_fk | \
            INSERT INTO escrow_checkpoints (escrow_id, seq, label, amount_minor, currency) \
            VALUES ({escrowA}, 900001, 'Euro milestone', 10000, 'EUR')
          an EUR escrow on a USD contract | demo_backend | escrows_contract_currency_fk | \
            INSERT INTO escrows (contract_id, currency) VALUES ({contractA}, 'EUR')
          an EUR dispute on a USD contract | demo_backend | disputes_contract_currency_fk | \
            INSERT INTO disputes (reference, contract_id, opened_by, reason_code, \
            amount_disputed_minor, currency) VALUES ({reference}, {contractA}, {clientA}, \
            'quality', 5000, 'EUR')
          a dispute naming another contract's escrow | demo_backend | disputes_escrow_contract_fk | \
            INSERT INTO disputes (reference, contract_id, escrow_id, opened_by, reason_code, \
            amount_disputed_minor, currency) VALUES ({reference}, {contractA}, {escrowB}, \
            {clientA}, 'quality', 5000, 'USD')
          a dispute naming another escrow's checkpoint | demo_backend | disputes_checkpoint_escrow_fk | \
            INSERT INTO disputes (reference, contract_id, escrow_id, checkpoint_id, opened_by, \
            reason_code, amount_disputed_minor, currency) VALUES ({reference}, {contractA}, \
            {escrowA}, {checkpointB}, {clientA}, 'quality', 5000, 'USD')
          a dispute naming only another contract's checkpoint | demo_backend | disputes_escrow_contract_fk | \
            INSERT INTO disputes (reference, contract_id, checkpoint_id, opened_by, reason_code, \
            amount_disputed_minor, currency) VALUES ({reference}, {contractA}, {checkpointB}, \
            {clientA}, 'quality', 5000, 'USD')
          an EUR settlement of a USD dispute | demo_support | settlements_fit_dispute | \
            INSERT INTO settlements (dispute_id, outcome, payee_minor, payer_minor, currency, reason) \
            VALUES ({disputeA}, 'refund_to_payer', 0, 5000, 'EUR', 'Paid back in euros')
          """)
  void rowsThatMixCurrenciesOrContractsAreRefused(
      String attack, String login, String constraint, String sql) throws SQLException {
    String statement = fill(sql);
    long checkpoints = Insider.count(db, "SELECT count(*) FROM escrow_checkpoints");
    long disputes = Insider.count(db, "SELECT count(*) FROM disputes");
    long settlements = Insider.count(db, "SELECT count(*) FROM settlements");

    try (Connection c = db.as(login)) {
      SQLException refusal =
          Transactions.refusedLeavingNothing(
              db,
              c,
              constraint.endsWith("_fk") ? "23503" : "23514",
              constraint,
              x -> Insider.exec(x, statement));
      assertThat(refusal.getMessage()).isNotBlank();
    }

    assertThat(Insider.count(db, "SELECT count(*) FROM escrow_checkpoints")).isEqualTo(checkpoints);
    assertThat(Insider.count(db, "SELECT count(*) FROM disputes")).isEqualTo(disputes);
    assertThat(Insider.count(db, "SELECT count(*) FROM settlements")).isEqualTo(settlements);
  }

  @Test
  void aDisputeNamingOnlyItsCheckpointIsFiledUnderThatCheckpointsEscrow() throws SQLException {
    long dispute;
    try (Connection backend = db.as("demo_backend")) {
      dispute =
          Fixtures.id(
              backend,
              fill(
                  "INSERT INTO disputes (reference, contract_id, checkpoint_id, opened_by,"
                      + " reason_code, amount_disputed_minor, currency) VALUES ({reference},"
                      + " {contractA}, {checkpointA}, {clientA}, 'quality', 5000, 'USD')"));
    }
    assertThat(Insider.count(db, "SELECT escrow_id FROM disputes WHERE id = ?", dispute))
        .isEqualTo((Long) ids.get("escrowA"));
  }

  private static String fill(String sql) {
    String filled = sql.replace("{reference}", "'" + Fixtures.disputeReference() + "'");
    for (Map.Entry<String, Object> e : ids.entrySet()) {
      filled = filled.replace("{" + e.getKey() + "}", e.getValue().toString());
    }
    assertThat(filled).doesNotContain("{");
    return filled;
  }
}
