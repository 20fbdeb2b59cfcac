package dev.arbiter.persistence.ledger;

import static dev.arbiter.persistence.escrow.RawMoney.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.ledger.LedgerFinding.Check;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ledger verify} is clean after real money movements and names the offending row for each
 * kind of tampering a superuser could do behind the functions' backs.
 */
class LedgerVerifierIT {

  private TestDatabase db;
  private Deal deal;
  private long released;

  @BeforeEach
  void moveSomeMoney() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator();
        Connection fran = db.as("demo_finance")) {
      deal = MoneyFixture.deal(owner, "USD", 30_000);
      released = MoneyFixture.approved(owner, deal, 10_000, "demo_finance2");
      long refunded = MoneyFixture.submitted(owner, deal, 5_000, "single", "someone_else");
      assertThat(call(fran, "release_checkpoint", released, 4_000L, "verify-1-key").ok()).isTrue();
      assertThat(call(fran, "release_checkpoint", released, null, "verify-2-key").ok()).isTrue();
      assertThat(call(fran, "refund_checkpoint", refunded, "Cancelled", "verify-3-key").ok())
          .isTrue();
    }
  }

  private LedgerReport verifyAsFinance() throws Exception {
    return new LedgerVerifier(db.access("demo_finance")).verify();
  }

  @Test
  void ledgerIsCleanAfterReleasesAndRefunds() throws Exception {
    LedgerReport report = verifyAsFinance();

    assertThat(report.findings()).isEmpty();
    assertThat(report.clean()).isTrue();
    assertThat(report.journals()).isEqualTo(4);
    assertThat(report.entries()).isEqualTo(8);
  }

  @Test
  void walletBalanceEditedBehindTheLedgerIsNamed() throws Exception {
    long wallet;
    try (Connection owner = db.migrator()) {
      wallet =
          MoneyFixture.longValue(
              owner, "SELECT id FROM wallets WHERE owner_user_id = ?", deal.freelancer());
      Fixtures.update(
          owner, "UPDATE wallets SET balance_minor = balance_minor + 5 WHERE id = ?", wallet);
    }

    LedgerReport report = verifyAsFinance();

    assertThat(report.findings())
        .extracting(LedgerFinding::check, LedgerFinding::id)
        .containsExactly(tuple(Check.WALLET_BALANCE, wallet));
  }

  @Test
  void brokenBalanceAfterChainIsNamedAtTheEntry() throws Exception {
    long entry;
    try (Connection su = db.superuser();
        Statement s = su.createStatement()) {
      entry = MoneyFixture.longValue(su, "SELECT max(id) FROM ledger_entries");
      s.execute("SET session_replication_role = replica");
      Fixtures.update(
          su, "UPDATE ledger_entries SET balance_after = balance_after + 1 WHERE id = ?", entry);
    }

    assertThat(verifyAsFinance().findings())
        .extracting(LedgerFinding::check, LedgerFinding::id)
        .containsExactly(tuple(Check.BALANCE_AFTER_CHAIN, entry));
  }

  @Test
  void unbalancedJournalSmuggledInWithTriggersOffIsNamed() throws Exception {
    long journal;
    long wallet;
    try (Connection su = db.superuser();
        Statement s = su.createStatement()) {
      s.execute("SET session_replication_role = replica");
      wallet =
          MoneyFixture.longValue(
              su, "SELECT id FROM wallets WHERE owner_user_id = ?", deal.client());
      journal =
          Fixtures.id(
              su,
              "INSERT INTO journals (idempotency_key, request_fingerprint, kind, description)"
                  + " VALUES ('smuggled-journal', 'x', 'correction', 'one-sided')");
      Fixtures.update(
          su,
          "INSERT INTO ledger_entries (journal_id, wallet_id, direction, amount_minor, currency,"
              + " balance_after) SELECT ?, id, 'credit', 700, currency, balance_minor + 700"
              + " FROM wallets WHERE id = ?",
          journal,
          wallet);
      Fixtures.update(
          su, "UPDATE wallets SET balance_minor = balance_minor + 700 WHERE id = ?", wallet);
    }

    assertThat(verifyAsFinance().findings())
        .extracting(LedgerFinding::check, LedgerFinding::id)
        .containsExactly(tuple(Check.UNBALANCED_JOURNAL, journal));
  }

  @Test
  void escrowTotalsThatDisagreeWithTheirJournalsAreNamed() throws Exception {
    long holding;
    try (Connection owner = db.migrator()) {
      Fixtures.update(
          owner,
          "UPDATE escrows SET funded_minor = funded_minor + 100 WHERE id = ?",
          deal.escrow());
      holding =
          MoneyFixture.longValue(owner, "SELECT id FROM wallets WHERE kind = 'escrow_holding'");
    }

    assertThat(verifyAsFinance().findings())
        .extracting(LedgerFinding::check, LedgerFinding::id)
        .containsExactlyInAnyOrder(
            tuple(Check.ESCROW_TOTALS, deal.escrow()), tuple(Check.HOLDING_TOTAL, holding));
  }
}
